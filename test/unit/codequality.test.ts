/**
 * `--format codequality`: GitLab Code Quality JSON, checked against a JSON
 * Schema written from GitLab's documentation of the report ("Code Quality
 * report format": an array of issues with description, check_name,
 * fingerprint, severity one of info, minor, major, critical, blocker, and
 * location.path with location.lines.begin), and fingerprints that stay put
 * when lines are inserted above a finding.
 */
import {createRequire} from 'node:module'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {formatCodeQuality, type CodeQualityIssue} from '../../src/report/codequality.js'
import {formatResults} from '../../src/report/format.js'
import {fixtures, lint} from '../helpers.js'

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: {type: 'string', minLength: 1},
      check_name: {type: 'string', minLength: 1},
      fingerprint: {type: 'string', minLength: 1},
      severity: {enum: ['info', 'minor', 'major', 'critical', 'blocker']},
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: {type: 'string', minLength: 1, not: {pattern: '^(/|\\./)'}},
          lines: {
            type: 'object',
            required: ['begin'],
            properties: {begin: {type: 'integer', minimum: 1}, end: {type: 'integer', minimum: 1}},
          },
        },
      },
    },
  },
}

type AjvClass = new (options: object) => {compile(schema: unknown): {(data: unknown): boolean; errors?: unknown[] | null}}
const Ajv = (createRequire(import.meta.url)('ajv') as {default: AjvClass}).default
const validate = new Ajv({allErrors: true, strict: true}).compile(schema)

function issues(files: VFile[]): CodeQualityIssue[] {
  const report = JSON.parse(formatCodeQuality(files)) as CodeQualityIssue[]
  const valid = validate(report)
  expect(validate.errors ?? []).toEqual([])
  expect(valid).toBe(true)
  return report
}

const drifted = readFileSync(path.join(fixtures, 'standard', 'drifted.md'), 'utf8')

describe('codequality format', () => {
  it('validates against the documented shape, one issue per finding', () => {
    const file = lint(drifted, {preset: 'standard'}, 'docs/drifted.md')
    const report = issues([file])
    expect(report.length).toBe(file.messages.length)
    expect(report.length).toBeGreaterThan(3)
    expect(new Set(report.map((issue) => issue.fingerprint)).size).toBe(report.length)
    for (const issue of report) expect(issue.location.path).toBe('docs/drifted.md')
    expect(report.map((issue) => issue.check_name)).toContain('required-sections')
  })

  it('is what --format codequality prints, an empty array when all is well', async () => {
    expect(await formatResults('codequality', [new VFile({path: 'a.md'})])).toBe('[]')
    const file = lint(drifted, {preset: 'standard'}, 'docs/drifted.md')
    expect(await formatResults('codequality', [file])).toBe(formatCodeQuality([file]))
  })

  it('maps errors to major, warnings to minor, information to info', () => {
    const file = new VFile({path: 'a.md'})
    file.message('bad', {place: {line: 3, column: 1}, ruleId: 'heading-level'}).fatal = true
    file.message('draft', {place: {line: 4, column: 1}, ruleId: 'no-empty-sections'}).fatal = false
    file.info('auto', {place: {line: 1, column: 1}, ruleId: 'preset'})
    expect(issues([file]).map((issue) => [issue.check_name, issue.severity])).toEqual([
      ['preset', 'info'],
      ['heading-level', 'major'],
      ['no-empty-sections', 'minor'],
    ])
  })

  it('keeps each finding’s fingerprint when lines are inserted above it, while its line moves', () => {
    const before = issues([lint(drifted, {preset: 'standard'}, 'docs/drifted.md')])
    // Three lines of prose under the title: every finding after them moves down.
    const edited = drifted.replace(/^(# [^\n]*\n)/m, '$1\nA new paragraph,\nwritten over\nthree lines.\n')
    expect(edited).not.toBe(drifted)
    const after = issues([lint(edited, {preset: 'standard'}, 'docs/drifted.md')])
    const byFingerprint = new Map(after.map((issue) => [issue.fingerprint, issue]))
    let moved = 0
    for (const issue of before) {
      const same = byFingerprint.get(issue.fingerprint)
      expect(same, issue.description).toBeDefined()
      expect(same?.check_name).toBe(issue.check_name)
      if (same && same.location.lines.begin !== issue.location.lines.begin) moved++
    }
    expect(moved).toBeGreaterThan(0)
  })

  it('tells identical findings apart, and a finding in another file has another fingerprint', () => {
    const file = new VFile({path: 'a.md'})
    for (const line of [5, 9]) {
      const message = file.message('Section "## Notes" is empty', {place: {line, column: 1}, ruleId: 'no-empty-sections'})
      Object.assign(message, {fatal: true, messageId: 'empty', data: {heading: '## Notes'}})
    }
    const other = new VFile({path: 'b.md'})
    const message = other.message('Section "## Notes" is empty', {place: {line: 5, column: 1}, ruleId: 'no-empty-sections'})
    Object.assign(message, {fatal: true, messageId: 'empty', data: {heading: '## Notes'}})
    const report = issues([file, other])
    expect(new Set(report.map((issue) => issue.fingerprint)).size).toBe(3)
  })

  it('gives the span’s last line when a finding covers several', () => {
    const file = new VFile({path: 'a.md'})
    file.message('x', {place: {start: {line: 2, column: 1}, end: {line: 4, column: 3}}, ruleId: 'table-columns'}).fatal = true
    expect(issues([file])[0].location.lines).toEqual({begin: 2, end: 4})
  })
})
