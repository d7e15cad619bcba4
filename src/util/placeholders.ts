/**
 * The placeholder grammar, as templates write placeholders: `[Feature Name]`,
 * `<Name>`, `{Entity Name}`. Brackets are not nested in templates, and the
 * contents may not start with a space (so `a < b > c` is not one). Every
 * function here makes its own regular expression: there is no shared
 * stateful `/g` pattern to reset.
 */

/** `[x]` (not a footnote `[^1]`), `<x>`, `{x}`. */
const placeholderSource = String.raw`\[(?!\^)[^\[\]\n]+\]|<[^<>\s][^<>\n]*>|\{[^{}\n]+\}`
/** The same, and the ISO date mask a template leaves for a date. */
const withDateMask = placeholderSource + String.raw`|\bYYYY-MM-DD\b`

/**
 * The placeholders in a text, with their offsets; with `dateMask`, the
 * `YYYY-MM-DD` mask too.
 */
export function findPlaceholders(text: string, options: {dateMask?: boolean} = {}): Array<{value: string; index: number}> {
  const pattern = new RegExp(options.dateMask ? withDateMask : placeholderSource, 'g')
  return [...text.matchAll(pattern)].map((match) => ({value: match[0], index: match.index}))
}

/** Whether a text holds a bracketed placeholder. */
export function containsPlaceholder(text: string): boolean {
  return new RegExp(placeholderSource).test(text)
}

/** Whether a field or cell value still holds a placeholder or a date mask. */
export function hasPlaceholder(value: string): boolean {
  return containsPlaceholder(value) || /YYYY|MM-DD/.test(value)
}

export interface TextPart {
  kind: 'text' | 'placeholder'
  value: string
}

/** Split text into literal parts and placeholder parts. */
export function splitPlaceholders(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const {value, index} of findPlaceholders(text)) {
    if (index > last) parts.push({kind: 'text', value: text.slice(last, index)})
    parts.push({kind: 'placeholder', value})
    last = index + value.length
  }
  if (last < text.length) parts.push({kind: 'text', value: text.slice(last)})
  return parts
}
