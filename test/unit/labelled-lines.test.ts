import {describe, expect, it} from 'vitest'
import type {RootContent} from 'mdast'
import {labelledLines, type LabelledLine} from '../../src/markdown/labelled-lines.js'
import {parseMarkdown} from '../../src/markdown/parse.js'

/** The labelled lines of the `index`-th top-level block of `source`. */
function linesOf(source: string, index = 0): LabelledLine[] {
  const node: RootContent = parseMarkdown(source).children[index]
  return labelledLines(node, source)
}

/** Each line as name, value, the source at its value offsets, and its form. */
function read(source: string, index = 0) {
  return linesOf(source, index).map((line) => ({
    name: line.name,
    value: line.value,
    slice: source.slice(line.valueStart, line.valueEnd),
    form: line.form,
  }))
}

describe('labelledLines: forms', () => {
  it('reads "**Author:** x" (colon inside the bold)', () => {
    expect(read('**Author:** Jane Doe\n')).toEqual([{name: 'Author', value: 'Jane Doe', slice: 'Jane Doe', form: '**Author:** x'}])
  })

  it('reads "**Author**: x" (colon after the bold)', () => {
    expect(read('**Author**: Jane Doe\n')).toEqual([{name: 'Author', value: 'Jane Doe', slice: 'Jane Doe', form: '**Author**: x'}])
  })

  it('reads "- **Author:** x" in a list, the bullet in its form', () => {
    expect(read('- **Author:** Jane\n- **Status**: Draft\n')).toEqual([
      {name: 'Author', value: 'Jane', slice: 'Jane', form: '- **Author:** x'},
      {name: 'Status', value: 'Draft', slice: 'Draft', form: '- **Status**: x'},
    ])
  })

  it('keeps the bullet as written ("*", "+")', () => {
    expect(read('* **Author:** Jane\n').map((line) => line.form)).toEqual(['* **Author:** x'])
    expect(read('+ **Author:** Jane\n').map((line) => line.form)).toEqual(['+ **Author:** x'])
  })

  it('trims the label around its colon', () => {
    expect(read('**Target Release :** 1.2\n')).toEqual([
      {name: 'Target Release', value: '1.2', slice: '1.2', form: '**Target Release:** x'},
    ])
    expect(read('**Author** : Jane\n')).toEqual([{name: 'Author', value: 'Jane', slice: 'Jane', form: '**Author**: x'}])
  })

  it('reads an indented paragraph line, without indentation in its form', () => {
    expect(read('  **Author:** Jane\n')).toEqual([{name: 'Author', value: 'Jane', slice: 'Jane', form: '**Author:** x'}])
  })
})

describe('labelledLines: what is not a field', () => {
  it('skips a bold phrase without a colon', () => {
    expect(linesOf('**Note** this is only emphasis.\n')).toEqual([])
    expect(linesOf('**Important** read this first\n')).toEqual([])
  })

  it('skips bold that does not start the line', () => {
    expect(linesOf('Written by **Author:** Jane\n')).toEqual([])
  })

  it('skips blocks other than paragraphs and lists', () => {
    expect(linesOf('## **Author:** Jane\n')).toEqual([])
    expect(linesOf('```\n**Author:** Jane\n```\n')).toEqual([])
    expect(linesOf('> **Author:** Jane\n')).toEqual([])
  })

  it('skips the unlabelled lines of a paragraph', () => {
    expect(read('Some intro text\n**Author:** Jane\nmore text\n').map((line) => line.name)).toEqual(['Author'])
  })
})

describe('labelledLines: offsets', () => {
  it('gives value offsets that slice the value out of the source', () => {
    const source = '**Author:**    Jane Doe   \n'
    const [line] = linesOf(source)
    expect(line.value).toBe('Jane Doe')
    expect(line.valueStart).toBe(15)
    expect(line.valueEnd).toBe(23)
    expect(source.slice(line.valueStart, line.valueEnd)).toBe('Jane Doe')
  })

  it('gives the line from its label to its last character', () => {
    const source = '- **Author:** Jane  \n'
    const [line] = linesOf(source)
    expect(line.lineStart).toBe(2)
    expect(source.slice(line.lineStart, line.lineEnd)).toBe('**Author:** Jane')
  })

  it('gives offsets in the whole source for a block further down', () => {
    const source = '# Title\n\nIntro.\n\n**Author:** Jane\n**Status:** Draft\n'
    const lines = linesOf(source, 2)
    expect(lines.map((line) => source.slice(line.valueStart, line.valueEnd))).toEqual(['Jane', 'Draft'])
    expect(lines.map((line) => source.slice(line.lineStart, line.lineEnd))).toEqual(['**Author:** Jane', '**Status:** Draft'])
    expect(lines[0].valueStart).toBe(29)
  })

  it('gives an empty value a point just after the label', () => {
    const source = '**Author:** Jane\n**Date:**\n'
    const [, date] = linesOf(source)
    expect(date).toMatchObject({name: 'Date', value: ''})
    expect(date.valueStart).toBe(date.valueEnd)
    expect(date.valueStart).toBe(date.lineEnd)
    expect(source.slice(date.lineStart, date.lineEnd)).toBe('**Date:**')
  })

  it('keeps inline Markdown in the value as written', () => {
    expect(read('**Author:** [Jane](mailto:jane@example.com)\n')[0].slice).toBe('[Jane](mailto:jane@example.com)')
  })
})

describe('labelledLines: several lines and hard breaks', () => {
  it('reads every line of one paragraph', () => {
    const source = '**Author:** Jane\n**Status:** Draft\n**Date:** 2026-03-14\n'
    expect(read(source)).toEqual([
      {name: 'Author', value: 'Jane', slice: 'Jane', form: '**Author:** x'},
      {name: 'Status', value: 'Draft', slice: 'Draft', form: '**Status:** x'},
      {name: 'Date', value: '2026-03-14', slice: '2026-03-14', form: '**Date:** x'},
    ])
  })

  it('leaves a trailing two-space hard break out of the value', () => {
    const source = '**Author:** Jane  \n**Status:** Draft  \n**Date:** 2026-03-14\n'
    expect(read(source).map((line) => [line.value, line.slice])).toEqual([
      ['Jane', 'Jane'],
      ['Draft', 'Draft'],
      ['2026-03-14', '2026-03-14'],
    ])
  })

  it('leaves a trailing backslash hard break out of the value', () => {
    const source = '**Author:** Jane\\\n**Status:** Draft \\\n**Date:** 2026-03-14\n'
    expect(read(source).map((line) => [line.value, line.slice])).toEqual([
      ['Jane', 'Jane'],
      ['Draft', 'Draft'],
      ['2026-03-14', '2026-03-14'],
    ])
  })

  it('reads a mix of forms in one list', () => {
    const source = '- **Author:** Jane\n- **Reviewers**: Bob, Ann\n- plain item\n'
    expect(read(source).map((line) => [line.name, line.value, line.form])).toEqual([
      ['Author', 'Jane', '- **Author:** x'],
      ['Reviewers', 'Bob, Ann', '- **Reviewers**: x'],
    ])
  })

  it('reads every line of a paragraph with CRLF line endings', () => {
    const source = '**Author:** Jane\r\n**Status:** Draft\r\n'
    expect(read(source).map((line) => [line.name, line.slice])).toEqual([
      ['Author', 'Jane'],
      ['Status', 'Draft'],
    ])
  })
})
