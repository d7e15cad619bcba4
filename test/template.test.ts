import {describe, expect, it} from 'vitest'
import {compileTemplate} from '../src/template/compile.js'
import {loadPreset} from '../src/preset/load.js'
import {normalizeHeading} from '../src/util/text.js'
import {headingLine, matchesHeading, walkSections} from '../src/template/headings.js'

describe('compileTemplate', () => {
  it('takes the single level-1 heading as the title and nests the rest', () => {
    const preset = compileTemplate('# Design: [Name]\n\n## A\n\n### A.1\n\n## B\n')
    expect(headingLine(preset.title!)).toBe('# Design: [Name]')
    expect(preset.sections.map((section) => section.title)).toEqual(['A', 'B'])
    expect(preset.sections[0].children[0].title).toBe('A.1')
  })

  it('uses the top headings when there is no single title (RFC style)', () => {
    const preset = compileTemplate('# Summary\n\n# Motivation\n\n## Detail\n')
    expect(preset.title).toBeUndefined()
    expect(preset.sections.map((section) => section.text)).toEqual(['Summary', 'Motivation'])
  })

  it('records numbers and their style', () => {
    const preset = compileTemplate('# T\n\n## 1. Overview\n\n### 1.1 Summary\n')
    const [overview] = preset.sections
    expect(overview).toMatchObject({number: '1', numberDot: true, title: 'Overview'})
    expect(overview.children[0]).toMatchObject({number: '1.1', numberDot: false, title: 'Summary'})
  })

  it('makes numbered examples of one kind one repeatable slot', () => {
    const preset = compileTemplate('# T\n\n## Alternatives\n\n### Alternative 1\n\n### Alternative 2\n\n## Next\n')
    const children = preset.sections[0].children
    expect(children).toHaveLength(1)
    expect(children[0]).toMatchObject({repeatable: true, match: {type: 'any'}, text: 'Alternative 1'})
  })

  it('makes placeholder-only headings and "Decision 1: [Title]" repeatable', () => {
    const preset = compileTemplate(
      '# T\n\n## D\n\n#### Decision 1: [Decision Title]\n\n## E\n\n#### {Entity Name}\n\n## F\n\n#### `{METHOD} {path}`\n',
    )
    expect(preset.sections.map((section) => section.children[0].repeatable)).toEqual([true, true, true])
  })

  it('merges neighbouring slots ("5.1 {Primary}", "5.2 {Error}")', () => {
    const preset = compileTemplate('# T\n\n## 5. Key Sequences\n\n### 5.1 {Primary Flow}\n\n### 5.2 {Error Flow}\n')
    expect(preset.sections[0].children).toHaveLength(1)
    expect(preset.sections[0].children[0].repeatable).toBe(true)
  })

  it('keeps a literal heading after a slot ("9.1 {Alt}", "9.2 Key Trade-offs")', () => {
    const prd = loadPreset('prd')
    const alternatives = prd.sections.find((section) => section.title === 'Alternatives Considered')!
    expect(alternatives.children.map((child) => [child.text, child.repeatable])).toEqual([
      ['9.1 {Alternative Approach Name}', true],
      ['9.2 Key Trade-offs in Chosen Design', false],
    ])
  })

  it('matches placeholder headings on their fixed words', () => {
    const preset = compileTemplate('# Technical Design Doc: <Project / Feature Name>\n\n## A\n')
    const match = preset.title!.match
    expect(matchesHeading(match, normalizeHeading('Technical Design Doc: Rate Limiter'))).toBe(true)
    expect(matchesHeading(match, normalizeHeading('technical design doc — Rate Limiter'))).toBe(true)
    expect(matchesHeading(match, normalizeHeading('Rate Limiter'))).toBe(false)
    expect(matchesHeading(match, normalizeHeading('Technical Design Doc'))).toBe(false)
  })

  it('takes a literal title as the kind of document', () => {
    const match = compileTemplate('# Technical Design Document\n\n## A\n').title!.match
    expect(matchesHeading(match, normalizeHeading('Technical Design Document'))).toBe(true)
    expect(matchesHeading(match, normalizeHeading('Payments Ledger — Technical Design Document'))).toBe(true)
    expect(matchesHeading(match, normalizeHeading('Payments Ledger'))).toBe(false)
  })

  it('gives every section a unique, stable key', () => {
    for (const name of ['standard', 'production', 'architecture', 'prd', 'evolving']) {
      const keys = [...walkSections(loadPreset(name))].map((section) => section.key)
      expect(new Set(keys).size).toBe(keys.length)
    }
    expect(loadPreset('standard').sections[0].key).toBe('overview')
    expect(loadPreset('prd').sections[0].children[0].key).toBe('overview/summary')
  })

  it('is plain data (JSON round trip)', () => {
    const preset = loadPreset('evolving')
    expect(JSON.parse(JSON.stringify(preset))).toEqual(preset)
  })
})
