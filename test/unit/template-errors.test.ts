import {describe, expect, it} from 'vitest'
import {compileTemplate, TemplateError} from '../../src/template/compile.js'

describe('templates that yield no preset', () => {
  it('refuses a template without headings, or with headings only inside code', () => {
    for (const markdown of ['', 'Just text.\n', '```\n# not a heading\n```\n']) {
      expect(() => compileTemplate(markdown)).toThrow(TemplateError)
      expect(() => compileTemplate(markdown)).toThrow(/^it has no headings: a template's sections are its headings/)
    }
  })

  it('refuses a binary file and one over the document limits', () => {
    expect(() => compileTemplate('\u0089PNG\r\n\u001a\n\u0000\u0000# A\n')).toThrow('it is not a text file (it holds NUL bytes)')
    expect(() => compileTemplate('# T\n\n' + '- '.repeat(500) + 'x\n')).toThrow(/^it nests lists or quotes deeper than 100 levels/)
  })
})
