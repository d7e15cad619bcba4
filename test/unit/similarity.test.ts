import {describe, expect, it} from 'vitest'
import {closest, editSimilarity, nearest, nearMissThreshold, similarity, unknownName} from '../../src/util/similarity.js'

describe('editSimilarity', () => {
  it('is 1 for equal strings and falls with the edit distance', () => {
    expect(editSimilarity('risks', 'risks')).toBe(1)
    expect(editSimilarity('abc', 'abd')).toBeCloseTo(2 / 3)
    expect(editSimilarity('abcd', 'ab')).toBeCloseTo(0.5)
    expect(editSimilarity('abc', 'xyz')).toBe(0)
  })

  it('is 0 when either string is empty', () => {
    expect(editSimilarity('', 'abc')).toBe(0)
    expect(editSimilarity('abc', '')).toBe(0)
    expect(editSimilarity('', '')).toBe(0)
  })
})

describe('similarity', () => {
  it('is 1 for equal headings and 0 for an empty one', () => {
    expect(similarity('rollback strategy', 'rollback strategy')).toBe(1)
    expect(similarity('', 'risks')).toBe(0)
    expect(similarity('risks', '')).toBe(0)
  })

  it('takes the edit distance for a misspelling ("rollback stratgy")', () => {
    expect(similarity('rollback strategy', 'rollback stratgy')).toBeCloseTo(1 - 1 / 17)
  })

  it('counts shared words, so "Rollback plan" is near "Rollback Strategy"', () => {
    expect(similarity('rollback strategy', 'rollback plan')).toBeGreaterThanOrEqual(nearMissThreshold)
    expect(similarity('open risks', 'risks')).toBeCloseTo(0.5)
  })

  it('counts shared words in any order, at 0.9 for all of them', () => {
    expect(similarity('rollback strategy', 'strategy for rollback')).toBeCloseTo(0.9)
  })

  it('ignores stop words', () => {
    expect(similarity('the risks', 'risks')).toBeCloseTo(0.9)
    expect(similarity('risks', 'the risks')).toBeCloseTo(0.9)
  })

  it('falls back to the edit distance for headings of stop words only', () => {
    expect(similarity('of the', 'of a')).toBe(editSimilarity('of the', 'of a'))
  })

  it('takes a long word with a typo as the same word, a short one only as written', () => {
    expect(similarity('rollback strategy', 'stratgy for rollback')).toBeCloseTo(0.9)
    expect(similarity('system architecture', 'arkitecture of system')).toBeCloseTo(0.9)
    expect(similarity('api keys', 'keys for apis')).toBeCloseTo(0.45)
  })

  it('does not count shared words when the heading has many more', () => {
    expect(similarity('risks', 'open risks and mitigations')).toBeCloseTo(0.9)
    const longer = 'open risks and mitigations for launch'
    expect(similarity('risks', longer)).toBe(editSimilarity('risks', longer))
    expect(similarity('risks', longer)).toBeLessThan(nearMissThreshold)
  })

  it('is low for unrelated headings', () => {
    expect(similarity('summary', 'design')).toBeLessThan(nearMissThreshold)
  })
})

describe('nearest', () => {
  const score = (value: number) => value

  it('picks the candidate with the highest score', () => {
    expect(nearest([0.5, 0.9, 0.7], score, 0.1)).toBe(0.9)
  })

  it('gives a tie to the earlier candidate', () => {
    const candidates = [
      {name: 'first', score: 0.8},
      {name: 'second', score: 0.8},
      {name: 'low', score: 0.3},
    ]
    expect(nearest(candidates, (candidate) => candidate.score, 0.5)?.name).toBe('first')
    expect(nearest([...candidates].reverse(), (candidate) => candidate.score, 0.5)?.name).toBe('second')
  })

  it('takes a score equal to the threshold', () => {
    expect(nearest([0.45], score, 0.45)).toBe(0.45)
    expect(nearest([0.44], score, 0.45)).toBeUndefined()
  })

  it('is undefined when nothing reaches the threshold, or there is nothing', () => {
    expect(nearest([0.1, 0.2], score, 0.5)).toBeUndefined()
    expect(nearest([], score, 0)).toBeUndefined()
  })

  it('takes any iterable and scores each candidate once', () => {
    const seen: string[] = []
    const best = nearest(
      new Set(['a', 'bb', 'ccc']),
      (value) => {
        seen.push(value)
        return value.length / 3
      },
      0.5,
    )
    expect(best).toBe('ccc')
    expect(seen).toEqual(['a', 'bb', 'ccc'])
  })
})

describe('closest', () => {
  it('finds the nearest name, case-insensitive, as the candidate writes it', () => {
    expect(closest('prodution', ['standard', 'production'])).toBe('production')
    expect(closest('STNADARD', ['standard', 'production'])).toBe('standard')
    expect(closest('production', ['Standard', 'Production'])).toBe('Production')
  })

  it('is undefined when no name is at least half alike', () => {
    expect(closest('xyz', ['standard', 'production'])).toBeUndefined()
    expect(closest('abc', [])).toBeUndefined()
  })

  it('gives a tie to the earlier name', () => {
    expect(closest('ab', ['abc', 'abd'])).toBe('abc')
    expect(closest('ab', ['abd', 'abc'])).toBe('abd')
  })
})

describe('unknownName', () => {
  it('names the kind and the value, suggests the closest and lists the known ones', () => {
    expect(unknownName('preset', 'prodution', ['standard', 'production'])).toBe(
      'unknown preset "prodution" (did you mean "production"?); known presets: standard, production',
    )
  })

  it('leaves out the suggestion when nothing is close', () => {
    expect(unknownName('preset', 'zzz', ['standard', 'production'])).toBe('unknown preset "zzz"; known presets: standard, production')
  })

  it('takes its own wording for the known ones, and an ending', () => {
    expect(unknownName('rule', 'zzz', ['a-rule', 'b-rule'], 'rules', '; see the docs')).toBe(
      'unknown rule "zzz"; rules: a-rule, b-rule; see the docs',
    )
    expect(unknownName('option', '--fromat', ['--format', '--quiet'], 'options are')).toBe(
      'unknown option "--fromat" (did you mean "--format"?); options are: --format, --quiet',
    )
  })
})
