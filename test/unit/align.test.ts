/**
 * The alignment of a document's outline to its template, table-driven: each
 * row is a template outline and a document outline (heading lines), and the
 * status each template section gets.
 */
import {describe, expect, it} from 'vitest'
import {alignDocument} from '../../src/align/align.js'
import {buildDocument} from '../../src/document/build.js'
import {parseMarkdown} from '../../src/markdown/parse.js'
import {compileTemplate} from '../../src/template/compile.js'
import type {Alignment, SectionMatch} from '../../src/align/types.js'
import type {DocModel} from '../../src/document/types.js'

/** Markdown from heading lines, one to a line (line n of the text is lines[n - 1]). */
function markdown(lines: string[]): string {
  return lines.join('\n') + '\n'
}

function documentOf(lines: string[]): DocModel {
  const text = markdown(lines)
  return buildDocument(parseMarkdown(text), text)
}

function align(template: string[], doc: string[]): {alignment: Alignment; doc: DocModel} {
  const model = documentOf(doc)
  return {alignment: alignDocument(compileTemplate(markdown(template)), model), doc: model}
}

/**
 * Section title → status (`matched x3` for a repeatable slot with three
 * instances). A title the template repeats gets ` (2)`, ` (3)` in template order.
 */
function statuses(alignment: Alignment): Record<string, string> {
  const result: Record<string, string> = {}
  for (const match of alignment.matches) {
    result[keyFor(result, match)] = match.section.repeatable ? `${match.status} x${match.instances.length}` : match.status
  }
  return result
}

/** Section title → the document line of the heading it took (every line, for a slot). */
function taken(alignment: Alignment): Record<string, number | number[]> {
  const result: Record<string, number | number[]> = {}
  const seen: Record<string, string> = {}
  for (const match of alignment.matches) {
    const key = keyFor(seen, match)
    seen[key] = match.status
    if (match.section.repeatable) result[key] = match.instances.map((heading) => heading.span.start.line)
    else if (match.heading) result[key] = match.heading.span.start.line
  }
  return result
}

function keyFor(seen: Record<string, unknown>, match: SectionMatch): string {
  let key = match.section.title
  for (let count = 2; key in seen; count++) key = `${match.section.title} (${count})`
  return key
}

function matchOf(alignment: Alignment, title: string): SectionMatch {
  const match = alignment.matches.find((candidate) => candidate.section.title === title)
  if (!match) throw new Error('no section ' + title)
  return match
}

interface Row {
  name: string
  template: string[]
  doc: string[]
  expected: Record<string, string>
  /** Document lines of the headings taken (only the sections listed). */
  at?: Record<string, number | number[]>
}

const basic = ['## Summary', '## Design', '## Risks']
const rollback = ['## Summary', '## Rollback Strategy', '## Risks']
const titled = ['# Design: [Name]', '## Summary', '## Design', '## Risks']
const alternatives = ['## Alternatives', '### Alternative 1', '### Alternative 2', '## Decision']

