/**
 * Labelled lines, the way templates write metadata fields: `**Author:** x`,
 * `**Author**: x`, `- **Author:** x`, one to a line.
 */
import type {RootContent} from 'mdast'

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
  let offset = start
  // Lists: from the start of the first line, so the bullet is seen.
  while (offset > 0 && source[offset - 1] !== '\n') offset--
  for (const line of source.slice(offset, end).split('\n')) {
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
        })
      }
    }
    offset += line.length + 1
  }
  return result
}
