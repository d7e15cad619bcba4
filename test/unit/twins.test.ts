/**
 * The ASCII twins of the placeholder checks' Unicode patterns
 * (src/util/placeholders.ts `twins`): on plain text each answers as its
 * Unicode pattern does, so a document in plain English never makes V8 parse
 * and compile a `\p{…}` class, and no finding changes.
 */
import {describe, expect, it} from 'vitest'
import {twins} from '../../src/util/placeholders.js'
import {fieldKey, isPlainText, twinTest} from '../../src/util/text.js'

/** Every plain character: printable ASCII, tab and line breaks, and the typographic quotes, dashes and ellipsis. */
const plainCharacters = [
  '\t',
  '\n',
  '\r',
  ...Array.from({length: 0x7f - 0x20}, (_, offset) => String.fromCharCode(0x20 + offset)),
  ...'‘’“”…–—',
]

/** Plain strings, the same on every run: all single characters and pairs, then longer ones biased to the patterns' own characters. */
function plainSamples(): string[] {
  const samples = ['']
  for (const first of plainCharacters) {
    samples.push(first)
    for (const second of plainCharacters) samples.push(first + second)
  }
  const biased = [..."aZqE09_:.-/’' *)]", ...plainCharacters]
  let seed = 12345
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed
  }
  for (let count = 0; count < 20_000; count++) {
    let text = ''
    for (let length = 3 + (next() % 12); length > 0; length--) text += biased[next() % biased.length]
    samples.push(text)
  }
  return samples
}

describe('ASCII twins of Unicode patterns', () => {
  const samples = plainSamples()

  it('every sample is plain', () => {
    expect(samples.every(isPlainText)).toBe(true)
  })

  it.each(Object.entries(twins))('%s answers as its Unicode pattern on plain text', (_, [ascii, unicode]) => {
    const full = new RegExp(unicode, 'u')
    const differences = samples.filter((text) => ascii.test(text) !== full.test(text))
    expect(differences).toEqual([])
  })

  it('text beyond plain takes the Unicode pattern', () => {
    for (const text of ['é', 'e\u0301', 'Ölçü', '²', '日本', '😀', '\u00a0', '\ud83d']) expect(isPlainText(text), text).toBe(false)
    const isWord = twinTest(twins.word)
    expect(['Ölçü', 'naïve', 'e\u0301t\u00e9', '日本'].map(isWord)).toEqual([true, true, true, true])
    expect(['²', '😀', '-é'].map(isWord)).toEqual([false, false, false])
  })

  it("fieldKey's plain path answers as the Unicode one", () => {
    const unicodeKey = (label: string) =>
      label
        .toLowerCase()
        .replace(/[\s_-]+/g, ' ')
        .replace(/[^\p{L}\p{N} ]/gu, '')
        .trim()
    const differences = samples.filter((label) => fieldKey(label) !== unicodeKey(label))
    expect(differences).toEqual([])
    expect(fieldKey('Café Owner')).toBe('café owner')
  })
})