const statusRows: Row[] = [
  {
    name: 'every section in its place is matched',
    template: basic,
    doc: ['## Summary', '## Design', '## Risks'],
    expected: {Summary: 'matched', Design: 'matched', Risks: 'matched'},
    at: {Summary: 1, Design: 2, Risks: 3},
  },
  {
    name: 'a section out of order under the right parent is moved',
    template: basic,
    doc: ['## Risks', '## Summary', '## Design'],
    expected: {Summary: 'matched', Design: 'matched', Risks: 'moved'},
    at: {Risks: 1, Summary: 2},
  },
  {
    name: 'an exact heading in order at another depth is still matched',
    template: basic,
    doc: ['## Summary', '## Design', '### Risks'],
    expected: {Summary: 'matched', Design: 'matched', Risks: 'matched'},
    at: {Risks: 3},
  },
  {
    name: 'a misspelt heading between its neighbours is renamed ("Rollback Stratgy")',
    template: rollback,
    doc: ['## Summary', '## Rollback Stratgy', '## Risks'],
    expected: {Summary: 'matched', 'Rollback Strategy': 'renamed', Risks: 'matched'},
    at: {'Rollback Strategy': 2},
  },
  {
    name: 'a heading with the key word between its neighbours is renamed ("Rollback plan")',
    template: rollback,
    doc: ['## Summary', '## Rollback plan', '## Risks'],
    expected: {Summary: 'matched', 'Rollback Strategy': 'renamed', Risks: 'matched'},
    at: {'Rollback Strategy': 2},
  },
  {
    name: 'a near miss at another depth is not renamed',
    template: rollback,
    doc: ['## Summary', '### Rollback Stratgy', '## Risks'],
    expected: {Summary: 'matched', 'Rollback Strategy': 'missing', Risks: 'matched'},
  },
  {
    name: 'a near miss outside its neighbours is not renamed',
    template: rollback,
    doc: ['## Summary', '## Risks', '## Rollback plan'],
    expected: {Summary: 'matched', 'Rollback Strategy': 'missing', Risks: 'matched'},
  },
  {
    name: 'a very close wording outside its neighbours is moved',
    template: rollback,
    doc: ['## Summary', '## Risks', '## Rollback Stratgy'],
    expected: {Summary: 'matched', 'Rollback Strategy': 'moved', Risks: 'matched'},
  },
  {
    name: 'a section under another parent is misplaced',
    template: ['## Summary', '## Design', '### API', '## Risks'],
    doc: ['## Summary', '## Design', '## Risks', '### API'],
    expected: {Summary: 'matched', Design: 'matched', API: 'misplaced', Risks: 'matched'},
    at: {API: 4},
  },
  {
    name: 'a section the document does not have is missing',
    template: basic,
    doc: ['## Summary', '## Risks'],
    expected: {Summary: 'matched', Design: 'missing', Risks: 'matched'},
  },
  {
    name: 'the descendants of a missing section are skipped, even when written elsewhere',
    template: ['## Summary', '## Design', '### API', '#### Endpoints', '## Risks'],
    doc: ['## Summary', '### API', '## Risks'],
    expected: {Summary: 'matched', Design: 'missing', API: 'skipped', Endpoints: 'skipped', Risks: 'matched'},
  },
  {
    name: 'the children of a renamed section are looked for under it',
    template: ['## Summary', '## Rollback Strategy', '### Triggers', '## Risks'],
    doc: ['## Summary', '## Rollback Stratgy', '### Triggers', '## Risks'],
    expected: {Summary: 'matched', 'Rollback Strategy': 'renamed', Triggers: 'matched', Risks: 'matched'},
    at: {Triggers: 3},
  },
  {
    name: 'the children of a moved section are looked for under it',
    template: ['## Summary', '## Design', '### API', '## Risks'],
    doc: ['## Design', '### API', '## Summary', '## Risks'],
    expected: {Summary: 'matched', Design: 'moved', API: 'matched', Risks: 'matched'},
    at: {Design: 1, API: 2},
  },
  {
    name: 'a repeatable slot takes every heading of its depth in its place (not deeper ones)',
    template: alternatives,
    doc: ['## Alternatives', '### Option A', '#### Pros', '### Option B', '### Option C', '## Decision'],
    expected: {Alternatives: 'matched', 'Alternative 1': 'matched x3', Decision: 'matched'},
    at: {'Alternative 1': [2, 4, 5]},
  },
  {
    name: 'a repeatable slot with one heading in its place is matched once',
    template: alternatives,
    doc: ['## Alternatives', '### Only option', '## Decision'],
    expected: {Alternatives: 'matched', 'Alternative 1': 'matched x1', Decision: 'matched'},
  },
  {
    name: 'a repeatable slot with no heading in its place is missing',
    template: alternatives,
    doc: ['## Alternatives', '## Decision'],
    expected: {Alternatives: 'matched', 'Alternative 1': 'missing x0', Decision: 'matched'},
  },
  {
    name: 'a repeatable slot takes no heading after its next present sibling',
    template: ['## Alternatives', '### Alternative 1', '### Alternative 2', '### Trade-offs'],
    doc: ['## Alternatives', '### Trade-offs', '### Option A'],
    expected: {Alternatives: 'matched', 'Alternative 1': 'missing x0', 'Trade-offs': 'matched'},
  },
  {
    name: 'a placeholder-only heading is a repeatable slot',
    template: ['## Entities', '### {Entity Name}', '## Decision'],
    doc: ['## Entities', '### User', '### Account', '## Decision'],
    expected: {Entities: 'matched', '{Entity Name}': 'matched x2', Decision: 'matched'},
  },
  {
    name: 'a template without a single title aligns its top headings (RFC style)',
    template: ['# Summary', '# Motivation', '## Detail'],
    doc: ['# Summary', '# Motivation', '## Detail'],
    expected: {Summary: 'matched', Motivation: 'matched', Detail: 'matched'},
  },
  {
    name: 'an empty outline: the title and top sections are missing, their children skipped',
    template: ['# Design: [Name]', '## Summary', '### Scope'],
    doc: ['Just a paragraph.'],
    expected: {'Design: [Name]': 'missing', Summary: 'missing', Scope: 'skipped'},
  },
]

