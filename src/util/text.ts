/**
 * Text helpers shared by the template compiler, the document model and the
 * rules: how heading text is normalised for matching, how placeholders are
 * recognised, and how near misses are scored.
 */
import {distance} from 'fastest-levenshtein'

/** A leading section number: `1.`, `1.1`, `10.2.`, followed by white space. */
const leadingNumber = /^\s*(\d+(?:\.\d+)*)(\.?)(?=\s|$)\s*/

/**
 * Placeholders as templates write them: `[Feature Name]`, `<Name>`,
 * `{Entity Name}`. Brackets are not nested in templates; the contents may not
 * start with a space (so `a < b > c` is not one).
 */
export const placeholderPattern = /\[[^\[\]\n]+\]|<[^<>\s][^<>\n]*>|\{[^{}\n]+\}/g

export interface SplitNumber {
  /** The number without a trailing dot (`1`, `1.1`), if any. */
  number: string | undefined
  /** Whether the number was written with a trailing dot (`1.`). */
  dot: boolean
  /** The text after the number. */
  rest: string
}

/** Split a leading section number off heading text. */
export function splitNumber(text: string): SplitNumber {
  const match = leadingNumber.exec(text)
  if (!match) return {number: undefined, dot: false, rest: text.trim()}
  return {number: match[1], dot: match[2] === '.', rest: text.slice(match[0].length).trim()}
}

/**
 * Normalise heading text for lenient matching: case folded, a leading number
 * dropped, `&` read as `and`, hyphens and apostrophes joined, any other
 * punctuation read as a space, white space folded.
 */
export function normalizeHeading(text: string): string {
  return normalizeWords(stripOptionalMarker(splitNumber(text).rest).text)
}

/** A heading's note that it is optional: "(Optional)", "[optional]", "(If Applicable)". */
const optionalMarker = /\s*[\[(]\s*(?:optional|if applicable|if needed|where applicable)\s*[\])]\s*$/i

/** Split an optional marker off a heading title. */
export function stripOptionalMarker(title: string): {text: string; optional: boolean} {
  const stripped = title.replace(optionalMarker, '')
  return {text: stripped, optional: stripped !== title}
}

/** The word-level normalisation behind {@link normalizeHeading}. */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/&/g, ' and ')
    .replace(/['’\u2010\u2011-]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Escape a string for use inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export interface TextPart {
  kind: 'text' | 'placeholder'
  value: string
}

/** Split text into literal parts and placeholder parts. */
export function splitPlaceholders(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(placeholderPattern)) {
    const index = match.index
    if (index > last) parts.push({kind: 'text', value: text.slice(last, index)})
    parts.push({kind: 'placeholder', value: match[0]})
    last = index + match[0].length
  }
  if (last < text.length) parts.push({kind: 'text', value: text.slice(last)})
  return parts
}

const stopWords = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'or', 'with'])

function significantWords(normalized: string): string[] {
  return normalized.split(' ').filter((word) => word && !stopWords.has(word))
}

/**
 * How alike two normalised headings are, from 0 to 1: the better of their
 * edit-distance similarity and the share of the expected heading's words that
 * the actual one has (so "Rollback plan" is near "Rollback Strategy").
 */
export function similarity(expected: string, actual: string): number {
  if (!expected || !actual) return 0
  const edit = 1 - distance(expected, actual) / Math.max(expected.length, actual.length)
  const want = significantWords(expected)
  const have = new Set(significantWords(actual))
  if (want.length === 0 || have.size === 0) return edit
  let shared = 0
  for (const word of want) if (have.has(word) || [...have].some((h) => nearWord(word, h))) shared++
  // Many extra words make the heading something else, not a variant.
  const overlap = have.size > want.length * 2 + 1 ? 0 : (shared / want.length) * 0.9
  return Math.max(edit, overlap)
}

function nearWord(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5) return false
  return distance(a, b) <= (Math.min(a.length, b.length) >= 8 ? 2 : 1)
}

/** The threshold from which a heading counts as a near miss of another. */
export const nearMissThreshold = 0.45

/**
 * The closest candidate to `wanted` among `candidates` (plain strings), for
 * "did you mean" suggestions on names (presets, statuses).
 */
export function closest(wanted: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestScore = 0
  const want = wanted.toLowerCase()
  for (const candidate of candidates) {
    const have = candidate.toLowerCase()
    const score = 1 - distance(want, have) / Math.max(want.length, have.length)
    if (score > bestScore) {
      bestScore = score
      best = candidate
    }
  }
  return bestScore >= 0.5 ? best : undefined
}

/** Quote a value for a message: `"x"`. */
export function quote(value: string): string {
  return '"' + value + '"'
}
