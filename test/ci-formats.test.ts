/**
 * The CI formats end to end: the built CLI on the examples, its output read
 * the way its consumers read it. The formats' details are unit-tested in
 * test/report-formats.test.ts.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import type {Log} from 'sarif'
import {describe, expect, it} from 'vitest'
import {root, shared} from './helpers.js'

const cli = path.join(root, 'dist', 'bundle', 'cli.js')
const run = (args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], {cwd: root, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
const inputs = ['examples/', 'fixtures/integration/placeholders.md']
const schemaFile = path.join(shared, 'schemas', 'sarif-schema-2.1.0.json')

type AjvClass = new (options: object) => {compile(schema: unknown): {(data: unknown): boolean; errors?: unknown[] | null}}

describe('--format sarif', () => {
  const result = run(['--format', 'sarif', ...inputs])
  const sarif = JSON.parse(result.stdout) as Log

  it.skipIf(!existsSync(schemaFile))('validates against the SARIF 2.1.0 JSON schema', () => {
    // A real JSON Schema (draft-04) validator: ajv with its draft-04 build (no ajv-formats, so no format checks).
    const Ajv = (createRequire(import.meta.url)('ajv-draft-04') as {default: AjvClass}).default
    const validate = new Ajv({allErrors: true, strict: false, validateFormats: false}).compile(JSON.parse(readFileSync(schemaFile, 'utf8')))
    const valid = validate(sarif)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('carries rule metadata, help links, levels, regions, message ids and notes', () => {
    expect(result.status).toBe(1)
    const [run0] = sarif.runs
    expect(run0.tool.driver.name).toBe('designlint')
    const rules = run0.tool.driver.rules ?? []
    expect(rules.map((rule) => rule.id)).toContain('no-placeholders')
    expect(rules.find((rule) => rule.id === 'table-values')?.helpUri).toMatch(/rules\/table-values\.md$/)
    const results = run0.results ?? []
    expect(results.length).toBeGreaterThan(10)
    for (const entry of results) expect(rules[entry.ruleIndex!].id).toBe(entry.ruleId)
    const cell = results.find((entry) => entry.ruleId === 'table-values')!
    expect(cell.level).toBe('error')
    expect(cell.locations?.[0].physicalLocation).toEqual({
      artifactLocation: {uri: 'examples/notification-preferences.md', uriBaseId: '%SRCROOT%'},
      region: {startLine: 235, startColumn: 46, endLine: 235, endColumn: 49},
    })
    const warning = results.find((entry) => entry.level === 'warning')!
    expect(warning.properties?.note).toMatch(/an error once in review/)
    expect(warning.message.text).not.toMatch(/an error once in review/)
    for (const entry of results.filter((found) => found.message.id)) expect(entry.properties?.messageId).toBe(entry.message.id)
  })
})

describe('--format github', () => {
  it('writes one workflow command per finding with file, line, col, endLine, endColumn and title', () => {
    const lines = run(['--format', 'github', 'examples/notification-preferences.md']).stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe(
      '::error file=examples/notification-preferences.md,line=235,endLine=235,col=46,endColumn=49,title=designlint table-values::Cell "Hgh" in column "Impact" in "### Technical Risks" is not one of "High", "Med" or "Low": did you mean "High"?',
    )
    expect(lines[0]).toMatch(/^::warning file=examples\/notification-preferences\.md,line=15,.*%0A.*an error once in review/)
  })
})

describe('--format junit', () => {
  it('is well-formed JUnit XML: a suite per file, errors as failures', () => {
    const xml = run(['--format', 'junit', ...inputs]).stdout
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = new XMLParser({ignoreAttributes: false, attributeNamePrefix: ''}).parse(xml)
    const suites = parsed.testsuites.testsuite as Array<{name: string; tests: string; failures: string; testcase: unknown}>
    expect(suites.map((suite) => suite.name)).toEqual([
      'examples/flagship-evaluation.md',
      'examples/ledgerly-budgets.md',
      'examples/notification-preferences.md',
      'examples/payments-ledger.md',
      'examples/rate-limiter.md',
      'fixtures/integration/placeholders.md',
    ])
    const failures = suites.reduce((sum, suite) => sum + Number(suite.failures), 0)
    expect(Number(parsed.testsuites.failures)).toBe(failures)
    expect(suites[1]).toMatchObject({tests: '1', failures: '0', testcase: {name: 'designlint'}})
    expect(suites[0].failures).toBe('2')
  })
})

describe('--format markdown', () => {
  it('summarises totals and lists findings with rule links and notes', () => {
    const markdown = run(['--format', 'markdown', 'examples/']).stdout
    expect(markdown).toMatch(
      /^### designlint: 5 errors, 3 warnings\n\nChecked 5 documents; 3 with findings\.\n\n\| where \| severity \| rule \| finding \|\n/,
    )
    expect(markdown).toContain(
      '| `examples/notification-preferences.md:235:46` | error | [table-values](https://github.com/designlint/designlint/blob/main/rules/table-values.md) |',
    )
    expect(markdown).toMatch(/\| warning \| \[no-placeholders\]\(.*\) \| .* — .*an error once in review/)
    expect(run(['--format', 'markdown', 'examples/rate-limiter.md']).stdout).toMatch(
      /^### designlint: no findings\n\nChecked 1 document\.\n+$/,
    )
  })
})