const tieRows: Row[] = [
  {
    name: 'two equally near candidates: the earlier wins',
    template: basic,
    doc: ['## Summary', '## Design', '## Riskz', '## Risky'],
    expected: {Summary: 'matched', Design: 'matched', Risks: 'renamed'},
    at: {Risks: 3},
  },
  {
    name: 'two equally near candidates, the other way round: still the earlier',
    template: basic,
    doc: ['## Summary', '## Design', '## Risky', '## Riskz'],
    expected: {Summary: 'matched', Design: 'matched', Risks: 'renamed'},
    at: {Risks: 3},
  },
  {
    name: 'in order: the exact heading at the template depth wins over a deeper one',
    template: ['## Summary', '## Risks'],
    doc: ['## Summary', '### Risks', '## Risks'],
    expected: {Summary: 'matched', Risks: 'matched'},
    at: {Risks: 3},
  },
  {
    name: 'moved: the exact heading at the template depth wins over an earlier deeper one',
    template: basic,
    doc: ['#### Risks', '## Risks', '## Summary', '## Design'],
    expected: {Summary: 'matched', Design: 'matched', Risks: 'moved'},
    at: {Risks: 2},
  },
  {
    name: 'misplaced: the exact heading at the template depth wins over an earlier deeper one',
    template: ['## Design', '### API', '## Risks'],
    doc: ['## Design', '## Risks', '#### API', '### API'],
    expected: {Design: 'matched', API: 'misplaced', Risks: 'matched'},
    at: {API: 4},
  },
  {
    name: 'an exact heading out of order is moved rather than a near miss in place taken',
    template: basic,
    doc: ['## Risks', '## Summary', '## Design', '## Risk'],
    expected: {Summary: 'matched', Design: 'matched', Risks: 'moved'},
    at: {Risks: 1},
  },
  {
    name: 'a heading that matches one section exactly is not the near miss of another',
    template: ['## Summary', '## Rollback Strategy', '## Rollback Plan'],
    doc: ['## Summary', '## Rollback Plan'],
    expected: {Summary: 'matched', 'Rollback Strategy': 'missing', 'Rollback Plan': 'matched'},
    at: {'Rollback Plan': 2},
  },
  {
    // Summary+Risks and Summary+Rollback Plan weigh the same in the ordered
    // matching; the traceback keeps the earlier template section.
    name: 'an exact heading out of order is moved, not taken as the near miss it stands in place of',
    template: ['## Summary', '## Rollback Strategy', '## Risks', '## Rollback Plan'],
    doc: ['## Summary', '## Rollback Plan', '## Risks'],
    expected: {Summary: 'matched', 'Rollback Strategy': 'missing', Risks: 'matched', 'Rollback Plan': 'moved'},
    at: {'Rollback Plan': 2, Risks: 3},
  },
  {
    name: 'the title: a level-1 heading with the fixed words is matched',
    template: titled,
    doc: ['# Design: Payments Ledger', '## Summary', '## Design', '## Risks'],
    expected: {'Design: [Name]': 'matched', Summary: 'matched', Design: 'matched', Risks: 'matched'},
    at: {'Design: [Name]': 1},
  },
  {
    name: 'the title: another level-1 heading is renamed',
    template: titled,
    doc: ['# Payments Ledger', '## Summary', '## Design'],
    expected: {'Design: [Name]': 'renamed', Summary: 'matched', Design: 'matched', Risks: 'missing'},
    at: {'Design: [Name]': 1},
  },
  {
    name: 'the title: no level-1 heading is missing, and the sections still align',
    template: titled,
    doc: ['## Summary', '## Design', '## Risks'],
    expected: {'Design: [Name]': 'missing', Summary: 'matched', Design: 'matched', Risks: 'matched'},
  },
  {
    name: 'the title: a matching level-1 heading wins over an earlier one that does not match',
    template: titled,
    doc: ['# Notes', '# Design: Ledger', '## Summary', '## Design', '## Risks'],
    expected: {'Design: [Name]': 'matched', Summary: 'matched', Design: 'matched', Risks: 'matched'},
    at: {'Design: [Name]': 2},
  },
  {
    name: 'duplicate headings in the document: the first is matched',
    template: basic,
    doc: ['## Summary', '## Summary', '## Design', '## Risks'],
    expected: {Summary: 'matched', Design: 'matched', Risks: 'matched'},
    at: {Summary: 1, Design: 3},
  },
  {
    name: 'duplicate titles in the template: each is looked for under its own parent',
    template: ['## Option A', '### Pros', '## Option B', '### Pros'],
    doc: ['## Option A', '### Pros', '## Option B', '### Pros'],
    expected: {'Option A': 'matched', Pros: 'matched', 'Option B': 'matched', 'Pros (2)': 'matched'},
    at: {Pros: 2, 'Pros (2)': 4},
  },
  {
    name: "duplicate titles in the template: the one absent under its parent takes the other parent's spare",
    template: ['## Option A', '### Pros', '## Option B', '### Pros'],
    doc: ['## Option A', '## Option B', '### Pros', '### Pros'],
    expected: {'Option A': 'matched', Pros: 'misplaced', 'Option B': 'matched', 'Pros (2)': 'matched'},
    at: {Pros: 4, 'Pros (2)': 3},
  },
]

