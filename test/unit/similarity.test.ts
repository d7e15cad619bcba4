import {describe, expect, it} from 'vitest'
import {closest, commonWords, editSimilarity, nearest, nearMissThreshold, similarity, unknownName} from '../../src/util/similarity.js'

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
  const near = (expected: string, actual: string) => similarity(expected, actual) >= nearMissThreshold
  const near3 = (expected: string, actual: string, common: Set<string>) => similarity(expected, actual, common) >= nearMissThreshold

  it('is 1 for equal headings and 0 for an empty one', () => {
    expect(similarity('rollback strategy', 'rollback strategy')).toBe(1)
    expect(similarity('', 'risks')).toBe(0)
    expect(similarity('risks', '')).toBe(0)
  })

  it('takes a typo-level edit, at most one edit in five characters ("rollback stratgy", "non goals")', () => {
    expect(similarity('rollback strategy', 'rollback stratgy')).toBeCloseTo(1 - 1 / 17)
    expect(near('nongoals', 'non goals')).toBe(true)
    expect(near('risks', 'riskz')).toBe(true)
  })

  it('does not take a looser edit ("objectives" is not "alternatives", "deprecation" is not "motivation")', () => {
    expect(similarity('alternatives', 'objectives')).toBe(0)
    expect(similarity('motivation', 'deprecation')).toBe(0)
    expect(similarity('summary', 'design')).toBe(0)
  })

  it('takes a heading with all of the expected meaningful words, or all of whose words the expected has', () => {
    expect(near('rationale and alternatives', 'alternatives')).toBe(true)
    expect(near('drawbacks', 'drawbacks and alternatives')).toBe(true)
    expect(near('rollback strategy', 'strategy for rollback')).toBe(true)
  })

  it('leaves out small words and words that only name the kind of section, so "Rollback plan" is near "Rollback Strategy"', () => {
    expect(near('rollback strategy', 'rollback plan')).toBe(true)
    expect(near('design details', 'design')).toBe(true)
    expect(near('risks', 'the risks')).toBe(true)
    expect(near('migration strategy', 'rollback strategy')).toBe(false)
    expect(near('security considerations', 'performance considerations')).toBe(false)
  })

  it('does not take a heading made only of such words', () => {
    expect(similarity('design details', 'details')).toBe(0)
    expect(similarity('of the', 'of a')).toBe(0)
  })

  it('does not take one shared word of two, without the words the template shares', () => {
    expect(similarity('unresolved questions', 'open questions')).toBe(0)
    expect(similarity('future possibilities', 'future work')).toBe(0)
  })

  it('takes half of the words that tell a section apart, on each side ("usage example" for "basic example")', () => {
    const common = commonWords(['basic example', 'unresolved questions', 'unit tests', 'integration tests'])
    expect(near3('basic example', 'usage example', common)).toBe(true)
    expect(near3('unresolved questions', 'open questions', common)).toBe(true)
    expect(near3('unit tests', 'smoke tests', common)).toBe(false)
    expect(near3('unresolved questions', 'frequently asked questions', common)).toBe(false)
  })

  it('counts a word with another ending or a typo in a long word as the same word, a short one only as written', () => {
    expect(near('data protection', 'protecting data')).toBe(true)
    expect(near('test plan', 'testing plan')).toBe(true)
    expect(near('system architecture', 'arkitecture of system')).toBe(true)
    expect(near('api keys', 'keys for apis')).toBe(true)
    expect(near('api keys', 'keys for apps')).toBe(false)
  })

  it('does not take a heading with many more words than the expected one, or less than half of them', () => {
    expect(near('risks', 'open risks and mitigations')).toBe(true)
    expect(similarity('risks', 'open risks and mitigations for launch')).toBe(0)
    expect(near('unresolved questions', 'unresolved')).toBe(true)
    expect(similarity('system design review board', 'design')).toBe(0)
  })

  it('takes long headings that share three quarters of the words of each side', () => {
    const slos = 'what are the reasonable slos service level objectives for the enhancement'
    expect(near(slos, 'what are the reasonable slos service level objectives for the above slis')).toBe(true)
    const etcd = 'how does this feature react if the api server and or etcd is unavailable'
    expect(near(etcd, 'how does this feature react if the cloud provider is unavailable')).toBe(false)
  })

  it('ranks a typo above shared words, and more shared words above fewer', () => {
    const typo = similarity('rollback strategy', 'rollback stratgy')
    const same = similarity('rollback strategy', 'strategy for rollback')
    const part = similarity('rationale and alternatives', 'alternatives')
    expect(typo).toBeGreaterThan(same)
    expect(same).toBeGreaterThan(part)
    expect(part).toBeGreaterThanOrEqual(nearMissThreshold)
  })
})

describe('commonWords', () => {
  it('lists the meaningful words (stems) that two or more titles share', () => {
    expect(commonWords(['unit tests', 'integration tests', 'the test plan', 'rollback strategy', 'migration strategy'])).toEqual(
      new Set(['test']),
    )
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
