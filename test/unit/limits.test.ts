import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultLimits, exceededLimit} from '../../src/markdown/limits.js'
import {fixtures, root} from '../helpers.js'

const limits = {...defaultLimits, maxDepth: 5, maxInlineMarks: 20}

describe('exceededLimit', () => {
  it('passes every fixture, example and preset, even with limits far below the defaults', () => {
    const files = [
      ...readdirSync(fixtures, {recursive: true, encoding: 'utf8'}).map((file) => path.join(fixtures, file)),
      ...readdirSync(path.join(root, 'examples')).map((file) => path.join(root, 'examples', file)),
      ...readdirSync(path.join(root, 'presets')).map((file) => path.join(root, 'presets', file)),
    ].filter((file) => file.endsWith('.md'))
    expect(files.length).toBeGreaterThan(10)
    for (const file of files)
      expect(exceededLimit(readFileSync(file, 'utf8'), {maxBytes: 1e9, maxDepth: 8, maxInlineMarks: 1000})).toBeUndefined()
  })

  it('refuses a document over the size limit, in MB', () => {
    expect(exceededLimit('x'.repeat(3 * 1024 * 1024), {...defaultLimits, maxBytes: 2 * 1024 * 1024})?.reason).toBe(
      'Document is 3 MB: over the 2 MB limit, not checked',
    )
    expect(exceededLimit('é'.repeat(600), {...defaultLimits, maxBytes: 1024})?.reason).toBe(
      'Document is 1.2 KB: over the 1 KB limit, not checked',
    )
  })

  it('measures nesting on one line, by indentation and through quotes', () => {
    expect(exceededLimit('- - - - - x', limits)).toBeUndefined()
    expect(exceededLimit('- - - - - - x', limits)).toMatchObject({
      line: 1,
      reason: 'Document nests lists or quotes deeper than 5 levels, at line 1: not checked',
    })
    expect(exceededLimit('> > > - - - x', limits)?.line).toBe(1)
    const indented = Array.from({length: 8}, (_, level) => '  '.repeat(level) + '- x').join('\n')
    expect(exceededLimit(indented, limits)?.line).toBe(6)
    // Items side by side, or back out, do not add up.
    expect(exceededLimit(Array.from({length: 50}, () => '- x\n  - y').join('\n'), limits)).toBeUndefined()
    expect(exceededLimit('text\r'.repeat(3) + '- - - - - - x', limits)?.line).toBe(4)
  })

  it('counts emphasis and link marks per paragraph, not in code, tables or separate paragraphs', () => {
    expect(exceededLimit('*a* '.repeat(11), limits)).toMatchObject({line: 1})
    expect(exceededLimit('para\n\n' + '*a*\n'.repeat(11), limits)?.reason).toBe(
      'Document has more than 20 emphasis and link marks (*, _, [, ]) in the paragraph at line 3: over the limit, not checked',
    )
    expect(exceededLimit('*a* *b*\n\n'.repeat(20), limits)).toBeUndefined()
    expect(exceededLimit('```\n' + '*_'.repeat(100) + '\n```\n', limits)).toBeUndefined()
    expect(exceededLimit('| a | b |\n| - | - |\n' + '| **x** | [y](z) |\n'.repeat(50), limits)).toBeUndefined()
    expect(exceededLimit(Array.from({length: 50}, () => '- **x** [y](z)').join('\n'), limits)).toBeUndefined()
  })

  it('finds a dense paragraph after any kind of blank line, however far into the document', () => {
    const dense = '*a* '.repeat(11)
    for (const blank of ['\n\n', '\n  \n', '\r\n\r\n', '\n\t\n']) {
      const paragraphs = Array.from({length: 30}, (_, index) => `Paragraph ${index} with *some* marks.`).join(blank)
      expect(exceededLimit(paragraphs, limits), JSON.stringify(blank)).toBeUndefined()
      expect(exceededLimit(paragraphs + blank + dense, limits)?.line, JSON.stringify(blank)).toBe(1 + 30 * (blank.split('\n').length - 1))
      expect(exceededLimit(dense + blank + paragraphs, limits)?.line, JSON.stringify(blank)).toBe(1)
    }
  })
})