describe('alignDocument: statuses', () => {
  it.each(statusRows)('$name', ({template, doc, expected, at}) => {
    const {alignment} = align(template, doc)
    expect(statuses(alignment)).toEqual(expected)
    if (at) expect(taken(alignment)).toMatchObject(at)
  })
})

describe('alignDocument: tie-breaks', () => {
  it.each(tieRows)('$name', ({template, doc, expected, at}) => {
    const {alignment} = align(template, doc)
    expect(statuses(alignment)).toEqual(expected)
    if (at) expect(taken(alignment)).toMatchObject(at)
  })
})

describe('alignDocument: the alignment', () => {
  it('lists one match per template section in template order, title first', () => {
    const {alignment} = align([...titled.slice(0, 2), '### Scope', ...titled.slice(2)], ['# Design: X', '## Risks'])
    expect(alignment.matches.map((match) => match.section.title)).toEqual(['Design: [Name]', 'Summary', 'Scope', 'Design', 'Risks'])
  })

  it('maps every heading taken, each slot instance included, to its match', () => {
    const {alignment} = align(alternatives, ['## Alternatives', '### Option A', '### Option B', '## Decision', '## Extra'])
    const slot = matchOf(alignment, 'Alternative 1')
    expect([...alignment.byHeading.keys()].sort()).toEqual([0, 1, 2, 3])
    expect(alignment.byHeading.get(1)).toBe(slot)
    expect(alignment.byHeading.get(2)).toBe(slot)
    expect(slot.heading?.text).toBe('Option A')
  })

  it("links each match to its parent's match", () => {
    const {alignment} = align(['# Design: [Name]', '## Design', '### API'], ['# Design: X', '## Design', '### API'])
    const api = matchOf(alignment, 'API')
    expect(api.parent).toBe(matchOf(alignment, 'Design'))
    expect(api.parent?.parent).toBe(matchOf(alignment, 'Design: [Name]'))
    expect(matchOf(alignment, 'Design: [Name]').parent).toBeUndefined()
  })

  it('records the parent a misplaced section was found under', () => {
    const {alignment, doc} = align(['## Design', '### API', '## Risks'], ['## Design', '## Risks', '### API'])
    const api = matchOf(alignment, 'API')
    expect(api.status).toBe('misplaced')
    expect(api.foundUnder).toBe(doc.headings[1])
    expect(api.parent).toBe(matchOf(alignment, 'Design'))
    expect(alignment.byHeading.get(2)).toBe(api)
  })
})

