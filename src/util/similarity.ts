/**
 * Near misses: how alike two names are, the one search for the closest
 * candidate (ties go to the earlier candidate), and the one "did you mean"
 * sentence for unknown names (CLI options, config keys, rule ids, presets,
 * annotations).
 */
import {distance} from 'fastest-levenshtein'

const stopWords = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'or', 'with'])

function significantWords(normalized: string): string[] {
  return normalized.split(' ').filter((word) => word && !stopWords.has(word))
}

/** Edit-distance similarity of two strings, from 0 to 1. */
export function editSimilarity(a: string, b: string): number {
  if (!a || !b) return 0
  return 1 - distance(a, b) / Math.max(a.length, b.length)
}

/**
 * How alike two normalised headings are, from 0 to 1: the better of their
 * edit-distance similarity and the share of the expected heading's words that
 * the actual one has (so "Rollback plan" is near "Rollback Strategy").
 */
export function similarity(expected: string, actual: string): number {
  if (!expected || !actual) return 0
  const edit = editSimilarity(expected, actual)
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
