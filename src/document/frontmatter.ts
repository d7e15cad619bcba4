/**
 * YAML front matter: its data, the one-line reason when YAML rejects it, and
 * each top-level key as a field placed from the YAML parser's own ranges (so
 * a nested `date:` above the top-level one is never taken for it).
 */
import type {Yaml} from 'mdast'
import {isMap, isScalar, parseDocument} from 'yaml'
import {pointAt} from '../util/position.js'
import {fieldKey} from '../util/text.js'
import type {DocField} from './types.js'

export interface Frontmatter {
  /** The data, when the YAML is a mapping. */
  data?: Record<string, unknown>
  /** Why the YAML could not be read. */
  error?: string
  /** The top-level keys as fields. */
  fields: DocField[]
}

/** Read a front matter node of a document whose text is `source`. */
export function readFrontmatter(node: Yaml, source: string): Frontmatter {
  const document = parseDocument(node.value)
  if (document.errors.length > 0) {
    const [error] = document.errors
    // The parser counts lines from the first line of the YAML; the document has the opening `---` above it.
    const first = (node.position?.start.line ?? 1) + 1
    const at = error.linePos?.[0]
    const reason = String(error.message)
      .split('\n')[0]
      .replace(/:\s*$/, '')
      .replace(/ at line \d+, column \d+$/, '')
    return {error: at ? `${reason} at line ${first + at.line - 1}, column ${at.col}` : reason, fields: []}
  }
  const data: unknown = document.toJS()
  if (data === null || data === undefined) return {fields: []}
  if (typeof data !== 'object' || Array.isArray(data) || !isMap(document.contents)) {
    return {error: 'front matter is not a mapping of keys to values', fields: []}
  }
  const values = data as Record<string, unknown>
  // Where the YAML text starts in the document: the line after the opening fence.
  const fenceStart = node.position?.start.offset ?? 0
  const start = source.indexOf('\n', fenceStart) + 1
  const exact = source.slice(start, start + node.value.length) === node.value
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
    const value =
      raw === null || raw === undefined ? '' : typeof raw === 'object' && !(raw instanceof Date) ? JSON.stringify(raw) : String(raw)
    fields.push({
      name,
      key: fieldKey(name),
      value: value.trim(),
      valueSpan: {start: pointAt(source, valueStart), end: pointAt(source, valueEnd)},
      span: {start: pointAt(source, keyStart), end: pointAt(source, lineEnd)},
      region: 'frontmatter',
      raw,
    })
  }
  return {data: values, fields}
}

/** The offset after the colon (and the blanks after it) that follows a key ending at `offset`. */
function afterColon(source: string, offset: number): number {
  let lineEnd = source.indexOf('\n', offset)
  if (lineEnd === -1) lineEnd = source.length
  let at = offset
  while (at < lineEnd && /[ \t]/.test(source[at])) at++
  if (source[at] === ':') at++
  while (at < lineEnd && /[ \t]/.test(source[at])) at++
  return at
}

/** The offset of the end of the line at `offset`, trailing white space left out. */
function lineEndAt(source: string, offset: number): number {
  let end = source.indexOf('\n', offset)
  if (end === -1) end = source.length
  return trimEnd(source, offset, end)
}

function trimEnd(source: string, start: number, end: number): number {
  while (end > start && /[ \t\r\n]/.test(source[end - 1])) end--
  return end
}