describe('alignDocument: where a missing section belongs', () => {
  it('before the next sibling in place, after the previous one', () => {
    const {alignment, doc} = align(basic, ['## Summary', '## Risks'])
    const design = matchOf(alignment, 'Design')
    expect(design.status).toBe('missing')
    expect(design.before).toBe(doc.headings[1])
    expect(design.insertAt).toEqual({line: 2, column: 1, offset: 11})
    expect(design.previous).toBe(matchOf(alignment, 'Summary'))
  })

  it('the first section: before the next one, with no previous', () => {
    const {alignment, doc} = align(basic, ['## Design', '## Risks'])
    const summary = matchOf(alignment, 'Summary')
    expect(summary.before).toBe(doc.headings[0])
    expect(summary.insertAt).toEqual(doc.headings[0].span.start)
    expect(summary.previous).toBeUndefined()
  })

  it('the last section: at the end of the document', () => {
    const {alignment, doc} = align(basic, ['## Summary', '## Design'])
    const risks = matchOf(alignment, 'Risks')
    expect(risks.before).toBeUndefined()
    expect(risks.insertAt).toEqual(doc.end)
    expect(risks.previous).toBe(matchOf(alignment, 'Design'))
  })

  it('the last child: at the end of its parent, where the next section starts', () => {
    const {alignment, doc} = align(['## Design', '### API', '### Storage', '## Risks'], ['## Design', '### API', '## Risks'])
    const storage = matchOf(alignment, 'Storage')
    expect(storage.status).toBe('missing')
    expect(storage.before).toBeUndefined()
    expect(storage.insertAt).toEqual(doc.headings[2].span.start)
    expect(storage.previous).toBe(matchOf(alignment, 'API'))
    expect(storage.parent).toBe(matchOf(alignment, 'Design'))
  })

  it('a moved sibling is no anchor: after the previous one in place', () => {
    const {alignment, doc} = align(basic, ['## Risks', '## Summary'])
    const design = matchOf(alignment, 'Design')
    expect(matchOf(alignment, 'Risks').status).toBe('moved')
    expect(design.previous).toBe(matchOf(alignment, 'Summary'))
    expect(design.before).toBeUndefined()
    expect(design.insertAt).toEqual(doc.end)
  })

  it('a renamed sibling is an anchor', () => {
    const {alignment, doc} = align(['## Summary', '## Design', '## Rollback Strategy'], ['## Summary', '## Rollback plan'])
    const design = matchOf(alignment, 'Design')
    expect(design.before).toBe(doc.headings[1])
    expect(design.previous).toBe(matchOf(alignment, 'Summary'))
  })

  it('a section under the title: before its next sibling, with the title as parent', () => {
    const {alignment, doc} = align(titled, ['# Design: X', '## Design', '## Risks'])
    const summary = matchOf(alignment, 'Summary')
    expect(summary.before).toBe(doc.headings[1])
    expect(summary.previous).toBeUndefined()
    expect(summary.parent).toBe(matchOf(alignment, 'Design: [Name]'))
  })

  it('skipped sections belong where their parent does', () => {
    const {alignment, doc} = align(['## Summary', '## Design', '### API', '## Risks'], ['## Summary', '## Risks'])
    expect(matchOf(alignment, 'API').status).toBe('skipped')
    expect(matchOf(alignment, 'API').insertAt).toEqual(doc.headings[1].span.start)
    expect(matchOf(alignment, 'API').parent).toBe(matchOf(alignment, 'Design'))
  })

  it('after the previous sibling in place, past its subsections, not before an extra section that follows it', () => {
    const {alignment, doc} = align(basic, ['## Summary', '### Scope', '## Glossary', '## Risks'])
    const design = matchOf(alignment, 'Design')
    expect(design.before).toBe(doc.headings[3])
    expect(design.insertAt).toEqual(doc.headings[2].span.start)
  })

  it('the last section: before the footer after the last thematic break, not at the end of the file', () => {
    const {alignment, doc} = align(basic, ['## Summary', '## Design', 'Text.', '', '---', '', 'Last updated: today'])
    expect(matchOf(alignment, 'Risks').insertAt).toMatchObject({line: 5, column: 1})
    expect(doc.end.line).toBe(8)
  })

  it("the template's first subsection, with no sibling in place: at the start of its parent, before any extra subsection", () => {
    const {alignment, doc} = align(['## Design', '### API', '### Storage', '## Risks'], ['## Design', '### Notes', '## Risks'])
    expect(matchOf(alignment, 'API').insertAt).toEqual(doc.headings[1].span.start)
    expect(matchOf(alignment, 'Storage').insertAt).toEqual(doc.headings[2].span.start)
  })

  it("the title's first section, with no sibling in place: after the title, not before it", () => {
    const {alignment, doc} = align(titled, ['# Design: X', '## Notes'])
    expect(matchOf(alignment, 'Summary').insertAt).toEqual(doc.headings[1].span.start)
  })

  it('a missing title belongs before the first heading, or at the end of an outline without any', () => {
    const first = align(titled, ['Intro text.', '', '## Summary'])
    expect(matchOf(first.alignment, 'Design: [Name]').insertAt).toEqual(first.doc.headings[0].span.start)
    const none = align(titled, ['Intro text.'])
    expect(matchOf(none.alignment, 'Design: [Name]').insertAt).toEqual(none.doc.end)
  })
})

