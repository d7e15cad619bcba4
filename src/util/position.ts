/** Places in a text, as unist has them: 1-based lines and columns, 0-based offsets. */
import type {Point} from 'unist'

/** The point of an offset in a text. */
export function pointAt(source: string, offset: number): Point {
  let line = 1
  let lineStart = 0
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) {
    line++
    lineStart = index + 1
  }
  return {line, column: offset - lineStart + 1, offset}
}

/** A copy of a point (unist points in trees are shared objects). */
export function copyPoint(value: Point): Point {
  return {line: value.line, column: value.column, offset: value.offset}
}

/** A point `by` characters further on the same line. */
export function shiftPoint(value: Point, by: number): Point {
  return {line: value.line, column: value.column + by, offset: value.offset === undefined ? undefined : value.offset + by}
}
