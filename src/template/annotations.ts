/**
 * Template annotations: what inference cannot know, written as HTML comments
 * in the template so it still renders and copies cleanly (documents copied
 * from it carry the comments harmlessly: comments are never content).
 *
 * ```markdown
 * ## Rollback Plan
 * <!-- designlint: optional -->
 * <!-- designlint: alias Backout plan -->
 * <!-- designlint: allow Status: Proposed, Accepted -->
 * ```
 *
 * In a section (anywhere before the next heading) an annotation applies to
 * that section; under the title or in the footer, to the whole template.
 * One annotation per line of a comment.
 *
 * | annotation | meaning |
 * | --- | --- |
 * | `optional` / `required` | the section may be left out / must be there (overrides "(Optional)") |
 * | `repeatable` | a slot: at least one section in its place, with any title |
 * | `alias <heading>` | another accepted title (an old name); repeat for more |
 * | `allow <Name>: a, b` | extra allowed values for the field, item field or table column `Name` |
 * | `open <Name>` | any value is allowed for `Name` |
 * | `draft <Status>, …` | statuses under which a document is a draft (template-wide) |
 */
import type {RootContent} from 'mdast'
import {normalizeWords} from '../util/text.js'
import type {ChoiceList, Preset, TemplateSection} from './types.js'
import {unknownName} from '../util/similarity.js'
import {DesignlintError} from '../util/errors.js'

export interface Annotation {
  verb: string
  argument: string
  line: number
}

const annotationVerbs = ['optional', 'required', 'repeatable', 'alias', 'allow', 'open', 'draft'] as const

/** An annotation that cannot be read: the template's author gets one line. */
export class AnnotationError extends DesignlintError {
  override name = 'AnnotationError'
}

/** The annotations in a list of blocks. */
export function annotationsIn(nodes: RootContent[]): Annotation[] {
  const result: Annotation[] = []
  for (const node of nodes) {
    if (node.type !== 'html') continue
    for (const comment of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
      const body = comment[1].trim()
      const marker = /^designlint\s*:\s*/i.exec(body)
      if (!marker) continue
      const firstLine = (node.position?.start.line ?? 0) + node.value.slice(0, comment.index).split('\n').length - 1
      body
        .slice(marker[0].length)
        .split('\n')
        .forEach((raw, offset) => {
          const text = raw.replace(/^\s*designlint\s*:\s*/i, '').trim()
          if (!text) return
          const [verb, ...rest] = text.split(/\s+/)
          result.push({verb: verb.toLowerCase(), argument: rest.join(' '), line: firstLine + offset})
        })
    }
  }
  return result
}

function check(annotation: Annotation): void {
  if ((annotationVerbs as readonly string[]).includes(annotation.verb)) return
  throw new AnnotationError(`line ${annotation.line}: ${unknownName('designlint annotation', annotation.verb, annotationVerbs, 'known')}`)
}

/** `Status: Proposed, Accepted` → ["status", ["Proposed", "Accepted"]]. */
function nameAndValues(annotation: Annotation): [string, string[]] {
  const match = /^([^:]+):\s*(.+)$/.exec(annotation.argument)
  if (!match)
    throw new AnnotationError(`line ${annotation.line}: expected "allow <Name>: value, value", not "allow ${annotation.argument}"`)
  return [normalizeWords(match[1]), match[2].split(/\s*[,|]\s*/).filter(Boolean)]
}

function widen(choices: ChoiceList | undefined | null, values: string[]): ChoiceList {
  const have = choices?.values ?? []
  return {
    values: [...have, ...values.filter((value) => !have.some((other) => other.toLowerCase() === value.toLowerCase()))],
    open: choices?.open ?? false,
  }
}

/** Apply the heading-level annotations of a section (before nesting). */
export function applySectionAnnotations(section: TemplateSection, annotations: Annotation[]): void {
  for (const annotation of annotations) {
    check(annotation)
    switch (annotation.verb) {
      case 'optional':
        section.optional = true
        section.optionalBecause = 'designlint: optional'
        break
      case 'required':
        section.optional = false
        delete section.optionalBecause
        break
      case 'repeatable':
        section.repeatable = true
        section.match = {type: 'any'}
        break
      case 'alias': {
        const alias = normalizeWords(annotation.argument)
        if (!alias) throw new AnnotationError(`line ${annotation.line}: expected "alias <heading text>"`)
        section.match = {...section.match, aliases: [...(section.match.aliases ?? []), alias]}
        break
      }
      case 'allow':
      case 'open': {
        const [name, values] = annotation.verb === 'allow' ? nameAndValues(annotation) : [normalizeWords(annotation.argument), []]
        let applied = false
        for (const table of section.content.tables) {
          table.columns.forEach((column, index) => {
            if (normalizeWords(column) !== name) return
            table.choices[index] =
              annotation.verb === 'open' ? {values: table.choices[index]?.values ?? [], open: true} : widen(table.choices[index], values)
            applied = true
          })
        }
        for (const field of section.content.itemFields) {
          if (normalizeWords(field.name) !== name) continue
          field.choices = annotation.verb === 'open' ? {...field.choices, open: true} : widen(field.choices, values)
          applied = true
        }
        if (!applied) throw new AnnotationError(`line ${annotation.line}: no table column or item field "${name}" in this section`)
        break
      }
      case 'draft':
        throw new AnnotationError(`line ${annotation.line}: "draft" applies to the whole template: put it under the title`)
    }
  }
}

/** Apply template-wide annotations (under the title or in the footer). */
export function applyPresetAnnotations(preset: Preset, annotations: Annotation[]): void {
  for (const annotation of annotations) {
    check(annotation)
    switch (annotation.verb) {
      case 'draft':
        preset.draftStatuses = annotation.argument.split(/\s*[,|]\s*/).filter(Boolean)
        break
      case 'allow':
      case 'open': {
        const [name, values] = annotation.verb === 'allow' ? nameAndValues(annotation) : [normalizeWords(annotation.argument), []]
        const field = preset.fields.find((candidate) => normalizeWords(candidate.name) === name)
        if (!field) throw new AnnotationError(`line ${annotation.line}: no field "${name}" in this template`)
        field.choices = annotation.verb === 'open' ? {values: field.choices?.values ?? [], open: true} : widen(field.choices, values)
        break
      }
      default:
        throw new AnnotationError(`line ${annotation.line}: "${annotation.verb}" applies to a section: put it under that section's heading`)
    }
  }
}
