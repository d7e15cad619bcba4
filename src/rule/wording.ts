/**
 * The phrases rule messages are made of, so every rule names headings,
 * sections and places the same way: `"## 1. Overview"`, `after "### Deployment
 * Process"`, `under "## Deployment"`. A place in the document is named by the
 * document's own heading, as it writes it; a template section by the
 * template's.
 */
import type {DocHeading} from '../document/types.js'
import type {SectionMatch} from '../align/types.js'
import type {Preset, TemplateSection} from '../template/types.js'
import {headingLine} from '../template/headings.js'

/** A document heading as it is written (approximately): `## 1. Overview`. */
export function docHeadingLine(heading: DocHeading): string {
  return '#'.repeat(heading.depth) + ' ' + heading.text
}

/** A template section's heading in quotes: `"### Rollback Strategy"`. */
export function quoteSection(match: SectionMatch): string {
  return '"' + headingLine(match.section) + '"'
}

/** The template sections a match stands among (its parent's subsections, or the top level). */
export function siblingsOf(match: SectionMatch, preset: Preset): readonly TemplateSection[] {
  if (match.parent) return match.parent.section.children
  return preset.title === match.section ? [match.section] : preset.sections
}

/**
 * Where a template section belongs, in words, by the document's headings:
 * after the previous sibling the document has in place (`after "## 3.
 * Design"`); for the template's first subsection, at the start of its
 * parent (`at the start of "## Deployment"`, `right after the title`); else
 * before the next sibling in place; else at the end of its parent.
 */
export function whereItBelongs(match: SectionMatch, siblings: readonly TemplateSection[]): string {
  const previous = match.previous
  if (previous?.heading) return 'after "' + docHeadingLine(previous.instances[previous.instances.length - 1]) + '"'
  const parent = match.parent
  if (siblings[0] === match.section) {
    if (!parent) return 'at the start of the document'
    if (parent.title) return 'right after the title'
    return parent.heading ? 'at the start of "' + docHeadingLine(parent.heading) + '"' : 'at the start of ' + quoteSection(parent)
  }
  if (match.before) return 'before "' + docHeadingLine(match.before) + '"'
  if (!parent || parent.title) return 'at the end of the document'
  return parent.heading ? 'at the end of "' + docHeadingLine(parent.heading) + '"' : 'at the end of ' + quoteSection(parent)
}

/** `under "## Deployment"` for a nested section (the template's parent), or nothing at the top. */
export function underParent(match: SectionMatch): string {
  const parent = match.parent
  if (!parent || parent.section.depth === 1) return ''
  return ' under "' + headingLine(parent.section) + '"'
}

/** Columns as a list for messages: `"Risk", "Impact"`. */
export function columnList(columns: string[]): string {
  return columns.map((column) => `"${column}"`).join(', ')
}