/** Rows that were suspected bugs, fixed: the rule each one holds to is its name. */
const fixedRows: Row[] = [
  {
    name: "a heading under a section's heading that matches its subsection is left for it (not taken as moved)",
    template: ['## Design', '### Risks', '## Operations', '## Risks'],
    doc: ['## Design', '### Risks', '## Operations'],
    expected: {Design: 'matched', Risks: 'matched', Operations: 'matched', 'Risks (2)': 'missing'},
    at: {Risks: 2},
  },
  {
    name: "a heading under a section's heading that matches its subsection is left for it (not taken in order)",
    template: ['## Design', '### Risks', '## Operations', '## Risks'],
    doc: ['## Operations', '## Design', '### Risks'],
    expected: {Design: 'matched', Risks: 'matched', Operations: 'moved', 'Risks (2)': 'missing'},
    at: {Risks: 3},
  },
  {
    name: "a slot's subsections are looked for under every instance: the template's own outline is all matched",
    template: ['## Alternatives', '### Alternative 1', '#### Pros', '### Alternative 2', '#### Pros', '## Decision'],
    doc: ['## Alternatives', '### Alternative 1', '#### Pros', '### Alternative 2', '#### Pros', '## Decision'],
    expected: {Alternatives: 'matched', 'Alternative 1': 'matched x2', Pros: 'matched', 'Pros (2)': 'matched', Decision: 'matched'},
    at: {Pros: 3, 'Pros (2)': 5},
  },
  {
    name: 'a missing subsection of a section in place is misplaced when written under another parent',
    template: ['## A', '### B', '#### C', '#### D', '## E'],
    doc: ['## A', '### B', '#### C', '## E', '#### D'],
    expected: {A: 'matched', B: 'matched', C: 'matched', D: 'misplaced', E: 'matched'},
    at: {D: 5},
  },
  {
    name: 'a missing subsection of a misplaced section is itself looked for elsewhere',
    template: ['## A', '### B', '#### C', '#### D', '## E'],
    doc: ['## A', '## E', '### B', '#### C', '## F', '#### D'],
    expected: {A: 'matched', B: 'misplaced', C: 'matched', D: 'misplaced', E: 'matched'},
    at: {B: 3, C: 4, D: 6},
  },
  {
    name: 'a level-1 heading that is exactly a section is not taken as the renamed title',
    template: ['# Design: [Name]', '## Summary', '## Design'],
    doc: ['# Summary', '## Design'],
    expected: {'Design: [Name]': 'missing', Summary: 'matched', Design: 'matched'},
  },
]

