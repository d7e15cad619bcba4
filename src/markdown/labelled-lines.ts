/**
 * Labelled lines, the way templates write metadata fields: `**Author:** x`,
 * `**Author**: x`, `- **Author:** x`, one to a line; and the plainer forms
 * of RFC templates: `- Start Date: x` (a list of `Label: value` items) and
 * `| **Authors** | x |` (a two-column table with bold labels).
 */
import type {RootContent, Table} from 'mdast'
import type {Position} from 'unist'
import {lineEndAt, lineStartAt, sourceLines, type SourceLine} from '../util/position.js'

/** `**Author:** x`, `**Author**: x`, `- **Author:** x` (one line). */
const labelledLine = /^([ \t]*(?:[-*+][ \t]+)?)\*\*([^*\n]+?)\*\*([ \t]*:)?[ \t]*(.*?)[ \t\\]*$/d

export interface LabelledLine {
  name: string
  value: string
  /** Offsets in the source. */
  lineStart: number
  lineEnd: number
  valueStart: number
  valueEnd: number
  /** The form the line is written in, with `x` for the value. */
  form: string
  /** A bold labelled line, a plain `Label: value` line, a plain list item, or a table row. */
  kind: 'line' | 'plain' | 'item' | 'row'
}

/**
 * The labelled lines of a paragraph or list in the source. A line counts
 * when its label ends with a colon, inside or just after the bold.
 */
export function labelledLines(node: RootContent, source: string): LabelledLine[] {
  if (node.type !== 'paragraph' && node.type !== 'list') return []
  const start = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? 0
  const result: LabelledLine[] = []
  // Lists: from the start of the first line, so the bullet is seen.
  for (const {start: offset, text: line} of sourceLines(source, lineStartAt(source, start), end)) {
    const match = labelledLine.exec(line)
    if (match) {
      const inside = match[2].trimEnd().endsWith(':')
      if (inside || match[3]) {
        const name = match[2].trim().replace(/:$/, '').trim()
        const valueStart = offset + match.indices![4][0]
        const value = match[4]
        result.push({
          name,
          value,
          lineStart: offset + match[1].length,
          lineEnd: offset + line.trimEnd().length,
          valueStart,
          valueEnd: valueStart + value.length,
          form: match[1].trim() + (match[1].trim() ? ' ' : '') + (inside ? `**${name}:** x` : `**${name}**: x`),
          kind: 'line',
        })
      }
    }
  }
  return result
}

/**
 * `Start Date: x`, `- Start Date: x` (one line, a plain label): a label of
 * one to five words that starts with a letter, then a colon not followed by
 * `/` (so `https://…` is no label).
 */
const plainLine = /^([ \t]*(?:[-*+][ \t]+)?)([A-Za-z][A-Za-z0-9 ()#/&'.-]{0,39}?)[ \t]*:(?!\/)(?:[ \t]*(.*?))?[ \t\\]*$/d

/** The label words of a plain line are few: "Start Date", "RFC PR #", "Upcoming Feature Flag". */
function plainLabel(label: string): boolean {
  return label.trim().split(/\s+/).length <= 5
}

export interface PlainOptions {
  /**
   * Only when every line of the paragraph (or item of the list) is labelled,
   * plainly or in bold: how a template's field list is told from prose.
   */
  every?: boolean
}

/**
 * The plainly labelled lines of a paragraph or list: `Start Date: x` lines of
 * a paragraph, `- Start Date: x` items of a list (each item's first line).
 * Bold labelled lines are {@link labelledLines}'.
 */
export function plainLabelledLines(node: RootContent, source: string, options: PlainOptions = {}): LabelledLine[] {
  let lines: Array<SourceLine & {nested?: Position}> = []
  if (node.type === 'paragraph') {
    lines = sourceLines(source, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0)
  } else if (node.type === 'list') {
    lines = node.children.map((item) => {
      const start = lineStartAt(source, item.position?.start.offset ?? 0)
      // "- Rust Issues:" over a nested list of issues: the nested list is the value.
      const nested = item.children[1]?.position
      return {start, text: source.slice(start, lineEndAt(source, start)), ...(nested ? {nested} : {})}
    })
  } else {
    return []
  }
  const result: LabelledLine[] = []
  for (const line of lines) {
    const {start} = line
    const {text} = line
    const match = plainLine.exec(text)
    if (!match || !plainLabel(match[2]) || (node.type === 'list' && !match[1].trim())) {
      if (options.every && !labelledLine.test(text)) return []
      continue
    }
    const name = match[2].trim()
    let value = match[3] ?? ''
    let valueStart = start + (match.indices![3]?.[0] ?? text.trimEnd().length)
    if (!value.trim() && line.nested?.start.offset !== undefined && line.nested.end.offset !== undefined) {
      valueStart = line.nested.start.offset
      value = source.slice(valueStart, Math.min(line.nested.end.offset, lineEndAt(source, valueStart))).trimEnd()
    }
    const bullet = match[1].trim()
    result.push({
      name,
      value,
      lineStart: start + match[1].length,
      lineEnd: start + text.trimEnd().length,
      valueStart,
      valueEnd: valueStart + value.length,
      form: (bullet ? bullet + ' ' : '') + `${name}: x`,
      kind: node.type === 'list' ? 'item' : 'plain',
    })
  }
  return result
}

export interface TableOptions {
  /**
   * Plain labels too (`| start-date | 2022-09-02 |`): how a document may
   * write the fields a template writes in front matter.
   */
  plain?: boolean
}

/**
 * The rows of a two-column table whose every row with text has a bold label
 * in its first cell (`| **Start Date** | 30 June 2023 |`), as labelled
 * lines; an empty header row (`|  |  |`) is left out. With `plain`, a label
 * may be plain text of one to five words.
 */
export function tableLabelledLines(node: RootContent, source: string, options: TableOptions = {}): LabelledLine[] {
  if (node.type !== 'table') return []
  const table = node as Table
  const rows = table.children.filter((row) => row.children.some((cell) => cell.children.length > 0))
  if (rows.length === 0 || table.children.some((row) => row.children.length !== 2)) return []
  const result: LabelledLine[] = []
  for (const row of rows) {
    const [label, cell] = row.children
    if (!row.position || !cell.position || !label.position) return []
    const only = label.children.length === 1 ? label.children[0] : undefined
    const labelText = source.slice(label.position.start.offset ?? 0, label.position.end.offset ?? 0).replace(/^\|/, '')
    let name: string
    if (only?.type === 'strong') {
      name = source
        .slice(only.position?.start.offset ?? 0, only.position?.end.offset ?? 0)
        .replace(/^\*\*|\*\*$/g, '')
        .replace(/:$/, '')
        .trim()
    } else if (options.plain && only?.type === 'text' && /^[A-Za-z][A-Za-z0-9 ()#/&'._-]*$/.test(labelText.trim())) {
      name = labelText.trim().replace(/:$/, '')
      if (!plainLabel(name)) return []
    } else {
      return []
    }
    if (!name) return []
    const first = cell.children[0]?.position?.start.offset
    const last = cell.children[cell.children.length - 1]?.position?.end.offset
    const cellStart = (cell.position.start.offset ?? 0) + 1
    const valueStart = first ?? cellStart + (source[cellStart] === ' ' ? 1 : 0)
    const valueEnd = last ?? valueStart
    result.push({
      name,
      value: source.slice(valueStart, valueEnd),
      lineStart: row.position.start.offset ?? 0,
      lineEnd: row.position.end.offset ?? 0,
      valueStart,
      valueEnd,
      form: `| **${name}** | x |`,
      kind: 'row',
    })
  }
  return result
}
