/** Output formats for CI, checked against their real consumers' rules. */
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {createRequire} from 'node:module'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {describe, expect, it} from 'vitest'
import {escapeData, escapeProperty} from '../src/report/ci-formats.js'
import {root, shared} from './helpers.js'

const cli = path.join(root, 'dist', 'bundle', 'cli.js')
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], {cwd: root, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
const inputs = ['examples/', 'fixtures/no-placeholders/fail-placeholders.md']
const schemaFile = path.join(shared, 'schemas', 'sarif-schema-2.1.0.json')

type AjvClass = new (options: object) => {compile(schema: unknown): {(data: unknown): boolean; errors?: unknown[] | null}}

describe('--format sarif', () => {
  const result = run(['--format', 'sarif', ...inputs])
  const sarif = JSON.parse(result.stdout)

  it.skipIf(!existsSync(schemaFile))('validates against the SARIF 2.1.0 JSON schema', () => {
    // A real JSON Schema (draft-04) validator: ajv with its draft-04 build.
    const Ajv = (createRequire(import.meta.url)('ajv-draft-04') as {default: AjvClass}).default
    const ajv = new Ajv({allErrors: true, strict: false})
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')))
    const valid = validate(sarif)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('carries rule metadata, help links, levels and regions', () => {
    expect(result.status).toBe(1)
    const [run0] = sarif.runs
    expect(run0.tool.driver.name).toBe('designlint')
    const rules = run0.tool.driver.rules as Array<{id: string; helpUri?: string; shortDescription: {text: string}}>
    expect(rules.map((rule) => rule.id).slice(0, 14)).toContain('no-placeholders')
    expect(rules.find((rule) => rule.id === 'table-values')?.helpUri).toMatch(/rules\/table-values\.md$/)
    const results = run0.results as Array<{ruleId: string; ruleIndex: number; level: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: Record<string, number>}}>}>
    expect(results.length).toBeGreaterThan(10)
    for (const entry of results) expect(rules[entry.ruleIndex].id).toBe(entry.ruleId)
    const cell = results.find((entry) => entry.ruleId === 'table-values')!
    expect(cell.level).toBe('error')
    expect(cell.locations[0].physicalLocation).toEqual({
      artifactLocation: {uri: 'examples/notification-preferences.md', uriBaseId: '%SRCROOT%'},
      region: {startLine: 235, startColumn: 46, endLine: 235, endColumn: 49},
    })
    expect(results.some((entry) => entry.level === 'warning')).toBe(true)
  })
})

describe('--format github', () => {
  it('writes one workflow command per finding with file, line, col, endLine, endColumn and title', () => {
    const lines = run(['--format', 'github', 'examples/notification-preferences.md']).stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe(
      '::error file=examples/notification-preferences.md,line=235,endLine=235,col=46,endColumn=49,title=designlint table-values::Cell "Hgh" in column "Impact" in "### Technical Risks" is not one of "High", "Med" or "Low": did you mean "High"?',
    )
    expect(lines[0]).toMatch(/^::warning file=examples\/notification-preferences\.md,line=15,/)
  })

  it('escapes as the runner requires', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext')
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A')
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
      'fixtures/no-placeholders/fail-placeholders.md',
    ])
    const failures = suites.reduce((sum, suite) => sum + Number(suite.failures), 0)
    expect(Number(parsed.testsuites.failures)).toBe(failures)
    expect(suites[1]).toMatchObject({tests: '1', failures: '0', testcase: {name: 'designlint'}})
    expect(suites[0].failures).toBe('2')
  })
})

describe('--format markdown', () => {
  it('summarises totals and lists findings with rule links', () => {
    const markdown = run(['--format', 'markdown', 'examples/']).stdout
    expect(markdown).toMatch(/^### designlint: 5 errors, 3 warnings\n\nChecked 5 documents; 3 with findings\.\n\n\| where \| severity \| rule \| finding \|\n/)
    expect(markdown).toContain('| `examples/notification-preferences.md:235:46` | error | [table-values](https://github.com/designlint/designlint/blob/main/rules/table-values.md) |')
    expect(run(['--format', 'markdown', 'examples/rate-limiter.md']).stdout).toBe('### designlint: no findings\n\nChecked 1 document.\n\n')
  })
})
