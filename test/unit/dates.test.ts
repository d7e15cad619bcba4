import {describe, expect, it} from 'vitest'
import {dateProblem} from '../../src/util/dates.js'

const noSuchDay = 'expected a real calendar date (no such day)'
const notIso = 'expected an ISO date YYYY-MM-DD, such as 2026-03-14'
const notDate = 'expected a date such as 2026-03-14 or "March 14, 2026"'

describe('dateProblem: ISO dates', () => {
  it.each(['2026-03-14', '2026-01-01', '2026-12-31', '1999-06-30'])('%s is a date', (value) => {
    expect(dateProblem(value, false)).toBeUndefined()
    expect(dateProblem(value, true)).toBeUndefined()
  })

  it.each(['2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-03-00', '2026-03-32'])('%s is no such day', (value) => {
    expect(dateProblem(value, false)).toBe(noSuchDay)
    expect(dateProblem(value, true)).toBe(noSuchDay)
  })

  it('knows leap years', () => {
    expect(dateProblem('2024-02-29', false)).toBeUndefined()
    expect(dateProblem('2025-02-29', false)).toBe(noSuchDay)
    expect(dateProblem('2000-02-29', false)).toBeUndefined()
    expect(dateProblem('1900-02-29', false)).toBe(noSuchDay)
  })

  it('wants two-digit months and days', () => {
    expect(dateProblem('2026-3-14', false)).toBe(notDate)
    expect(dateProblem('2026-3-14', true)).toBe(notIso)
  })
})

describe('dateProblem: dates as people write them', () => {
  it.each([
    'March 14, 2026',
    'March 14 2026',
    'march 14, 2026',
    'March 14th, 2026',
    'Mar 14, 2026',
    'Mar. 14 2026',
    'Sept 3, 2026',
    '14 March 2026',
    '14 Mar 2026',
    '14 Mar. 2026',
    '1st May 2026',
    '2026/03/14',
    '2026/3/4',
    'February 29, 2024',
  ])('%s is a date', (value) => {
    expect(dateProblem(value, false)).toBeUndefined()
  })

  it.each(['February 30, 2026', 'Feb 29 2025', '31 June 2026', '2026/02/30', '2026/13/01', 'April 0, 2026'])(
    '%s is no such day',
    (value) => {
      expect(dateProblem(value, false)).toBe(noSuchDay)
    },
  )

  it.each(['March 14, 2026', '14 March 2026', 'Mar. 14 2026', '2026/03/14'])('%s is refused when only ISO dates will do', (value) => {
    expect(dateProblem(value, true)).toBe(notIso)
  })
})

describe('dateProblem: not dates', () => {
  it.each([
    'soon',
    'TBD',
    '',
    'Q3 2026',
    'March 2026',
    'Ma 14 2026',
    'Marchember 14, 2026',
    '14/03/2026',
    '2026.03.14',
    '2026-03-14T10:00',
    'YYYY-MM-DD',
    '26-03-14',
  ])('%j is not a date', (value) => {
    expect(dateProblem(value, false)).toBe(notDate)
  })

  it.each(['soon', '', 'YYYY-MM-DD'])('%j is not an ISO date', (value) => {
    expect(dateProblem(value, true)).toBe(notIso)
  })
})

describe('dateProblem: suspected bugs', () => {
  // The three-letter minimum is checked before the trailing dot is dropped:
  // "Ma" is refused, yet "Ma." is taken as March, and "Ju." as June (it could
  // as well be July).
  it.fails('a two-letter month abbreviation with a dot is not a month', () => {
    expect(dateProblem('Ma. 14 2026', false)).toBe(notDate)
    expect(dateProblem('Ju. 4, 2026', false)).toBe(notDate)
  })
})