const spanRows: Row[] = [
  {
    name: 'a renamed section runs to its next sibling in place, so a subsection written one level up is still its own',
    template: ['## Summary', '## Design Details', '### Test Plan', '## Risks'],
    doc: ['## Summary', '## Design', '## Test Plan', '## Risks'],
    expected: {Summary: 'matched', 'Design Details': 'renamed', 'Test Plan': 'matched', Risks: 'matched'},
    at: {'Test Plan': 3},
  },
  {
    name: 'a next sibling written deeper inside a section does not cut it short',
    template: ['## Proposal', '### User Stories', '## Design Details', '### Test Plan', '## History'],
    doc: ['## Proposal', '### Design Details', '### User Stories', '### Test Plan', '## History'],
    expected: {Proposal: 'matched', 'User Stories': 'matched', 'Design Details': 'matched', 'Test Plan': 'matched', History: 'matched'},
    at: {'User Stories': 3, 'Test Plan': 4},
  },
  {
    name: "what stands under a sibling written deeper inside a section is that sibling's, not the section's",
    template: ['## Proposal', '### Risks', '## Design Details', '### Test Plan'],
    doc: ['## Proposal', '### Design Details', '#### Risks', '#### Test Plan'],
    expected: {Proposal: 'matched', Risks: 'misplaced', 'Design Details': 'matched', 'Test Plan': 'matched'},
    at: {Risks: 3, 'Test Plan': 4},
  },
  {
    name: "a moved section deeper than the template's level runs as far as that level would",
    template: ['## Summary', '## Risks', '### Mitigations', '## Design'],
    doc: ['## Summary', '## Design', '### Risks', '### Mitigations'],
    expected: {Summary: 'matched', Risks: 'moved', Mitigations: 'matched', Design: 'matched'},
    at: {Risks: 3, Mitigations: 4},
  },
]

