/**
 * How rules report: a message at an exact place, with `expected` and `actual`
 * set where an editor can offer a quick fix (the place then covers exactly the
 * text to replace; a point inserts).
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {headingLine} from '../template/compile.js'
import type {DocHeading, Point, SectionMatch, Span} from '../template/types.js'

export interface ReportExtra {
  /** Replacement text(s) for the place. */
  expected?: string[]
  /** The text at the place now. */
  actual?: string
  /** A longer explanation shown by reporters that show notes. */
  note?: string
}

/** Add a message to a file. */
export function report(file: VFile, reason: string, place: Point | Span, extra: ReportExtra = {}): VFileMessage {
  const message = file.message(reason, {place})
  if (extra.expected) message.expected = extra.expected
  if (extra.actual !== undefined) message.actual = extra.actual
  if (extra.note) message.note = extra.note
  return message
}

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
