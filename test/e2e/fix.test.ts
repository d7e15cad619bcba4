/**
 * `--fix` and `--fix-dry-run` (issue 12, part 9) as spawned processes of the
 * bundle, on every broken fixture: what is left needs an author's words, no
 * line the author wrote is lost, a second run changes nothing, a dry run
 * writes nothing, and "-" writes the fixed document to standard output.
 */
import {copyFileSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {certainFixes} from '../../src/fix/edits.js'
import {fixtures, runCli} from '../helpers.js'

const run = (args: string[], cwd: string, input?: string) => runCli(args, {cwd, input})

/** The broken fixtures: each preset's drifted.md and the integration ones. */
const broken = [
  ...readdirSync(fixtures)
    .filter((name) => name !== 'integration')
    .map((name) => `${name}/drifted.md`),
  ...readdirSync(path.join(fixtures, 'integration')).map((name) => `integration/${name}`),
]

/** The lines the author wrote: neither headings (a fix may rename one) nor blank. */
function authorLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '' && !/^ {0,3}#{1,6}(?:\s|$)/.test(line))
}

/** Whether every line of `before` is in `after`, as often (a multiset inclusion). */
function missingLines(before: string[], after: string[]): string[] {
  const counts = new Map<string, number>()
  for (const line of after) counts.set(line, (counts.get(line) ?? 0) + 1)
  const missing: string[] = []
  for (const line of before) {
    const count = counts.get(line) ?? 0
    if (count === 0) missing.push(line)
    else counts.set(line, count - 1)
  }
  return missing
}

interface JsonResult {
  messages: Array<{ruleId?: string; messageId?: string; expected?: string[]; actual?: string}>
}

function copyOf(fixture: string): {dir: string; file: string} {
  const dir = mkdtempSync(path.join(tmpdir(), 'designlint-fix-'))
  const file = path.join(dir, path.basename(fixture))
  copyFileSync(path.join(fixtures, fixture), file)
  return {dir, file}
}

describe('--fix', () => {
  it.each(broken)('%s: leaves only what needs the author, keeps every line, and is idempotent', (fixture) => {
    const {dir, file} = copyOf(fixture)
    const name = path.basename(file)
    const before = readFileSync(file, 'utf8')

    const [found] = JSON.parse(run(['--format', 'json', name], dir).stdout) as JsonResult[]
    const first = run(['--fix', '--format', 'json', name], dir)
    expect(first.stderr).toMatch(/designlint: fixed \d+ findings in [01] files\n$/)
    const after = readFileSync(file, 'utf8')
    // A line of the author's may change only by a typo fix of a value (a status, a choice cell): its `actual` for its `expected`.
    const typoFixes = found.messages.filter(
      (message) => /-values$/.test(message.ruleId ?? '') && message.expected?.length === 1 && message.actual !== undefined,
    )
    const fixedLine = (line: string) => typoFixes.reduce((text, message) => text.replace(message.actual!, message.expected![0]), line)
    expect(missingLines(authorLines(before).map(fixedLine), authorLines(after))).toEqual([])
    const [result] = JSON.parse(first.stdout) as JsonResult[]
    const certainLeft = result.messages.filter(
      (message) => certainFixes.has(`${message.ruleId}:${message.messageId}`) && message.expected?.length === 1,
    )
    expect(certainLeft).toEqual([])

    const second = run(['--fix', '--format', 'json', name], dir)
    expect(second.stderr).toBe('designlint: fixed 0 findings in 0 files\n')
    expect(readFileSync(file, 'utf8')).toBe(after)
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout))
    // No temporary file of the atomic write is left beside it.
    expect(readdirSync(dir)).toEqual([name])
  })

  it('fixes the certain findings of the standard drift: the heading, its level, the missing section', () => {
    const {dir, file} = copyOf('standard/drifted.md')
    const result = run(['--fix', path.basename(file)], dir)
    const after = readFileSync(file, 'utf8')
    expect(after).toContain('\n### Data Model\n')
    expect(after).not.toMatch(/^### Data Modle$/m)
    expect(after).toContain('\n### Threat Model\n')
    expect(after).toContain('\n### Rollback Strategy\n\n[How to rollback if issues occur]\n\n### Monitoring\n')
    // The inserted instruction text is a placeholder: the document still needs its author.
    expect(result.stdout).toMatch(/Placeholder "\[How to rollback if issues occur\]"/)
    expect(result.code).toBe(1)
  })

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const {dir, file} = copyOf('standard/drifted.md')
    const before = readFileSync(file, 'utf8')
    const result = run(['--fix-dry-run', 'drifted.md'], dir)
    expect(readFileSync(file, 'utf8')).toBe(before)
    expect(readdirSync(dir)).toEqual(['drifted.md'])
    expect(result.stdout.startsWith('--- a/drifted.md\n+++ b/drifted.md\n@@ -')).toBe(true)
    expect(result.stdout).toContain('\n-### Data Modle\n+### Data Model\n')
    expect(result.stdout).toContain('\n+### Rollback Strategy\n')
    expect(result.stderr).toMatch(/designlint: would fix 3 findings in 1 files\n$/)
  })

  it('with "-" writes the fixed document to standard output, the report to standard error', () => {
    const {dir, file} = copyOf('standard/drifted.md')
    const before = readFileSync(file, 'utf8')
    const piped = run(['--fix', '-', '--stdin-filename', 'drifted.md'], dir, before)
    run(['--fix', 'drifted.md'], dir)
    expect(piped.stdout).toBe(readFileSync(file, 'utf8'))
    expect(piped.stderr).toContain('no-placeholders')
  })

  it('--fix with --fix-dry-run is a usage error', () => {
    const {dir} = copyOf('standard/drifted.md')
    const result = run(['--fix', '--fix-dry-run', 'drifted.md'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--fix does nothing with --fix-dry-run/)
  })
})
