import {describe, expect, it} from 'vitest'
import {compileTemplate} from '../src/template/compile.js'
import {loadPreset} from '../src/preset/load.js'
import {normalizeHeading} from '../src/util/text.js'
import {headingLine, matchesHeading, walkSections} from '../src/template/headings.js'
import {describePreset} from '../src/template/describe.js'
import {plainLabelledLines, tableLabelledLines} from '../src/markdown/labelled-lines.js'
import {parseMarkdown} from '../src/markdown/parse.js'
import type {Preset} from '../src/template/types.js'

/** Whether a document title (as written) still holds one of the title's placeholders. */
function unfilled(preset: Preset, title: string): string[] {
  return (preset.titlePlaceholders ?? []).filter((part) => new RegExp(part.unfilled).test(normalizeHeading(title))).map((part) => part.text)
}

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

  it('takes a title of generic words as a placeholder: any title fills it', () => {
    for (const text of ['Title', 'Title of RFC', 'Feature name', 'RFC title', 'Feature Name Here']) {
      const preset = compileTemplate(`# ${text}\n\n## Summary\n`)
      expect(matchesHeading(preset.title!.match, normalizeHeading('Async/await'))).toBe(true)
      expect(unfilled(preset, text)).toEqual([text])
      expect(unfilled(preset, 'Async/await')).toEqual([])
    }
    // Fixed words stay fixed.
    expect(compileTemplate('# Technical Design Document\n\n## A\n').titlePlaceholders).toBeUndefined()
  })

  it('reads number masks in a title: any number fills them, the mask left is unfilled', () => {
    const kep = compileTemplate('# KEP-NNNN: Your short, descriptive title\n\n## Summary\n')
    expect(matchesHeading(kep.title!.match, normalizeHeading('KEP-1287: In-place update'))).toBe(true)
    expect(matchesHeading(kep.title!.match, normalizeHeading('In-place update'))).toBe(false)
    expect(unfilled(kep, 'KEP-1287: In-place update')).toEqual([])
    expect(unfilled(kep, 'KEP-NNNN: In-place update')).toEqual(['NNNN'])
    expect(unfilled(kep, 'KEP-1287: Your short, descriptive title')).toEqual(['Your short, descriptive title'])
    const rfc = compileTemplate('# RFC-0000: Feature Name Here\n\n## Summary\n')
    expect(matchesHeading(rfc.title!.match, normalizeHeading('RFC-1: Agile Coretime'))).toBe(true)
    expect(unfilled(rfc, 'RFC-0001: Agile Coretime')).toEqual([])
    expect(unfilled(rfc, 'RFC-0000: Agile Coretime')).toEqual(['0000'])
    expect(unfilled(rfc, 'RFC-00001: Agile Coretime')).toEqual([])
  })

  it('takes a placeholder first heading at any level as the title (setext "Title" above the fields)', () => {
    const preset = compileTemplate('Title\n-----\n\n- Start Date: YYYY-MM-DD\n\nSummary\n-------\n\nMotivation\n----------\n')
    expect(preset.title).toMatchObject({depth: 2, title: 'Title'})
    expect(preset.sections.map((section) => section.title)).toEqual(['Summary', 'Motivation'])
    expect(preset.fields.map((field) => [field.name, field.kind, field.format])).toEqual([['Start Date', 'item', 'iso-date']])
    // A literal first heading at level 2 is a section (the Rust RFC template).
    expect(compileTemplate('- Start Date: x\n\n## Summary\n\n## Motivation\n').title).toBeUndefined()
  })

  it('makes a section optional by its words, and records them', () => {
    const preset = compileTemplate(
      [
        '# Summary',
        'Brief.',
        '# Basic example',
        "Include a code example.\nOmit this section if it's not applicable.",
        '# Motivation',
        '<!--\n  This section is optional for non-Core EIPs.\n-->',
        '<!-- This is an optional element. Feel free to remove. -->\n# Drawbacks',
        'Why not?',
        '# Unresolved questions',
        'Optional, but suggested for first drafts.',
        '# Graduation',
        '<!--\nFor each of them:\n  - Diagnostics: logs.\n    Not required until feature graduated to beta.\n-->',
      ].join('\n\n'),
    )
    expect(preset.sections.map((section) => [section.title, section.optionalBecause ?? null])).toEqual([
      ['Summary', null],
      ['Basic example', "Omit this section if it's not applicable."],
      ['Motivation', 'This section is optional for non-Core EIPs.'],
      ['Drawbacks', 'This is an optional element.'],
      ['Unresolved questions', 'Optional, but suggested for first drafts.'],
      // Words in a list item speak of the item.
      ['Graduation', null],
    ])
  })

  it('keeps a condition to its own heading: once written, its subsections are required', () => {
    const preset = compileTemplate(
      '# T\n\n## Scalability\n\n<!--\nThis section must be completed when targeting beta to a release.\n-->\n\n### New API calls?\n\n## Upgrade\n\nIf applicable, how will the component be upgraded?\n',
    )
    const [scalability, upgrade] = preset.sections
    expect([scalability.optional, scalability.children[0].optional]).toEqual([true, false])
    expect(describePreset(preset)).toContain(
      '## Scalability  (optional: "This section must be completed when targeting beta to a release.")',
    )
    // "If applicable, …" asks a question of the section; it does not make it optional.
    expect(upgrade.optional).toBe(false)
  })

  it('reads fields from lists of "Label: value" items, label tables and front matter, with their conditions', () => {
    const rfc = compileTemplate(
      '* Proposal: [SE-NNNN](NNNN-filename.md)\n* Vision: *if applicable* [Vision Name](https://x)\n* RFC PR: (leave this empty)\n\n## Introduction\n',
    )
    expect(rfc.fields.map((field) => [field.name, field.kind, field.optionalBecause ?? null, field.emptyBecause ?? null])).toEqual([
      ['Proposal', 'item', null, null],
      ['Vision', 'item', 'if applicable', null],
      ['RFC PR', 'item', null, '(leave this empty)'],
    ])
    const later = compileTemplate(
      '---\nco-authors: (find a buddy later to help out with the RFC)\nshepherd: (name to be appointed by the committee)\n---\n\n# A\n',
    )
    expect(later.fields.map((field) => [field.name, field.optional ?? false, field.mayBeEmpty ?? false])).toEqual([
      ['co-authors', true, true],
      ['shepherd', false, true],
    ])
    // Prose in a list is no field list.
    expect(compileTemplate('- Note: read the guide first.\n- Then copy this file.\n\n## A\n').fields).toEqual([])
    const table = compileTemplate(
      '# RFC-0000: Feature Name Here\n\n|  |  |\n| --- | --- |\n| **Start Date** | Date of initial proposal |\n| **Authors** |  |\n\n## Summary\n',
    )
    expect(table.fields.map((field) => [field.name, field.kind, field.example, field.format ?? null])).toEqual([
      ['Start Date', 'row', 'Date of initial proposal', 'date'],
      ['Authors', 'row', '', null],
    ])
    const yaml = compileTemplate(
      '---\nstatus: Draft\ncategory: <Core, ERC> # Only required for Standards Track. Otherwise, remove this field.\n# These are optional metadata elements.\ndate: x\n\nauthor: y\n---\n\n## Abstract\n',
    )
    expect(yaml.fields.map((field) => [field.name, field.kind, field.optionalBecause ?? null, field.choices ?? null])).toEqual([
      ['status', 'key', null, null],
      ['category', 'key', 'Only required for Standards Track.', null],
      ['date', 'key', 'These are optional metadata elements.', null],
      ['author', 'key', null, null],
    ])
  })

  it('gives only a bold labelled Status the usual lifecycle', () => {
    const bold = compileTemplate('# T: [x]\n\n**Status:** Draft\n\n## A\n').fields[0]
    expect(bold.choices).toEqual({values: ['Draft', 'In Review', 'Approved'], open: false})
    expect(compileTemplate('- Status: Draft\n- Author: x\n\n## A\n').fields[0].choices).toBeUndefined()
    expect(compileTemplate('---\nstatus: Draft\n---\n\n## A\n').fields[0].choices).toBeUndefined()
    expect(compileTemplate('---\nstatus: Draft | Final\n---\n\n## A\n').fields[0].choices?.values).toEqual(['Draft', 'Final'])
  })

  it('reads the fields of a CRLF template', () => {
    const preset = compileTemplate(
      "- Start Date: (fill me in with today's date, YYYY-MM-DD)\r\n- RFC PR: (leave this empty)\r\n\r\n# Summary\r\n",
    )
    expect(preset.fields.map((field) => [field.name, field.example])).toEqual([
      ['Start Date', "(fill me in with today's date, YYYY-MM-DD)"],
      ['RFC PR', '(leave this empty)'],
    ])
  })

  it("reads a document's plain fields: a nested list as the value, a table with plain labels", () => {
    const list =
      '- Start Date: 2018-06-25\n- Rust Issues:\n  - [rust-lang/rust#50547](x)\n- Rust Issue:https://x\n- See https://example.com\n'
    expect(plainLabelledLines(parseMarkdown(list).children[0], list).map((line) => [line.name, line.value])).toEqual([
      ['Start Date', '2018-06-25'],
      ['Rust Issues', '- [rust-lang/rust#50547](x)'],
      ['Rust Issue', 'https://x'],
    ])
    const table = '| feature | simple-package-paths |\n| --- | --- |\n| start-date | 2022-09-02 |\n'
    const node = parseMarkdown(table).children[0]
    expect(tableLabelledLines(node, table)).toEqual([])
    expect(tableLabelledLines(node, table, {plain: true}).map((line) => [line.name, line.value])).toEqual([
      ['feature', 'simple-package-paths'],
      ['start-date', '2022-09-02'],
    ])
  })
})
