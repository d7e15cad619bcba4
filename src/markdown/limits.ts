/**
 * The bounds of a document designlint parses. The Markdown parser takes time
 * that grows with the square of some inputs: nested containers (`- - - …`, a
 * list indented 1,000 levels deep) and many emphasis or link marks in one
 * paragraph (`*_*_…_*_*`, `[[[…]]]`); a 50 MB document exhausts memory. So
 * before parsing, one pass over the text measures its size, how deep its
 * lists and quotes nest, and the most emphasis and link marks (`*`, `_`, `[`,
 * `]`) in one paragraph; a document over a limit is not parsed, and gets one
 * finding that says which limit and where.
 *
 * The measures are cheap and err on the high side, and the limits are far
 * above what real documents reach (the densest paragraph of 1,399 RFCs and
 * KEPs has 737 marks; markdown-it stops nesting at 100), so no real document
 * is refused. Code in fences is not counted: the parser does not read it.
 */
import {sourceLines} from '../util/position.js'

/** The limits of a document (each configurable). */
export interface DocumentLimits {
  /** The largest document checked, in bytes of UTF-8 (default: 10 MB). */
  maxBytes: number
  /** The deepest nesting of lists and block quotes (default: 100). */
  maxDepth: number
  /** The most emphasis and link marks (`*`, `_`, `[`, `]`) in one paragraph (default: 10,000). */
  maxInlineMarks: number
}

export const defaultLimits: DocumentLimits = {maxBytes: 10 * 1024 * 1024, maxDepth: 100, maxInlineMarks: 10_000}

/** Why a document is not checked, and the line the reason is at. */
export interface LimitProblem {
  reason: string
  line: number
}

/** Sizes as people read them: `50 MB`, `1.5 MB`, `200 KB`. */
function formatBytes(bytes: number): string {
  const units: Array<[string, number]> = [
    ['MB', 1024 * 1024],
    ['KB', 1024],
  ]
  for (const [unit, size] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`
  }
  return `${bytes} bytes`
}

/** A fence that opens or closes fenced code, after any container marks. */
const fence = /^(?:`{3,}|~{3,})/

/** A list item's marker and the blanks after it (or the end of the line). */
const listMarker = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]{1,4}|$)/

/** Whether a line is a GFM table's delimiter row (`| --- | :-: |`). */
const tableDelimiter = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/** The width of a run of blanks (a tab to the next multiple of 4). */
function blankWidth(text: string, from: number, column: number): {at: number; column: number} {
  let at = from
  let width = column
  while (text[at] === ' ' || text[at] === '\t') {
    width = text[at] === '\t' ? width + 4 - (width % 4) : width + 1
    at++
  }
  return {at, column: width}
}

/** How many emphasis and link marks a line has. */
function inlineMarks(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    // `*`, `_`, `[`, `]`
    if (code === 42 || code === 95 || code === 91 || code === 93) count++
  }
  return count
}

/**
 * Whether some run of lines between blank lines is longer than `limit`
 * characters and has more than `limit` emphasis and link marks: a paragraph
 * never runs past a blank line, so without such a run no paragraph is over
 * the limit. Each step looks back from `limit` characters on for a blank
 * line (`\n\n`, found at once in most text); only where there is none are
 * the lines read forward, and only a long run's marks are counted.
 */
function mayHaveMoreMarks(text: string, limit: number): boolean {
  const blankLine = /\n[ \t\r]*\n/g
  let start = 0
  while (text.length - start > limit) {
    let end = text.lastIndexOf('\n\n', start + limit)
    if (end < start) {
      // No plain blank line in reach (blanks on it, CRLF line endings, or a long run).
      blankLine.lastIndex = start
      const match = blankLine.exec(text)
      end = match ? match.index : text.length
      if (end - start > limit && inlineMarks(text.slice(start, end)) > limit) return true
    }
    start = end + 1
  }
  return false
}

