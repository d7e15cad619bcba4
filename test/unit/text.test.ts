/** Text normalisation: headings and their numbers (similarity and placeholders have their own tests). */
import type {Heading} from 'mdast'
import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../../src/markdown/parse.js'
import {headingText, normalizeHeading, splitNumber, normalizeProse, proseKey, proseLongerThan} from '../../src/util/text.js'

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
    ['Alternatives {#alternatives}', 'alternatives'],
    ['Alternatives and downsides { #alternatives }', 'alternatives and downsides'],
    ['Drawbacks {: .wide}', 'drawbacks'],
  ])('%s → %s', (input, output) => {
    expect(normalizeHeading(input)).toBe(output)
  })
})

describe('headingText', () => {
  const textOf = (markdown: string) => headingText(parseMarkdown(markdown).children[0] as Heading)

  it.each([
    ['## Motivation {#motivation}', 'Motivation'],
    ['## Design {: .class}', 'Design'],
    ['## Design {.wide #design}', 'Design'],
    ['#### <a name="new-def-i"></a>New Definition I', 'New Definition I'],
    ['## <a name="x">Motivation</a>', 'Motivation'],
    ['## Table of Contents <!-- omit in toc -->', 'Table of Contents'],
    ['## *Detailed* **design** `api`', 'Detailed design api'],
    ['### `Option<T>` handling', 'Option<T> handling'],
    ['### {Entity Name}', '{Entity Name}'],
    ['# Design: <Feature Name>', 'Design: <Feature Name>'],
    ['## Notes <sup>1</sup>', 'Notes 1'],
    ['## 1.   Overview', '1. Overview'],
  ])('%s → %s', (markdown, text) => {
    expect(textOf(markdown)).toBe(text)
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

describe('proseKey and proseLongerThan: quick tests that never contradict normalizeProse', () => {
  const texts = [
    'Describe the *problem* here.',
    '- [Feature Name]: what it does…',
    '  Why should we <b>not</b> do this?  ',
    'The KELVIN sign: \u212A, and İstanbul',
    '`code` and _emphasis_ and {braces}',
    '',
  ]
  it('gives a text the key of its normalised prose', () => {
    for (const text of texts) expect(proseKey(text), text).toBe(proseKey(normalizeProse(text)))
  })
  it('folds case and reads at most 16 letters and digits', () => {
    expect(proseKey('What Is The Problem We Are Solving?')).toBe(proseKey('whatistheproblem'))
    expect(proseKey('What Is The Problem We Are Solving?')).toBe(proseKey('whatistheproblem and more'))
    expect(proseKey('What is the problem')).not.toBe(proseKey('Why is the problem'))
    expect(proseKey('\u212Aelvin')).toBe(proseKey('kelvin'))
  })
  it('is longer than a length only when the normalised prose is', () => {
    for (const text of texts) {
      const length = normalizeProse(text).length
      for (let limit = 0; limit < length + 3; limit++) {
        if (proseLongerThan(text, limit)) expect(length, `${text} / ${limit}`).toBeGreaterThan(limit)
      }
    }
  })
})
