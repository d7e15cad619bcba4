/**
 * The certain edits of a document's findings, and how they are applied.
 *
 * A finding's edit is what the language server's quick fix does with it:
 * replace exactly its `place` (a point inserts) with its `expected`. It is
 * certain, and applied by `--fix`, when the finding is of a kind whose fix
 * needs no author's words (a misspelt heading, a heading's level or number,
 * a choice with a typo, a missing section heading with the template's
 * instruction text) and it has exactly one `expected`: several are a
 * choice for the author.
 */
import type {Point, Position} from 'unist'

/** What the fix needs of a finding (a vfile message, or its plain form). */
export interface FixableMessage {
  ruleId?: string | null | undefined
  messageId?: string | undefined
  place?: Point | Position | null | undefined
  expected?: string[] | null | undefined
}

/** A replacement of the text from `start` to `end` (offsets; equal: an insertion). */
export interface Edit {
  start: number
  end: number
  text: string
  /** The finding it fixes: `required-sections:near-miss`. */
  finding: string
}

/** The findings (`rule-id:message-id`) whose single `expected` is a certain fix. */
export const certainFixes: ReadonlySet<string> = new Set([
  'required-sections:missing-section',
  'required-sections:near-miss',
  'heading-level:wrong-level',
  'heading-numbering:unnumbered',
  'heading-numbering:misnumbered',
  'field-values:not-allowed',
  'table-values:not-allowed',
])

/** The offsets at which each line of `text` starts (line 1 at index 0). */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

/** The offset of a point (line and column, from 1), if it is inside the text. */
export function offsetAt(starts: number[], length: number, point: Point): number | undefined {
  const lineStart = starts[point.line - 1]
  if (lineStart === undefined || point.column < 1) return undefined
  const offset = lineStart + point.column - 1
  const lineEnd = point.line < starts.length ? starts[point.line] : length
  return offset <= lineEnd ? offset : undefined
}

/** The edit a finding's quick fix makes, whether certain or not; none without exactly one `expected` and a place. */
export function editOf(message: FixableMessage, text: string, starts = lineStarts(text)): Edit | undefined {
  const {place, expected} = message
  if (!place || !expected || expected.length !== 1) return undefined
  const from = 'start' in place ? place.start : place
  const to = 'end' in place ? place.end : place
  const start = offsetAt(starts, text.length, from)
  const end = offsetAt(starts, text.length, to)
  if (start === undefined || end === undefined || end < start) return undefined
  return {start, end, text: expected[0], finding: `${message.ruleId}:${message.messageId}`}
}

/** Whether a finding's fix is certain. */
export function isCertain(message: FixableMessage): boolean {
  return certainFixes.has(`${message.ruleId}:${message.messageId}`) && message.expected?.length === 1
}

/** Whether two edits touch: overlapping spans, or an insertion at or inside the other's span. */
function touches(a: Edit, b: Edit): boolean {
  if (a.start === a.end) return a.start >= b.start && a.start <= b.end
  if (b.start === b.end) return b.start >= a.start && b.start <= a.end
  return a.start < b.end && b.start < a.end
}

/**
 * The certain edits of a document's findings that change its text, in
 * document order; of edits that touch, the first is kept (the next pass
 * fixes the rest, from findings made afresh).
 */
export function certainEdits(messages: readonly FixableMessage[], text: string): Edit[] {
  const starts = lineStarts(text)
  const chosen: Edit[] = []
  for (const message of messages) {
    if (!isCertain(message)) continue
    const edit = editOf(message, text, starts)
    if (!edit || text.slice(edit.start, edit.end) === edit.text) continue
    if (chosen.some((other) => touches(edit, other))) continue
    chosen.push(edit)
  }
  return chosen.sort((a, b) => a.start - b.start)
}

/** Apply edits that do not touch, from the end backwards so each offset still holds. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
  }
  return result
}
