import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../../src/markdown/parse.js'
import {isTemplateText, templateTexts} from '../../src/template/section-content.js'

describe('isTemplateText', () => {
  it.each([
    ['a question', 'Why should we not do this?'],
    ['an instruction', 'Explain the proposal as if it was already included in the language.'],
    ['an instruction after an adverb', 'Explicitly state what this design will NOT address.'],
    ['an instruction after a statement', 'There are tradeoffs to choosing any path. Attempt to identify them here.'],
    ['words for the reader', 'If there is no prior art, that is fine - your ideas are interesting to us.'],
    ['advice', 'This section should focus on how contributors think about the change.'],
    ['an example', 'A cache, e.g. Redis, in front of the store.'],
    ['a placeholder', 'Owned by [Team Name].'],
    ['a date mask', 'Start Date: (fill me in with today’s date, YYYY-MM-DD)'],
    ['a description without a verb', 'One paragraph summary of the RFC.'],
    ['a description with a clause', 'Concise description of what is being built, why it matters, and the expected impact.'],
  ])('%s is template text', (_, text) => {
    expect(isTemplateText(text, 'paragraph')).toBe(true)
  })

  it.each([
    ['a legal notice', 'Copyright and related rights waived via CC0.'],
    ['a legend', 'Items marked with (R) are required prior to targeting to a milestone / release.'],
    [
      'the RFC 2119 key words',
      'The key words "MUST", "MUST NOT", "SHOULD" and "MAY" in this document are to be interpreted as described in RFC 2119.',
    ],
    ['text that says to keep it', 'Maintained by the platform group (keep this line as is).'],
    ['a statement of fact', 'There are two regions.'],
  ])('%s is kept', (_, text) => {
    expect(isTemplateText(text, 'paragraph')).toBe(false)
  })

  it('takes code and example rows as the template’s examples, a notice aside', () => {
    expect(isTemplateText('POST /api/v1/resource', 'code')).toBe(true)
    expect(isTemplateText('There are two | regions', 'row')).toBe(true)
    expect(isTemplateText('Copyright | 2026', 'row')).toBe(false)
  })
})

describe('templateTexts', () => {
  const texts = (markdown: string) =>
    parseMarkdown(markdown).children.flatMap((node) => templateTexts(node, markdown).map((text) => text.text))

  it('takes every item of a list an instruction introduces', () => {
    expect(texts('Explain the design so that:\n\n- Its interaction with other features is clear.\n')).toEqual([
      'explain the design so that',
      'its interaction with other features is clear',
    ])
  })

  it('keeps a block a comment before it says to keep', () => {
    expect(texts('<!-- Keep this. -->\nMaintained by the platform group.\n\nOne paragraph summary.\n')).toEqual(['one paragraph summary'])
  })

  it('keeps a table row that is only a label, and checklist lines', () => {
    const table = '| | |\n| --- | --- |\n| **Start Date** | Date of initial proposal |\n| **Authors** | |\n'
    expect(texts(table)).toEqual(['start date | date of initial proposal'])
    expect(texts('[ ] I understand the owners may require updates.\n')).toEqual([])
  })
})
