/**
 * Places in a text, as unist has them: 1-based lines and columns, 0-based
 * offsets. Lines end at `\r\n`, `\r` or `\n`, as the Markdown parser counts
 * them, so a place designlint computes from an offset is the place the
 * parser gives the same character.
 */
import type {Point} from 'unist'
import {location} from 'vfile-location'

/** The point of an offset in one text. */
export type PointAt = (offset: number) => Point

/**
 * The offset→point of a text: made once per document (vfile-location keeps
 * the line starts it has found), then each call is a binary search. An
 * offset outside the text is taken to its nearest end.
 */
export function pointLocator(source: string): PointAt {
  const {toPoint} = location(source)
  return (offset) => {
    const point = toPoint(Math.min(Math.max(offset, 0), source.length))
    return point ? {line: point.line, column: point.column, offset: point.offset} : {line: 1, column: 1, offset: 0}
  }
}

/** One line of a text: where it starts and its text, without the line ending. */
export interface SourceLine {
  start: number
  text: string
}

const lineEnding = /\r\n|\r|\n/g

/** The lines of `source` from `start` to `end`, split at every kind of line ending. */
export function sourceLines(source: string, start = 0, end = source.length): SourceLine[] {
  const lines: SourceLine[] = []
  const text = source.slice(start, end)
  let from = 0
  for (const match of text.matchAll(lineEnding)) {
    lines.push({start: start + from, text: text.slice(from, match.index)})
    from = match.index + match[0].length
  }
  lines.push({start: start + from, text: text.slice(from)})
  return lines
}

/** The offset where the line holding `offset` starts (after a `\n` or a `\r`). */
export function lineStartAt(source: string, offset: number): number {
  let at = offset
  while (at > 0 && source[at - 1] !== '\n' && source[at - 1] !== '\r') at--
  return at
}

const lineBreak = /[\r\n]/g

/** The offset where the line holding `offset` ends (at its `\r` or `\n`, or the end of the text). */
export function lineEndAt(source: string, offset: number): number {
  lineBreak.lastIndex = offset
  return lineBreak.exec(source)?.index ?? source.length
}

/** A copy of a point (unist points in trees are shared objects). */
export function copyPoint(value: Point): Point {
  return {line: value.line, column: value.column, offset: value.offset}
}

/** A point `by` characters further on the same line. */
export function shiftPoint(value: Point, by: number): Point {
  return {line: value.line, column: value.column + by, offset: value.offset === undefined ? undefined : value.offset + by}
}
