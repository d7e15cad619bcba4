/** Template annotations and what inference reads from any template. */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {compileTemplate} from '../src/template/compile.js'
import {normalizeHeading} from '../src/util/text.js'
import {findings, lint} from './helpers.js'
import {matchesHeading} from '../src/template/headings.js'

const template = `---
owner: <team>
status: Draft | Proposed | Accepted
---

# ADR: [Title]

## Context
Why we decide.

## Decision
<!-- designlint: alias Outcome -->
What we decided.

## Consequences (Optional)
What follows.

## Options
<!-- designlint: repeatable -->

## Risks
<!-- designlint: allow Level: Severe -->
<!-- designlint: open Owner -->
| Risk | Level | Owner |
|------|-------|-------|
| [risk] | High/Low | Alice/Bob |

## Notes
<!-- designlint: optional -->
`

describe('template annotations', () => {
  const preset = compileTemplate(template, {name: 'adr'})
  const section = (title: string) => preset.sections.find((candidate) => candidate.title === title)!

  it('alias: an old heading name is accepted', () => {
    expect(matchesHeading(section('Decision').match, normalizeHeading('Outcome'))).toBe(true)
    expect(matchesHeading(section('Decision').match, normalizeHeading('Decision'))).toBe(true)
  })

  it('optional from "(Optional)" and from the annotation', () => {
    expect(section('Consequences').optional).toBe(true)
    expect(section('Notes').optional).toBe(true)
    expect(section('Context').optional).toBe(false)
  })

  it('repeatable, allow and open', () => {
    expect(section('Options').repeatable).toBe(true)
    const [table] = section('Risks').content.tables
    expect(table.choices[1]).toEqual({values: ['High', 'Low', 'Severe'], open: false})
    expect(table.choices[2]?.open).toBe(true)
  })

  it('reads the template front matter keys as fields', () => {
    expect(preset.fields.map((field) => [field.name, field.region, field.choices?.values])).toEqual([
      ['owner', 'frontmatter', undefined],
      ['status', 'frontmatter', ['Draft', 'Proposed', 'Accepted']],
    ])
  })

  it('a document written from it is checked with all of that', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'designlint-adr-'))
    const file = path.join(dir, 'adr-template.md')
    writeFileSync(file, template)
    const good = `---\nowner: payments\nstatus: Accepted\n---\n\n# ADR: Use Postgres\n\n## Context\nWe need a store.\n\n## Outcome\nPostgres.\n\n## Options\n\n### Postgres\nKnown.\n\n## Risks\n| Risk | Level | Owner |\n|------|-------|-------|\n| Load | Severe | Carol |\n`
    expect(findings(lint(good, {preset: file}))).toEqual([])
    const bad = good
      .replace('status: Accepted', 'status: Acepted')
      .replace('## Options\n\n### Postgres\nKnown.\n\n', '')
      .replace('| Severe |', '| Medium |')
    expect(
      findings(lint(bad, {preset: file}))
        .map((line) => line.split(' ').slice(1, 3).join(' '))
        .sort(),
    ).toEqual(['error field-values', 'error required-sections', 'error table-values'])
  })

  it('a wrong annotation is a one-line error naming the line', () => {
    expect(() => compileTemplate('# T\n\n## A\n<!-- designlint: optinal -->\n')).toThrow(
      /^line 4: unknown designlint annotation "optinal" \(did you mean "optional"\?\); known: optional, required/,
    )
    expect(() => compileTemplate('# T\n\n## A\n<!-- designlint: allow Nope: x -->\n')).toThrow(
      /line 4: no table column or item field "nope"/,
    )
  })

  it('annotations in a document copied from the template change nothing', () => {
    const doc = '# ADR: Cache\n\n## Context\n<!-- designlint: optional -->\nWe need speed.\n'
    const result = findings(lint(doc, {preset: 'standard'}))
    expect(result.some((line) => /no-placeholders|no-template-text/.test(line))).toBe(false)
  })
})
