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
 * A trailing attribute block of a heading (kramdown, Pandoc, markdown-it-attrs):
 * `{#id}`, `{ #id }`, `{: .class}`, `{.class #id}`. Placeholders such as
 * `{Entity Name}` start with a letter, so they are not attribute blocks.
 */
const attributeBlock = /\s*\{:?\s*[#.][^{}]*\}\s*$/

/** A node of a heading's inline content, as far as its text goes. */
interface InlineNode {
  type: string
  value?: string | undefined
  alt?: string | null | undefined
  children?: InlineNode[] | undefined
}

/**
 * The text of a heading, the one both the template compiler and the document
 * model compare and quote: its plain text without HTML markup (`<a
 * name="x">Motivation</a>` is "Motivation"; `<!-- omit in toc -->` goes; a
 * placeholder such as `<Feature Name>` stays) or emphasis and code marks, a
 * trailing attribute block (`{#id}`, `{: .class}`) dropped, white space
 * folded.
 */
export function headingText(node: InlineNode): string {
  return dropAttributeBlock(plainText(node).replace(/\s+/g, ' ')).trim()
}

/** A text without its trailing attribute block (`{#id}`); most have no brace to look at. */
function dropAttributeBlock(text: string): string {
  return text.includes('{') ? text.replace(attributeBlock, '') : text
}

/**
 * Inline HTML that is markup: a comment, or a tag of an HTML element. A
 * placeholder written in angle brackets (`<Feature Name>`, `<Project>`) is
 * not, and stays text.
 */
const markup =
  /^(?:<!--[\s\S]*?-->|<\/?(?:a|abbr|b|br|cite|code|del|dfn|em|font|i|img|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|time|u|var|wbr)(?:\s[^<>]*)?\/?>)$/i

/** Whether an inline HTML node of a heading is markup, left out of its text (see {@link headingText}). */
export function isInlineMarkup(node: InlineNode): boolean {
  return node.type === 'html' && markup.test(node.value ?? '')
}

function plainText(node: InlineNode): string {
  if (isInlineMarkup(node)) return ''
  if (typeof node.value === 'string') return node.value
  if (node.type === 'image') return node.alt ?? ''
  return (node.children ?? []).map(plainText).join('')
}

/**
 * Normalise heading text for lenient matching: case folded, a leading number
 * and a trailing attribute block (`{#id}`) dropped, `&` read as `and`,
 * hyphens and apostrophes joined, any other punctuation read as a space,
 * white space folded.
 */
export function normalizeHeading(text: string): string {
  return normalizeWords(stripOptionalMarker(splitNumber(dropAttributeBlock(text)).rest).text)
}

/** A heading's note that it is optional: "(Optional)", "[optional]", "(If Applicable)". */
const optionalMarker = /\s*[\[(]\s*(?:optional|if applicable|if needed|where applicable)\s*[\])]\s*$/i

/** Split an optional marker off a heading title. */
export function stripOptionalMarker(title: string): {text: string; optional: boolean} {
  // The marker ends in a bracket: a title without one has none.
  const stripped = /[\])]\s*$/.test(title) ? title.replace(optionalMarker, '') : title
  return {text: stripped, optional: stripped !== title}
}

