/** Front matter keys are placed from the YAML parser's own ranges. */
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../../src/document/build.js'
import {parseMarkdown} from '../../src/markdown/parse.js'

const model = (text: string) => buildDocument(parseMarkdown(text), text)
const slice = (text: string, span: {start: {offset?: number | undefined}; end: {offset?: number | undefined}}) =>
  text.slice(span.start.offset, span.end.offset)

describe('front matter', () => {
  it('takes the top-level key, not a nested one above it', () => {
    const text = '---\nreview:\n  date: 2020-01-01\ndate: "2026-03-14"\n---\n\n# Title\n'
    const [review, date] = model(text).frontmatterFields
    expect(review.name).toBe('review')
    expect(date).toMatchObject({name: 'date', value: '2026-03-14', raw: '2026-03-14'})
    expect(date.valueSpan.start.line).toBe(4)
    expect(slice(text, date.valueSpan)).toBe('"2026-03-14"')
    expect(slice(text, date.span)).toBe('date: "2026-03-14"')
  })

  it('places an empty value where it would be typed, even before a comment', () => {
    const text = '---\nauthor: \nissues: # none yet\n---\n'
    const [author, issues] = model(text).frontmatterFields
    expect(author.value).toBe('')
    expect(author.valueSpan.start).toEqual({line: 2, column: 9, offset: 12})
    expect(issues.valueSpan.start).toMatchObject({line: 3, column: 9})
    expect(issues.valueSpan.end).toEqual(issues.valueSpan.start)
  })

  it('places a block value on its first line', () => {
    const text = '---\nauthors:\n  - Ana\n  - Bo\n---\n'
    const [authors] = model(text).frontmatterFields
    expect(authors.raw).toEqual(['Ana', 'Bo'])
    expect(slice(text, authors.valueSpan)).toBe('- Ana')
  })

  it('gives one line for YAML it cannot read, with the document line', () => {
    const doc = model('---\ntitle: ok\nowner: [unclosed\n---\n')
    expect(doc.frontmatterError).toMatch(/ at line 3, column \d+$/)
    expect(doc.frontmatterError).not.toContain('\n')
    expect(doc.frontmatterFields).toEqual([])
  })

  it('says so when the front matter is not a mapping', () => {
    expect(model('---\n- a\n- b\n---\n').frontmatterError).toBe('front matter is not a mapping of keys to values')
  })

  it('reads an alias that refers to itself without a crash, and gives its value as written', () => {
    const doc = model('---\na: &x [*x]\nstatus: Draft\n---\n# T\n')
    expect(doc.frontmatterError).toBeUndefined()
    expect(doc.frontmatterFields.map((field) => [field.name, field.value])).toEqual([
      ['a', '[*x]'],
      ['status', 'Draft'],
    ])
  })

  it('places a YAML error at its line in the document, and keeps a template: written before it', () => {
    const text = '---\ntemplate: production\ntitle: "unclosed\n---\n# T\n'
    const doc = model(text)
    expect(doc.frontmatterError).toBe('Missing closing "quote at line 3, column 17')
    expect(doc.frontmatterErrorSpan?.start).toMatchObject({line: 3, column: 17})
    expect(doc.frontmatter).toEqual({template: 'production'})
    expect(model('---\ntitle: "unclosed\ntemplate: production\n---\n').frontmatter).toBeUndefined()
  })

  it('places keys of CRLF and CR-only front matter on their lines', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = ['---', 'author: Ana', 'date: 2026-03-14', '---', '# T', ''].join(eol)
      const doc = model(text)
      expect(doc.frontmatterFields.map((field) => [field.name, field.valueSpan.start.line, slice(text, field.valueSpan)])).toEqual([
        ['author', 2, 'Ana'],
        ['date', 3, '2026-03-14'],
      ])
    }
  })
})