/**
 * Whether some line could nest lists and quotes deeper than `maxDepth`: each
 * level takes at least one column of the line's lead (blanks, `>`, list
 * markers: a bullet before a blank, an ordered number), and a character is at
 * most four columns (a tab), so such a line leads with at least a quarter of
 * `maxDepth` of those characters.
 */
function mayNestDeeper(source: string, maxDepth: number): boolean {
  const least = Math.max(1, Math.floor(maxDepth / 4))
  let pattern = deepLeads.get(least)
  if (!pattern) {
    // A bullet counts only before a blank or the line's end: `-----` nests nothing.
    pattern = new RegExp(`^(?:[ \\t>0-9.)]|[-*+](?=[ \\t]|$)){${least}}`, 'm')
    deepLeads.set(least, pattern)
  }
  return pattern.test(source)
}

const deepLeads = new Map<number, RegExp>()

/**
 * The first limit a document's text is over, or undefined when it is within
 * all of them. Nesting is measured by the columns of the open list items (a
 * line indented past an item's text is inside it) and the `>` of each line.
 */
export function exceededLimit(source: string, limits: DocumentLimits = defaultLimits): LimitProblem | undefined {
  const bytes = Buffer.byteLength(source, 'utf8')
  if (bytes > limits.maxBytes) {
    return {reason: `Document is ${formatBytes(bytes)}: over the ${formatBytes(limits.maxBytes)} limit, not checked`, line: 1}
  }
  // Most documents are far inside both other limits, which a quick look
  // proves: then the line-by-line measure is not needed.
  if (!mayNestDeeper(source, limits.maxDepth) && !mayHaveMoreMarks(source, limits.maxInlineMarks)) return undefined
  /** Columns where the text of each open list item starts. */
  const items: number[] = []
  let inFence = false
  let marks = 0
  let paragraphLine = 1
  let inTable = false
  let lineNumber = 0
  for (const {text} of sourceLines(source)) {
    lineNumber++
    let {at, column} = blankWidth(text, 0, 0)
    if (at === text.length) {
      // A blank line ends a paragraph or a table, not a list item.
      marks = 0
      inTable = false
      continue
    }
    let quotes = 0
    let newBlock = false
    let first = true
    for (;;) {
      if (text[at] === '>') {
        quotes++
        at++
        if (text[at] === ' ' || text[at] === '\t') at++
        column = at
        ;({at, column} = blankWidth(text, at, column))
        continue
      }
      const marker = inFence ? null : listMarker.exec(text.slice(at, at + 14))
      if (first) {
        // A line starts outside every item whose text it is not indented to.
        while (items.length > 0 && items[items.length - 1] > column) items.pop()
        first = false
      }
      if (!marker) break
      items.push(column + marker[0].length)
      newBlock = true
      at += marker[0].length
      ;({at, column} = blankWidth(text, at, column + marker[0].length))
      if (items.length + quotes > limits.maxDepth) break
    }
    const rest = text.slice(at)
    if (fence.test(rest)) {
      inFence = !inFence
      continue
    }
    if (inFence) continue
    const depth = items.length + quotes
    if (depth > limits.maxDepth) {
      return {
        reason: `Document nests lists or quotes deeper than ${limits.maxDepth} levels, at line ${lineNumber}: not checked`,
        line: lineNumber,
      }
    }
    if (newBlock || rest.startsWith('#')) {
      marks = 0
      inTable = false
      paragraphLine = lineNumber
    } else if (rest.includes('|') && tableDelimiter.test(rest)) {
      // Table cells are parsed one by one: their marks do not add up.
      inTable = true
      marks = 0
      continue
    }
    if (inTable) continue
    if (marks === 0) paragraphLine = lineNumber
    marks += inlineMarks(rest)
    if (marks > limits.maxInlineMarks) {
      return {
        reason: `Document has more than ${limits.maxInlineMarks.toLocaleString('en-US')} emphasis and link marks (*, _, [, ]) in the paragraph at line ${paragraphLine}: over the limit, not checked`,
        line: paragraphLine,
      }
    }
  }
  return undefined
}
