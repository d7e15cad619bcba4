/**
 * The placeholder grammar, in two steps.
 *
 * 1. `findPlaceholders` finds the brackets a template writes placeholders
 *    in: `[Feature Name]`, `<Name>`, `{Entity Name}`. It is lexical, so the
 *    template compiler records with it what the template writes, and the
 *    title patterns are cut with it.
 * 2. `isPlaceholder` decides, for a bracket found in a document, whether it
 *    is one to fill in: the template writes it, or it has the same shape and
 *    wording (see there).
 *
 * The two `/g` patterns findPlaceholders steps through are made once and
 * reset on each call; nothing it calls uses them, so no call disturbs another.
 */
import {htmlTagNames} from 'html-tag-names'
import {escapeRegExp, stripOptionalMarker, twinTest, type Twin} from './text.js'

/**
 * A bracket around text without brackets or line breaks. Brackets are not
 * nested in templates: `[[Name]]` holds `[Name]`, `<<[UNRESOLVED]>>` only
 * `[UNRESOLVED]`.
 */
const bracketSource = String.raw`\[[^\[\]<>{}\n]+\]|<[^\[\]<>{}\n]+>|\{[^\[\]<>{}\n]+\}`
/** The same, and the ISO date mask a template leaves for a date. */
const withDateMask = bracketSource + String.raw`|\bYYYY-MM-DD\b`
const bracketPattern = new RegExp(bracketSource, 'g')
const datedPattern = new RegExp(withDateMask, 'g')
/** Any opening bracket (a pattern without `/g`: no state). */
const anyBracket = /[[<{]/

/**
 * Whether the bracket at `index` of `text` is written like a placeholder:
 * its text starts with a letter or a digit and does not end in a space (so
 * not `[ ]`, `[^1]`, `{#id}`, `{: .class}`, `<->`, `<!-- … -->`, `</a>` or
 * `a < b > c`); it is not a task box `[x]`; it is not escaped (`\[x\]`); and a
 * square one is not Markdown link syntax (`[text](url)`, `[text][label]`,
 * `[label]: url`, or a label the same text defines).
 */
function writtenAsPlaceholder(text: string, value: string, index: number): boolean {
  const inner = value.slice(1, -1)
  if (!startsWithLetterOrDigit(inner) || /\s$/.test(inner)) return false
  if (text[index - 1] === '\\') return false
  if (value[0] !== '[') return true
  if (/^[xX]$/.test(inner)) return false
  const next = text[index + value.length]
  if (next === '(' || next === '[' || text[index - 1] === ']') return false
  return !definition.test(text.slice(index + value.length)) && !definesLabel(text, inner)
}

/** What follows the label of a link reference definition: `: https://…`, `: ./x.md "Title"`, `: <…>`. */
const definition = /^:[ \t]*(?:<[^<>\n]*>|\S*[/#.]\S*)[ \t]*(?:["'(][^\n]*)?(?:\n|$)/

/** Whether a text holds a link reference definition `[label]: …` for a label. */
function definesLabel(text: string, label: string): boolean {
  if (!text.includes(']:')) return false
  for (const match of text.matchAll(new RegExp(String.raw`^ {0,3}\[` + escapeRegExp(label) + String.raw`\]`, 'gim'))) {
    if (definition.test(text.slice(match.index + match[0].length))) return true
  }
  return false
}

/**
 * The placeholders in a text, with their offsets; with `dateMask`, the
 * `YYYY-MM-DD` mask too.
 */
export function findPlaceholders(text: string, options: {dateMask?: boolean} = {}): Array<{value: string; index: number}> {
  // Most texts have no bracket at all: then there is nothing to match.
  if (!anyBracket.test(text) && !(options.dateMask && text.includes('YYYY-MM-DD'))) return []
  const pattern = options.dateMask ? datedPattern : bracketPattern
  pattern.lastIndex = 0
  const result: Array<{value: string; index: number}> = []
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const value = match[0]
    if (value === 'YYYY-MM-DD' || writtenAsPlaceholder(text, value, match.index)) {
      result.push({value, index: match.index})
    } else {
      // Not a placeholder: what it holds may still be one (`[see YYYY-MM-DD]`).
      pattern.lastIndex = match.index + 1
    }
  }
  return result
}

/** Whether a text holds a bracketed placeholder. */
export function containsPlaceholder(text: string): boolean {
  return findPlaceholders(text).length > 0
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

/** What a template says about placeholders, for `isPlaceholder`. */
export interface TemplatePlaceholders {
  /** Every placeholder the template writes, lower case. */
  written: ReadonlySet<string>
  /** The brackets it writes its placeholders of words in: `[`, `<`, `{`. */
  kinds: ReadonlySet<string>
}

const htmlNames = new Set(htmlTagNames)

/** The template's placeholders (`Preset.placeholders`), for `isPlaceholder`. */
export function templatePlaceholders(written: readonly string[]): TemplatePlaceholders {
  const kinds = new Set<string>()
  for (const value of written) {
    const inner = value.slice(1, -1)
    if (value[0] === '<' && htmlNames.has(inner.toLowerCase())) continue
    if (readsAsWords(inner)) kinds.add(value[0])
  }
  return {written: new Set(written.map((value) => value.toLowerCase())), kinds}
}

/** Words that mark a blank to fill in any bracket: `[TBD]`, `<TODO>`, `{FIXME}`. */
const fillerWord = /^(?:tbd|tba|tbc|todo|fixme|xxx|wip|placeholder)$/i
/** Words that mark a blank in square brackets, in a template that writes square placeholders: `[Name]`, `[Owner]`. */
const squareFillerWord = /^(?:name|date|owner|author|title|description|link|url|details?|value|text)$/i
/** Bracketed numbers are citations (`[1]`, `[2, 3]`, `[4-6]`). */
const citation = /^\d+(?:\s*[,–-]\s*\d+)*$/

/**
 * Whether a bracket found in a document is a placeholder to fill in.
 *
 * - It stands apart from the text around it: a bracket glued to a word or
 *   to code (`i32::{MAX}`, `Map<K, V>`, `{Operation}Option`, `A[i]`,
 *   `\frac{n}{d}`, `/pods/{name}/`) is notation.
 * - Then it is one when it holds the date mask (`[YYYY-MM-DD]`) or a filler
 *   word (`[TBD]`, `<TODO>`; in square brackets, where the template writes
 *   square placeholders, also `[Name]`, `[Owner]`…),
 *   or when the template writes it, save a tag or reference label of one
 *   token (`[kubernetes/enhancements]`, `[deprecation-policy]`).
 * - Else it has the same shape and wording as the template's: the template
 *   writes placeholders of words in this kind of bracket, it holds words of
 *   natural language (see `readsAsWords`), and, in `<…>` and `{…}`, more
 *   than one, apart or joined by `/` (`<google group thread>`,
 *   `{team/person}`; one word is a variable, `<name>`, `{id}`). Square brackets around words are also how a
 *   link is written whose definition is missing, so there the words must ask
 *   for text (`[Who decides the burst size?]`, `[Describe the rollout]`), or
 *   be one capitalised word that is the whole value after a label
 *   (`p99: [Target]`, not `sda1: [read-only layer]`). Words in a quoted
 *   string are part of what is quoted (`"failed to get node <node name>"`).
 *
 * `text` is the whole text the bracket is in (the document), `index` its
 * offset there.
 */
export function isPlaceholder(text: string, found: {value: string; index: number}, template: TemplatePlaceholders): boolean {
  const {value, index} = found
  if (value === 'YYYY-MM-DD') return true
  if (gluedToNotation(text, index, value.length)) return false
  const kind = value[0]
  const inner = value.slice(1, -1)
  if (inner.includes('YYYY-MM-DD')) return true
  if (kind === '[' && (citation.test(inner) || stripOptionalMarker(value).optional)) return false
  if (fillerWord.test(inner) || (kind === '[' && template.kinds.has('[') && squareFillerWord.test(inner))) return true
  const oneToken = !/\s/.test(inner)
  if (template.written.has(value.toLowerCase())) return !(kind === '[' && oneToken && /[/.#-]/.test(inner))
  if (!template.kinds.has(kind) || !readsAsWords(inner) || inQuotes(text, index, value.length)) return false
  if (kind !== '[') return /[\s/]/.test(inner)
  return asksForText(inner) || (isCapitalisedWord(inner) && wholeValueAfterLabel(text, index, value.length))
}

/**
 * Whether a bracket is glued to notation: a letter, digit or one of
 * `_ \ $ ^ / # ! < } ]` right before it, or `::` / `x.` (`i32::{`,
 * `math.{`, `#[attr]`, `<<[UNRESOLVED]>>`); a letter, digit or one of
 * `_ / \ ( [ { >` right after it, or a `.` or `:` followed by a letter or
 * digit (`{x}.json`).
 */
function gluedToNotation(text: string, index: number, length: number): boolean {
  const before = text[index - 1] ?? ''
  const after = text[index + length] ?? ''
  if (notationBefore(before)) return true
  if (/[:.]/.test(before) && letterDigitOrColon(text[index - 2] ?? '')) return true
  if (notationAfter(after)) return true
  return /[.:]/.test(after) && startsWithLetterOrDigit(text[index + length + 1] ?? '')
}

/**
 * One word: a letter, then letters or digits, with `'`, `’` (written `\u2019`:
 * a raw template's text stays ASCII in the bundle) or `-` inside (`can't`,
 * `on-call`, `IPv6`).
 */
const wordSource = String.raw`\p{L}[\p{L}\p{M}\p{N}]*(?:['\u2019-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*`
const asciiWordSource = String.raw`[A-Za-z][A-Za-z0-9]*(?:['\u2019-][A-Za-z0-9][A-Za-z0-9]*)*`

/**
 * The Unicode patterns of the placeholder checks, each with its ASCII twin
 * for plain text (src/util/text.ts twinTest; test/unit/twins.test.ts checks
 * that each pair agrees on plain text).
 */
export const twins = {
  /** A letter or a digit first. */
  letterOrDigitFirst: [/^[A-Za-z0-9]/, String.raw`^[\p{L}\p{N}]`],
  /** A letter, digit or `:`. */
  letterDigitOrColon: [/^[A-Za-z0-9:]/, String.raw`^[\p{L}\p{N}:]`],
  /** Notation a bracket can be glued to on its left. */
  notationBefore: [/[A-Za-z0-9_\\$^/#!<}\]]/, String.raw`[\p{L}\p{N}_\\$^/#!<}\]]`],
  /** Notation a bracket can be glued to on its right. */
  notationAfter: [/[A-Za-z0-9_/\\([{>]/, String.raw`[\p{L}\p{N}_/\\([{>]`],
  /** A word, or words joined by `/` (`team/person`). */
  word: [new RegExp(`^${asciiWordSource}(?:/${asciiWordSource})*$`), `^${wordSource}(?:/${wordSource})*$`],
  /** A number, maybe with a unit (`1`, `2015`, `10s`), but no dot inside (`v1.8`, `0.5`). */
  number: [/^\d+[A-Za-z]*$/, String.raw`^\d+\p{L}*$`],
  /** One capitalised word (`Name`). */
  capitalisedWord: [/^[A-Z][a-z]+$/, String.raw`^\p{Lu}\p{Ll}+$`],
  /** A label and its colon at the end of the text before a bracket (`p99: `, `**Owner:** `). */
  labelBefore: [/[A-Za-z0-9)\]][*_]*:[*_]*\s+[*_]*$/, String.raw`[\p{L}\p{N})\]][*_]*:[*_]*\s+[*_]*$`],
} satisfies Record<string, Twin>

const startsWithLetterOrDigit = twinTest(twins.letterOrDigitFirst)
const letterDigitOrColon = twinTest(twins.letterDigitOrColon)
const notationBefore = twinTest(twins.notationBefore)
const notationAfter = twinTest(twins.notationAfter)
const isWord = twinTest(twins.word)
const isNumber = twinTest(twins.number)
const isCapitalisedWord = twinTest(twins.capitalisedWord)
const endsWithLabel = twinTest(twins.labelBefore)
/** Abbreviations of examples and lists, without their last dot. */
const abbreviation = /^(?:e\.g|i\.e|etc|vs)$/i

/**
 * Whether the text of a bracket reads as words of natural language, not code
 * or data: every token is a word, a number or a dash, slash or `&` between
 * words, with quotes, brackets and sentence punctuation around it (`Question
 * 1 - Status: Open/In Progress`, `e.g., "API gateway config"`); the first is a
 * word; and it is not a list of single values (`MAX, MIN`, `error, ignore`,
 * `1, 2, 3`). So no `::`, `_`, `=`, `\`, `|`, dots inside a token (`math.h`,
 * `v1.8`) or numbers alone (`5`, `0.5`).
 */
export function readsAsWords(inner: string): boolean {
  const tokens = inner
    .trim()
    .split(/\s+/)
    .map((token) => token.replace(/^[("'“‘]+/, '').replace(/(?:[)"'”’,:?!…]|\.(?!\w))+$/, ''))
  if (tokens.length === 0 || !(isWord(tokens[0]) || abbreviation.test(tokens[0]))) return false
  const valid = tokens.every((token) => isWord(token) || abbreviation.test(token) || isNumber(token) || /^[-–—/&]?$/.test(token))
  if (!valid) return false
  // A list of single values, unless it opens with an example ("e.g., x").
  const items = inner.split(',')
  return items.length === 1 || abbreviation.test(tokens[0]) || /\s/.test(items[0].trim())
}

/** Verbs a template opens an instruction with ("Describe the rollout", "List the risks"). */
export const instructionVerbs = new Set(
  (
    'add address answer ask assess attach attempt avoid be call capture check choose clarify compare confirm consider copy cover create ' +
    'decide define delete demonstrate describe detail determine discuss do document don draw elaborate ensure enter estimate evaluate ' +
    'expand explain explore fill focus give highlight identify illustrate include indicate insert justify keep leave link list look ' +
    'make mention name note omit outline paste pick please prioritize propose provide put quantify record reference remove replace ' +
    'review say select share show sketch skip specify spell state suggest summarize summarise tell think try update use verify write'
  ).split(' '),
)

/** Whether the words of a bracket ask for text: a question, or an instruction ("Describe …", "e.g. …"). */
function asksForText(inner: string): boolean {
  const text = inner.trim()
  if (text.endsWith('?')) return true
  const first = /^[\p{L}.]+/u.exec(text)?.[0].toLowerCase() ?? ''
  return instructionVerbs.has(first) || /^(?:e\.g\.|i\.e\.|for example|your)\b/i.test(text)
}

/** Whether a bracket is inside a double-quoted string on its line. */
function inQuotes(text: string, index: number, length: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1
  let lineEnd = text.indexOf('\n', index)
  if (lineEnd < 0) lineEnd = text.length
  const quotes = (part: string) => (part.match(/["“”]/g) ?? []).length
  return quotes(text.slice(lineStart, index)) % 2 === 1 && quotes(text.slice(index + length, lineEnd)) > 0
}

/** Whether a bracket is all that follows a label on its line (`p99: [Target]`, `**Owner:** [Name]`). */
function wholeValueAfterLabel(text: string, index: number, length: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1
  const before = text.slice(lineStart, index)
  let lineEnd = text.indexOf('\n', index)
  if (lineEnd < 0) lineEnd = text.length
  const after = text.slice(index + length, lineEnd)
  return endsWithLabel(before) && /^[*_]*[.;]?\s*(?:\|.*)?$/.test(after)
}
