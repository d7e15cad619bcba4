/**
 * YAML front matter: its data, the one-line reason when YAML rejects it, and
 * each top-level key as a field placed from the YAML parser's own ranges (so
 * a nested `date:` above the top-level one is never taken for it).
 *
 * The YAML library is told to stay quiet (its warnings would go to standard
 * error, in the middle of the report); an alias that refers to itself, or an
 * alias bomb, is a reason like any other. When YAML rejects the front matter,
 * a `template:` written before the error is still read, so the document is
 * checked against the template it names and the YAML error is not buried
 * under findings against the default preset.
 */
import type {Yaml} from 'mdast'
import type {Position} from 'unist'
import {type Document, isMap, isScalar, parseDocument} from 'yaml'
import {firstLineOf} from '../util/errors.js'
import {lineEndAt as lineBreakAt, type PointAt} from '../util/position.js'
import {fieldKey} from '../util/text.js'
import type {DocField} from './types.js'

export interface Frontmatter {
  /** The data, when the YAML is a mapping (only `template` when the YAML has an error). */
  data?: Record<string, unknown>
  /** Why the YAML could not be read. */
  error?: string
  /** Where in the document the YAML error is. */
  errorSpan?: Position
  /** The top-level keys as fields. */
  fields: DocField[]
}

/** Read a front matter node of a document whose text is `source`; `pointAt` is the document's offset→point. */
export function readFrontmatter(node: Yaml, source: string, pointAt: PointAt): Frontmatter {
  // Where the YAML text starts in the document: the line after the opening fence.
  const fenceStart = node.position?.start.offset ?? 0
  const start = afterLineBreak(source, lineBreakAt(source, fenceStart))
  const exact = source.slice(start, start + node.value.length) === node.value
  // YAML ends lines at CRLF and LF only; a lone CR (an old Mac file) becomes a LF, which keeps every offset.
  const document = parseDocument(node.value.replace(/\r(?!\n)/g, '\n'), {logLevel: 'silent'})
  if (document.errors.length > 0) {
    const [error] = document.errors
    const reason = firstLineOf(error)
      .replace(/:\s*$/, '')
      .replace(/ at line \d+, column \d+$/, '')
    const [from, to] = error.pos
    // On its line: never past the line's break (YAML may point at the LF of a CRLF).
    let begin = start + from
    if (source[begin] === '\n' && source[begin - 1] === '\r') begin--
    const end = Math.max(begin, Math.min(start + Math.max(from, to), lineBreakAt(source, begin)))
    const errorStart = exact ? pointAt(begin) : pointAt(fenceStart)
    const errorEnd = exact ? pointAt(end) : errorStart
    const read: Frontmatter = {
      error: `${reason} at line ${errorStart.line}, column ${errorStart.column}`,
      errorSpan: {start: errorStart, end: errorEnd},
      fields: [],
    }
    const template = templateBefore(document, from)
    if (template !== undefined) read.data = {template}
    return read
  }
  let data: unknown
  try {
    data = document.toJS({maxAliasCount: 100})
  } catch (error) {
    return {error: firstLineOf(error), fields: []}
  }
  if (data === null || data === undefined) return {fields: []}
  if (typeof data !== 'object' || Array.isArray(data) || !isMap(document.contents)) {
    return {error: 'front matter is not a mapping of keys to values', fields: []}
  }
  const values = data as Record<string, unknown>
  const fields: DocField[] = []
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue
    const name = String(pair.key.value)
    const raw = values[name]
    const keyStart = exact ? start + pair.key.range[0] : fenceStart
    const lineEnd = lineEndAt(source, keyStart)
    // An empty value is placed just after the colon and its spaces, where it would be typed.
    let valueStart = exact ? afterColon(source, start + pair.key.range[1]) : lineEnd
    let valueEnd = valueStart
    const range = pair.value && 'range' in pair.value ? pair.value.range : undefined
    if (exact && range && range[1] > range[0]) {
      valueStart = start + range[0]
      // A block value (a list, a nested map) is placed on its first line.
      valueEnd = Math.min(start + range[1], isScalar(pair.value) ? Infinity : lineEndAt(source, valueStart))
      valueEnd = trimEnd(source, valueStart, valueEnd)
    }
    fields.push({
      name,
      key: fieldKey(name),
      value: valueText(raw, source.slice(valueStart, valueEnd)).trim(),
      valueSpan: {start: pointAt(valueStart), end: pointAt(valueEnd)},
      span: {start: pointAt(keyStart), end: pointAt(lineEnd)},
      region: 'frontmatter',
      raw,
    })
  }
  return {data: values, fields}
}

/**
 * The `template:` of a front matter YAML rejects, when it is a plain string
 * written before the error (at `errorOffset` in the YAML).
 */
function templateBefore(document: Document, errorOffset: number): string | undefined {
  if (!isMap(document.contents)) return undefined
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || pair.key.value !== 'template' || !isScalar(pair.value)) continue
    const {value, range} = pair.value
    if (typeof value === 'string' && range && range[1] <= errorOffset) return value
  }
  return undefined
}

/** A YAML value as text: a string as it is, a list or a map as JSON (as written, when it refers to itself). */
function valueText(raw: unknown, written: string): string {
  if (raw === null || raw === undefined) return ''
  if (typeof raw !== 'object' || raw instanceof Date) return String(raw)
  try {
    return JSON.stringify(raw)
  } catch {
    return written
  }
}

/** The offset after the line break at `offset` (`\r\n`, `\r` or `\n`). */
function afterLineBreak(source: string, offset: number): number {
  if (source[offset] === '\r' && source[offset + 1] === '\n') return offset + 2
  return Math.min(offset + 1, source.length)
}

/** The offset after the colon (and the blanks after it) that follows a key ending at `offset`. */
function afterColon(source: string, offset: number): number {
  const lineEnd = lineBreakAt(source, offset)
  let at = offset
  while (at < lineEnd && /[ \t]/.test(source[at])) at++
  if (source[at] === ':') at++
  while (at < lineEnd && /[ \t]/.test(source[at])) at++
  return at
}

/** The offset of the end of the line at `offset`, trailing white space left out. */
function lineEndAt(source: string, offset: number): number {
  return trimEnd(source, offset, lineBreakAt(source, offset))
}

function trimEnd(source: string, start: number, end: number): number {
  while (end > start && /[ \t\r\n]/.test(source[end - 1])) end--
  return end
}
