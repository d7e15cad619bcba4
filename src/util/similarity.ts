/**
 * Near misses: how alike two names are, the one search for the closest
 * candidate (ties go to the earlier candidate), and the one "did you mean"
 * sentence for unknown names (CLI options, config keys, rule ids, presets,
 * annotations).
 */
import {distance} from 'fastest-levenshtein'

const stopWords = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'or', 'with'])

/**
 * Words that name the kind of a section rather than its subject ("Rollback
 * plan", "Rollback Strategy"): they neither make nor break a near miss.
 */
const genericWords = new Set(['plan', 'strategy', 'approach', 'process', 'detail', 'consideration'])

/** The words of a normalised heading that carry its meaning: no small words, no generic ones. */
function meaningfulWords(normalized: string): string[] {
  return normalized.split(' ').filter((word) => word && !stopWords.has(word) && !genericWords.has(stem(word)))
}

/** A word's stem: a plural `s` or an `-ing` dropped ("tests", "testing" → "test"). */
function stem(word: string): string {
  if (word.length >= 6 && word.endsWith('ing')) return word.slice(0, -3)
  if (word.length >= 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

/** Edit-distance similarity of two strings, from 0 to 1. */
export function editSimilarity(a: string, b: string): number {
  if (!a || !b) return 0
  return 1 - distance(a, b) / Math.max(a.length, b.length)
}

/** A typo-level edit: at most one edit in five characters. */
const typoSimilarity = 0.8

/** The share of each side's words that must be in the other when neither has all of the other's. */
const sharedShare = 0.75

/** The share of each side's distinguishing words that must be in the other. */
const distinguishingShare = 0.5

/**
 * The words (stems) that two or more of the given normalised titles share
 * ("tests" in "Unit Tests" and "Integration Tests"): they tell no section
 * apart, so sharing one makes no near miss (see {@link similarity}).
 */
export function commonWords(titles: Iterable<string>): Set<string> {
  const seen = new Map<string, number>()
  for (const title of titles) {
    for (const word of new Set(meaningfulWords(title).map(stem))) seen.set(word, (seen.get(word) ?? 0) + 1)
  }
  return new Set([...seen].filter(([, count]) => count > 1).map(([word]) => word))
}

/**
 * How alike a normalised heading is to the expected one, from 0 to 1, where
 * only a near miss reaches {@link nearMissThreshold}. Small words and words
 * that only name the kind of section ("plan", "strategy", "details") do not
 * count; a word with a typo or another ending counts as the same word. A near
 * miss is:
 * - a typo-level edit of the whole heading ("Rollback Stratgy", "Non Goals");
 * - or one side has all of the other's words ("Alternatives" and "Rationale
 *   and alternatives"; "Rollback plan" and "Rollback Strategy"), the heading
 *   at most twice as long plus one word and at least half as long;
 * - or, given the words several titles of the template share (`common`), at
 *   least half of each side's other words are in the other ("Usage example"
 *   and "Basic example"; not "Smoke Tests" and "Unit Tests" when the template
 *   also has "Integration Tests");
 * - or, for long headings, three quarters of each side's words are in the
 *   other.
 * A looser edit is not ("Objectives" is not "Alternatives").
 */
export function similarity(expected: string, actual: string, common?: ReadonlySet<string>): number {
  if (!expected || !actual) return 0
  // An edit distance is at least the difference in length: the distance is
  // only worth computing when that leaves a typo-level edit possible.
  const longer = Math.max(expected.length, actual.length)
  if (1 - Math.abs(expected.length - actual.length) / longer >= typoSimilarity) {
    const edit = editSimilarity(expected, actual)
    if (edit >= typoSimilarity) return edit
  }
  const want = meaningfulWords(expected)
  const have = meaningfulWords(actual)
  if (want.length === 0 || have.length === 0) return 0
  const wantShare = shareIn(want, have)
  const haveShare = shareIn(have, want)
  const contained = (wantShare === 1 && have.length <= want.length * 2 + 1) || (haveShare === 1 && wantShare >= 0.5)
  if (!contained && Math.min(wantShare, haveShare) < sharedShare && !halfDistinguishing(want, have, common)) return 0
  // From the threshold up, below a typo: more shared words rank higher.
  return nearMissThreshold + (0.3 * (wantShare + haveShare)) / 2
}

/** Whether each side has at least half of its words that are not `common` in the other. */
function halfDistinguishing(want: string[], have: string[], common: ReadonlySet<string> | undefined): boolean {
  if (!common) return false
  const own = (words: string[]) => words.filter((word) => !common.has(stem(word)))
  const wanted = own(want)
  const had = own(have)
  if (wanted.length === 0 || had.length === 0) return false
  return shareIn(wanted, had) >= distinguishingShare && shareIn(had, wanted) >= distinguishingShare
}

/** The share of `words` that `other` has (the same word, or within a typo of it). */
function shareIn(words: string[], other: string[]): number {
  let shared = 0
  for (const word of words) if (other.some((candidate) => sameWord(word, candidate))) shared++
  return shared / words.length
}

/** The same word, with another ending ("test", "testing") or a typo in a long one ("protection", "protecting"). */
function sameWord(a: string, b: string): boolean {
  if (a === b || stem(a) === stem(b)) return true
  if (a.length < 5 || b.length < 5) return false
  return distance(a, b) <= (Math.min(a.length, b.length) >= 8 ? 2 : 1)
}

/** The score from which a heading or a column counts as a near miss of another. */
export const nearMissThreshold = 0.45

/**
 * The candidate with the highest score of at least `threshold`; on a tie the
 * earlier candidate wins. Undefined when none reaches the threshold.
 */
export function nearest<T>(candidates: Iterable<T>, score: (candidate: T) => number, threshold: number): T | undefined {
  let best: T | undefined
  let bestScore = -Infinity
  for (const candidate of candidates) {
    const value = score(candidate)
    if (value < threshold || value <= bestScore) continue
    best = candidate
    bestScore = value
  }
  return best
}

/** The closest name to `wanted` (case-insensitive), for "did you mean". */
export function closest(wanted: string, candidates: readonly string[]): string | undefined {
  const want = wanted.toLowerCase()
  return nearest(candidates, (candidate) => editSimilarity(want, candidate.toLowerCase()), 0.5)
}

/**
 * The sentence for a name that is not known:
 * `unknown preset "prodution" (did you mean "production"?); known presets: standard, production`.
 */
export function unknownName(kind: string, name: string, known: readonly string[], knownAs = `known ${kind}s`, extra = ''): string {
  const suggestion = closest(name, known)
  return `unknown ${kind} "${name}"` + (suggestion ? ` (did you mean "${suggestion}"?)` : '') + `; ${knownAs}: ${known.join(', ')}` + extra
}
