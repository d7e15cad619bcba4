import {describe, expect, it} from 'vitest'
import {containsPlaceholder, findPlaceholders, hasPlaceholder, splitPlaceholders} from '../../src/util/placeholders.js'

describe('findPlaceholders', () => {
  it('finds square, angle and curly placeholders with their offsets', () => {
    expect(findPlaceholders('Owner: [Name] <email> {team}')).toEqual([
      {value: '[Name]', index: 7},
      {value: '<email>', index: 14},
      {value: '{team}', index: 22},
    ])
  })

  it('finds placeholders of several words', () => {
    expect(findPlaceholders('# Design: [Feature Name]')).toEqual([{value: '[Feature Name]', index: 10}])
    expect(findPlaceholders('<Project / Feature Name>')).toEqual([{value: '<Project / Feature Name>', index: 0}])
  })

  it('does not take footnote references', () => {
    expect(findPlaceholders('As measured[^1], and again[^note].')).toEqual([])
  })

  it('does not take comparisons, empty or multi-line brackets', () => {
    expect(findPlaceholders('when a < b > c')).toEqual([])
    expect(findPlaceholders('[] {} <>')).toEqual([])
    expect(findPlaceholders('[first\nsecond]')).toEqual([])
  })

  it('takes the innermost of nested brackets', () => {
    expect(findPlaceholders('[[Name]]')).toEqual([{value: '[Name]', index: 1}])
  })

  it('finds the date mask only when asked', () => {
    expect(findPlaceholders('Date: YYYY-MM-DD')).toEqual([])
    expect(findPlaceholders('Date: YYYY-MM-DD', {dateMask: true})).toEqual([{value: 'YYYY-MM-DD', index: 6}])
    expect(findPlaceholders('[Name] on YYYY-MM-DD', {dateMask: true})).toEqual([
      {value: '[Name]', index: 0},
      {value: 'YYYY-MM-DD', index: 10},
    ])
  })

  it('takes the date mask as a whole word only', () => {
    expect(findPlaceholders('XYYYY-MM-DD', {dateMask: true})).toEqual([])
    expect(findPlaceholders('YYYY-MM', {dateMask: true})).toEqual([])
  })

  it('finds nothing in plain text', () => {
    expect(findPlaceholders('Nothing to fill in here.')).toEqual([])
    expect(findPlaceholders('')).toEqual([])
  })

  it('gives the same answer when called again (no shared regex state)', () => {
    const text = 'Owner: [Name], due YYYY-MM-DD'
    const first = findPlaceholders(text, {dateMask: true})
    expect(findPlaceholders(text, {dateMask: true})).toEqual(first)
    expect(findPlaceholders(text)).toEqual([{value: '[Name]', index: 7}])
    expect(findPlaceholders(text, {dateMask: true})).toEqual(first)
  })
})

describe('containsPlaceholder', () => {
  it('tells text with a placeholder', () => {
    expect(containsPlaceholder('Owner: <Name>')).toBe(true)
    expect(containsPlaceholder('{team}')).toBe(true)
    expect(containsPlaceholder('Jane Doe')).toBe(false)
    expect(containsPlaceholder('see [^1]')).toBe(false)
    expect(containsPlaceholder('YYYY-MM-DD')).toBe(false)
  })

  it('gives the same answer every time (no shared regex state)', () => {
    const answers = [1, 2, 3].map(() => containsPlaceholder('a [Name] b'))
    expect(answers).toEqual([true, true, true])
    expect([containsPlaceholder('[x]'), containsPlaceholder('plain'), containsPlaceholder('[x]')]).toEqual([true, false, true])
  })
})

describe('hasPlaceholder', () => {
  it.each([
    ['[Name]', true],
    ['<Name>', true],
    ['YYYY-MM-DD', true],
    ['YYYY', true],
    ['2026-MM-DD', true],
    ['2026-03-14', false],
    ['Jane Doe', false],
    ['see [^1]', false],
  ])('%j → %s', (value, expected) => {
    expect(hasPlaceholder(value)).toBe(expected)
  })

  it('gives the same answer every time (no shared regex state)', () => {
    expect([hasPlaceholder('[x]'), hasPlaceholder('[x]'), hasPlaceholder('YYYY'), hasPlaceholder('YYYY')]).toEqual([true, true, true, true])
  })
})

describe('splitPlaceholders', () => {
  it('splits text and placeholders in order', () => {
    expect(splitPlaceholders('Design: [Name] for {team}.')).toEqual([
      {kind: 'text', value: 'Design: '},
      {kind: 'placeholder', value: '[Name]'},
      {kind: 'text', value: ' for '},
      {kind: 'placeholder', value: '{team}'},
      {kind: 'text', value: '.'},
    ])
  })

  it('gives neighbouring placeholders without empty text between them', () => {
    expect(splitPlaceholders('{METHOD}{path}')).toEqual([
      {kind: 'placeholder', value: '{METHOD}'},
      {kind: 'placeholder', value: '{path}'},
    ])
    expect(splitPlaceholders('{METHOD} {path}')).toEqual([
      {kind: 'placeholder', value: '{METHOD}'},
      {kind: 'text', value: ' '},
      {kind: 'placeholder', value: '{path}'},
    ])
  })

  it('gives one text part for text without a placeholder, none for empty text', () => {
    expect(splitPlaceholders('Summary')).toEqual([{kind: 'text', value: 'Summary'}])
    expect(splitPlaceholders('')).toEqual([])
  })

  it('leaves footnote references and the date mask in the text', () => {
    expect(splitPlaceholders('Due YYYY-MM-DD[^1]')).toEqual([{kind: 'text', value: 'Due YYYY-MM-DD[^1]'}])
  })

  it('joins back to the text it split', () => {
    const text = '<a> and [b] and {c} and [^d]'
    expect(
      splitPlaceholders(text)
        .map((part) => part.value)
        .join(''),
    ).toBe(text)
  })
})
