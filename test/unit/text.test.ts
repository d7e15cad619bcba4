/** Text normalisation: headings and their numbers (similarity and placeholders have their own tests). */
import {describe, expect, it} from 'vitest'
import {normalizeHeading, splitNumber} from '../../src/util/text.js'

describe('normalizeHeading', () => {
  it.each([
    ['1. Executive Summary', 'executive summary'],
    ['10.2 Suggested Implementation Order', 'suggested implementation order'],
    ['Security & Privacy', 'security and privacy'],
    ['  Open   Questions: ', 'open questions'],
    ['Trade-offs & Alternatives Considered', 'tradeoffs and alternatives considered'],
    ['API / Contracts', 'api contracts'],
    ['Algorithms/Logic', 'algorithms logic'],
    ['3D Rendering', '3d rendering'],
  ])('%s → %s', (input, output) => {
    expect(normalizeHeading(input)).toBe(output)
  })
})

describe('splitNumber', () => {
  it('splits numbers with and without a trailing dot', () => {
    expect(splitNumber('1. Overview')).toEqual({number: '1', dot: true, rest: 'Overview'})
    expect(splitNumber('1.1 Summary')).toEqual({number: '1.1', dot: false, rest: 'Summary'})
    expect(splitNumber('2026 Roadmap')).toEqual({number: '2026', dot: false, rest: 'Roadmap'})
    expect(splitNumber('Overview')).toEqual({number: undefined, dot: false, rest: 'Overview'})
  })
})
