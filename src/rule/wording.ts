/**
 * The phrases rule messages are made of, so every rule names headings,
 * sections and places the same way: `"## 1. Overview"`, `after "### Deployment
 * Process"`, `under "## Deployment"`.
 */
import type {DocHeading} from '../document/types.js'
import type {SectionMatch} from '../align/types.js'
import {headingLine} from '../template/headings.js'

/** A document heading as it is written (approximately): `## 1. Overview`. */
export function docHeadingLine(heading: DocHeading): string {
  return '#'.repeat(heading.depth) + ' ' + heading.text
}

/** A template section's heading in quotes: `"### Rollback Strategy"`. */
export function quoteSection(match: SectionMatch): string {
  return '"' + headingLine(match.section) + '"'
}

/**
 * Where a template section belongs, in words: `after "### Deployment
 * Process"`, `at the start of "## Deployment"`, `after the title`.
 */
export function whereItBelongs(match: SectionMatch): string {
  if (match.previous?.heading) return 'after "' + headingLine(match.previous.section) + '"'
  const parent = match.parent
  if (!parent) return 'at the start of the document'
  if (!parent.parent && parent.section.depth === 1) return 'right after the title'
  return 'at the start of "' + headingLine(parent.section) + '"'
}

/** `under "## Deployment"` for a nested section, or nothing at the top. */
export function underParent(match: SectionMatch): string {
  const parent = match.parent
  if (!parent || parent.section.depth === 1) return ''
  return ' under "' + headingLine(parent.section) + '"'
}

/** Columns as a list for messages: `"Risk", "Impact"`. */
export function columnList(columns: string[]): string {
  return columns.map((column) => `"${column}"`).join(', ')
}
