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

/**
 * Characters a report must not pass through from a document: control
 * characters (ESC starts a terminal escape sequence, BEL rings, CR overwrites
 * the line; XML 1.0 cannot hold most of them) and the bidirectional
 * overrides that make text read other than it is, and what is no character
 * at all (U+FFFE, U+FFFF, a lone surrogate). Tab and line feed stay.
 */
const unprintable =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to escape
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** `text` with each unprintable character written as its escape (`\u001B` for ESC). */
export function printable(text: string): string {
  return text.replace(unprintable, (character) => '\\u' + character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'))
}

/**
 * A view of a file for the reporters: its path, and each message's reason
 * and note, printable. The file and its messages are left as they are.
 */
export function printableFile(file: VFile): VFile {
  const messages = file.messages.map((message) => {
    const view = Object.create(message) as VFileMessage
    const reason = printable(message.reason)
    Object.assign(view, {reason, message: reason, stack: message.stack ? printable(message.stack) : message.stack})
    if (message.note) view.note = printable(message.note)
    return view
  })
  return Object.assign(Object.create(file) as VFile, {messages, history: file.history.map(printable)})
}
