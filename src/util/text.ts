/**
 * Text normalisation, shared by the template compiler, the document model
 * and the rules: heading text for matching, field labels, prose and code for
 * comparing with the template's.
 */
/** A leading section number: `1.`, `1.1`, `10.2.`, followed by white space. */
const leadingNumber = /^\s*(\d+(?:\.\d+)*)(\.?)(?=\s|$)\s*/

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

/** Normalise a field label: case folded, space, `_` and `-` alike. */
export function fieldKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .trim()
}

/**
 * Normalise prose for comparing with template text: case folded, the
 * template's brackets and Markdown marks dropped, white space folded,
 * trailing punctuation ignored.
 */
export function normalizeProse(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\[\]{}<>*_`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[-•\s]+/, '')
    .replace(/[\s.:;,!?…]+$/, '')
    .trim()
}

/** Code compared as written, white space folded. */
export function normalizeCode(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}
