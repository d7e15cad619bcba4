/** What every format needs to know of a finding: where it is and how bad. */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** A finding's span, 1-based; a point or no place gives an empty span. */
export interface Span {
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** Where a message starts and ends (line 1, column 1 when it has no place). */
export function span(message: VFileMessage): Span {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : start
  const line = start?.line ?? 1
  const column = start?.column ?? 1
  return {line, column, endLine: end?.line ?? line, endColumn: end?.column ?? column}
}

/** vfile's severity names: `fatal` true, false, and unset. */
export type Severity = 'error' | 'warning' | 'info'

/** A message's severity, as vfile-reporter names it. */
export function severity(message: VFileMessage): Severity {
  return message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** The file's path as reporters show it, with forward slashes. */
export function filePath(file: VFile): string {
  return (file.path ?? '<stdin>').split(path.sep).join('/')
}

/** `text`, then the message's note after `separator` when it has one. */
export function withNote(text: string, message: VFileMessage, separator: string): string {
  return message.note ? text + separator + message.note : text
}