/** The word-level normalisation behind {@link normalizeHeading}. */
export function normalizeWords(text: string): string {
  const lower = text.toLowerCase()
  if (!/[^ -~\t\n\r]/.test(lower)) {
    // Plain ASCII: NFKC changes nothing, and the letters and digits are a-z and 0-9.
    return lower
      .replace(/&/g, ' and ')
      .replace(/['-]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  }
  return lower
    .normalize('NFKC')
    .replace(/&/g, ' and ')
    .replace(/['’\u2010\u2011-]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** A character beyond plain text: not ASCII, nor a typographic quote, dash or ellipsis. */
const beyondPlain = /[^\t\n\r -~‘’“”…–—]/

/**
 * Whether a text is plain: ASCII, or the typographic quotes, dashes and
 * ellipsis. On plain text a pattern's `\p{L}` is `[A-Za-z]`, `\p{Lu}` and
 * `\p{Ll}` are `[A-Z]` and `[a-z]`, `\p{N}` is `[0-9]` and `\p{M}` is
 * nothing, so an ASCII twin of a Unicode pattern answers as it does (the
 * characters allowed beyond ASCII are none of those classes).
 */
export function isPlainText(text: string): boolean {
  return !beyondPlain.test(text)
}

/** A Unicode pattern (its source, flag `u`) and its ASCII twin, which answers as it does on plain text. */
export type Twin = readonly [ascii: RegExp, unicode: string]

/**
 * A test by a Unicode pattern that its ASCII twin answers on plain text; the
 * Unicode pattern is made on first need. V8 parses a `\p{…}` class as it
 * makes the pattern and compiles it again at each of its first two runs, 1–3
 * ms each on a slow machine: about a tenth of a one-document run's own time,
 * when every placeholder check paid it.
 */
export function twinTest([ascii, unicode]: Twin): (text: string) => boolean {
  let full: RegExp | undefined
  return (text) => {
    if (isPlainText(text)) return ascii.test(text)
    full ??= new RegExp(unicode, 'u')
    return full.test(text)
  }
}

/** Escape a string for use inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Normalise a field label: case folded, space, `_` and `-` alike. */
export function fieldKey(label: string): string {
  const spaced = label.toLowerCase().replace(/[\s_-]+/g, ' ')
  return (isPlainText(spaced) ? spaced.replace(/[^a-z0-9 ]/g, '') : spaced.replace(/[^\p{L}\p{N} ]/gu, '')).trim()
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

/**
 * Whether `normalizeProse(text)` is sure to be longer than `length`: it
 * always keeps the printable ASCII characters that are not marks, blanks or
 * the punctuation it trims, and more than `length` of them settles it. A
 * quick way to know a long text cannot equal a short one: it reads no more
 * of the text than it must.
 */
export function proseLongerThan(text: string, length: number): boolean {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 128 && countedInProse[code] === 1 && ++count > length) return true
  }
  return false
}

/**
 * A number for the first letters and digits of a text as `normalizeProse`
 * keeps them (the ASCII ones, case folded, up to 16): normalising drops no
 * letter or digit, so two texts whose normalised prose is the same have the
 * same key (two that differ may share one too). A quick way to tell most
 * texts from a template's without normalising them.
 */
export function proseKey(text: string): number {
  let key = 0
  let count = 0
  /** Take a case-folded character code into the key when it is an ASCII letter or digit. */
  const take = (code: number) => {
    if (count < 16 && ((code >= 48 && code <= 57) || (code >= 97 && code <= 122))) {
      key = (Math.imul(key, 31) + code) | 0
      count++
    }
  }
  for (let index = 0; index < text.length && count < 16; index++) {
    const code = text.charCodeAt(index)
    // Some letters fold to ASCII ones (the Kelvin sign to `k`).
    if (code >= 128) for (const folded of text[index].toLowerCase()) take(folded.charCodeAt(0))
    else take(code >= 65 && code <= 90 ? code + 32 : code)
  }
  return key
}

/** The printable ASCII characters normalizeProse always keeps: not its marks nor the punctuation it trims at either end. */
const countedInProse = new Uint8Array(128)
for (let code = 33; code < 127; code++) if (!'[]{}<>*_`-.:;,!?'.includes(String.fromCharCode(code))) countedInProse[code] = 1

/** Code compared as written, white space folded. */
export function normalizeCode(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/**
 * Why a file read as text is not text, as git tells: it holds a NUL byte
 * (an image, an archive, a UTF-16 file). Undefined for text.
 */
export function binaryFileProblem(text: string): string | undefined {
  return text.includes('\u0000') ? 'it is not a text file (it holds NUL bytes)' : undefined
}

/** Why a template without headings is refused. */
export const noHeadingsProblem = `it has no headings: a template's sections are its headings ("## Overview"), so it would pass every document`