const nearMissRows: Row[] = [
  {
    name: 'a heading that is exactly another section of the template is not a near miss ("References" for "Reference Implementation")',
    template: ['## Summary', '## Reference Implementation', '## Risks', '## Appendix', '### References'],
    doc: ['## Summary', '## References', '## Risks', '## Appendix'],
    expected: {Summary: 'matched', 'Reference Implementation': 'missing', Risks: 'matched', Appendix: 'matched', References: 'misplaced'},
  },
  {
    name: 'half of the words that tell the section apart is a near miss ("Open Questions" for "Unresolved questions")',
    template: ['## Summary', '## Unresolved questions', '## Risks'],
    doc: ['## Summary', '## Open Questions', '## Risks'],
    expected: {Summary: 'matched', 'Unresolved questions': 'renamed', Risks: 'matched'},
  },
  {
    name: 'a word several sections of the template share tells none apart ("Smoke Tests" is not "Unit Tests")',
    template: ['## Testing', '### Unit Tests', '### Integration Tests', '## Risks'],
    doc: ['## Testing', '### Smoke Tests', '### Integration Tests', '## Risks'],
    expected: {Testing: 'matched', 'Unit Tests': 'missing', 'Integration Tests': 'matched', Risks: 'matched'},
  },
  {
    name: 'a looser edit is no near miss ("Objectives" for "Alternatives")',
    template: ['## Summary', '## Alternatives', '## Risks'],
    doc: ['## Summary', '## Objectives', '## Risks'],
    expected: {Summary: 'matched', Alternatives: 'missing', Risks: 'matched'},
  },
  {
    name: 'a heading with all of the section\'s meaningful words is a near miss ("Alternatives" for "Rationale and alternatives")',
    template: ['## Summary', '## Rationale and alternatives', '## Risks'],
    doc: ['## Summary', '## Alternatives', '## Risks'],
    expected: {Summary: 'matched', 'Rationale and alternatives': 'renamed', Risks: 'matched'},
  },
  {
    name: 'headings are compared without their markup: attribute blocks, inline HTML, emphasis and code marks',
    template: ['## Summary', '## Motivation', '## Detailed design', '## Drawbacks', '## Alternatives'],
    doc: [
      '## Summary {#summary}',
      '## <a name="motivation"></a>Motivation',
      '## *Detailed* `design`',
      '## Drawbacks {: .wide}',
      '## Alternatives <!-- omit in toc -->',
    ],
    expected: {Summary: 'matched', Motivation: 'matched', 'Detailed design': 'matched', Drawbacks: 'matched', Alternatives: 'matched'},
  },
]

describe('alignDocument: fixed suspected bugs', () => {
  it.each(fixedRows)('$name', ({template, doc, expected, at}) => {
    const {alignment} = align(template, doc)
    expect(statuses(alignment)).toEqual(expected)
    if (at) expect(taken(alignment)).toMatchObject(at)
  })
})

describe('alignDocument: spans', () => {
  it.each(spanRows)('$name', ({template, doc, expected, at}) => {
    const {alignment} = align(template, doc)
    expect(statuses(alignment)).toEqual(expected)
    if (at) expect(taken(alignment)).toMatchObject(at)
  })
})

describe('alignDocument: near misses', () => {
  it.each(nearMissRows)('$name', ({template, doc, expected, at}) => {
    const {alignment} = align(template, doc)
    expect(statuses(alignment)).toEqual(expected)
    if (at) expect(taken(alignment)).toMatchObject(at)
  })
})

describe('sections written as bold lead-ins', () => {
  const template = ['# T', '## Rollout', '### Were upgrade and rollback tested?', '### Can it be rolled back?', '## Risks']

  it('takes a bold list item or paragraph under the parent for a leaf section', () => {
    const {alignment} = align(template, [
      '# T',
      '## Rollout',
      '* **Were upgrade and rollback tested?** Yes.',
      '',
      '**Can it be rolled back?**',
      '## Risks',
    ])
    expect(statuses(alignment)).toMatchObject({'Were upgrade and rollback tested?': 'lead-in', 'Can it be rolled back?': 'lead-in'})
    const leadIn = alignment.matches.find((match) => match.status === 'lead-in')!
    expect(leadIn.leadIn?.start).toMatchObject({line: 3, column: 3})
  })

  it('does not take bold text in code, under another section, or for a section with subsections', () => {
    const {alignment} = align(template, [
      '# T',
      '## Rollout',
      '```',
      '**Were upgrade and rollback tested?**',
      '```',
      '## Risks',
      '**Can it be rolled back?**',
      '',
      '**Rollout**',
    ])
    expect(statuses(alignment)).toMatchObject({
      Rollout: 'matched',
      'Were upgrade and rollback tested?': 'missing',
      'Can it be rolled back?': 'missing',
    })
  })
})
