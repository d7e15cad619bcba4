/**
 * A unified diff of two versions of a document (`--fix-dry-run`): the lines
 * removed and added, with three lines of context, as `diff -u` and
 * `git diff` print them.
 */

/** Lines of context around each change. */
const context = 3

type Line = {kind: ' ' | '-' | '+'; text: string}

/** The lines of a text, each without its newline (a final newline ends the last line). */
function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** The longest common subsequence walk of two line lists, as kept, removed and added lines. */
function lineChanges(before: string[], after: string[]): Line[] {
  let head = 0
  while (head < before.length && head < after.length && before[head] === after[head]) head++
  let tail = 0
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail])
    tail++
  const a = before.slice(head, before.length - tail)
  const b = after.slice(head, after.length - tail)
  const middle: Line[] = []
  if (a.length * b.length > 25_000_000) {
    // Too large to align line by line: one change.
    for (const text of a) middle.push({kind: '-', text})
    for (const text of b) middle.push({kind: '+', text})
  } else {
    // lengths[i][j]: the common subsequence of a[i..] and b[j..].
    const width = b.length + 1
    const lengths = new Uint32Array((a.length + 1) * width)
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        lengths[i * width + j] =
          a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
      }
    }
    let i = 0
    let j = 0
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        middle.push({kind: ' ', text: a[i++]})
        j++
      } else if (i < a.length && (j === b.length || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1])) {
        middle.push({kind: '-', text: a[i++]})
      } else {
        middle.push({kind: '+', text: b[j++]})
      }
    }
  }
  return [
    ...before.slice(0, head).map((text): Line => ({kind: ' ', text})),
    ...middle,
    ...before.slice(before.length - tail).map((text): Line => ({kind: ' ', text})),
  ]
}

/** A hunk's range as `diff -u` writes it: `start,count` (start 0 when empty). */
function range(start: number, count: number): string {
  return `${count === 0 ? start - 1 : start},${count}`
}

/** The unified diff of `before` and `after` under the name `name`; empty when they are the same. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return ''
  const lines = lineChanges(splitLines(before), splitLines(after))
  const changed = lines.flatMap((line, index) => (line.kind === ' ' ? [] : [index]))
  const out = [`--- a/${name}`, `+++ b/${name}`]
  let at = 0
  while (at < changed.length) {
    const first = Math.max(0, changed[at] - context)
    let last = changed[at]
    while (at + 1 < changed.length && changed[at + 1] - last <= 2 * context) last = changed[++at]
    at++
    const end = Math.min(lines.length, last + context + 1)
    let oldStart = 1
    let newStart = 1
    for (const line of lines.slice(0, first)) {
      if (line.kind !== '+') oldStart++
      if (line.kind !== '-') newStart++
    }
    const hunk = lines.slice(first, end)
    const oldCount = hunk.filter((line) => line.kind !== '+').length
    const newCount = hunk.filter((line) => line.kind !== '-').length
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`)
    for (const line of hunk) out.push(line.kind + line.text.replace(/\r$/, ''))
  }
  return out.join('\n') + '\n'
}
