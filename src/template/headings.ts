/** Template headings: how a document heading is matched against one, how one is written, and a walk over a preset's sections. */
import type {HeadingMatch, Preset, TemplateSection} from './types.js'

/** Walk a preset's sections depth-first, in template order (title first). */
export function* walkSections(preset: Preset): Generator<TemplateSection> {
  if (preset.title) yield preset.title
  yield* walk(preset.sections)
}

function* walk(sections: TemplateSection[]): Generator<TemplateSection> {
  for (const section of sections) {
    yield section
    yield* walk(section.children)
  }
}

/** Whether a document heading's normalised text matches a template heading. */
export function matchesHeading(match: HeadingMatch, normalized: string): boolean {
  switch (match.type) {
    case 'exact':
      return match.text === normalized || (match.aliases?.includes(normalized) ?? false)
    case 'pattern':
      return compiled(match.source).test(normalized) || (match.aliases?.includes(normalized) ?? false)
    case 'any':
      return true
  }
}

const regexCache = new Map<string, RegExp>()
function compiled(source: string): RegExp {
  let regex = regexCache.get(source)
  if (!regex) {
    regex = new RegExp(source)
    regexCache.set(source, regex)
  }
  return regex
}

/** The heading line a template section asks for: `### 1.1 Summary`. */
export function headingLine(section: TemplateSection): string {
  return '#'.repeat(section.depth) + ' ' + section.text
}
