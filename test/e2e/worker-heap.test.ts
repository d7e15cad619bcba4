/**
 * Worker threads run with a bounded heap (src/run/pool.ts `workerHeap`); a
 * document too big for it is checked again in the main thread. The findings
 * of a run with threads are those of a run in one thread, big document
 * included, and nothing is reported as a crash.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {expect, it} from 'vitest'
import {fixtures, root} from '../helpers.js'

const cli = path.join(root, 'dist', 'bundle', 'cli.js')

/** A 3 MB design document: the standard template's sections, then thousands of paragraphs, lists and a placeholder. */
function bigDocument(): string {
  const valid = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
  const filler: string[] = []
  for (let index = 0; index < 30_000; index++) {
    filler.push(`Paragraph ${index} has *emphasis*, a [link](https://example.com/${index}) and \`code\`.\n\n- item a\n- item b\n`)
  }
  return `${valid}\n${filler.join('\n')}\nOwner: [Name]\n`
}

it('a document too big for a worker heap is checked in the main thread, with the findings of a one-thread run', {timeout: 180_000}, () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'designlint-heap-'))
  const valid = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
  writeFileSync(path.join(folder, 'big.md'), bigDocument())
  for (const name of ['a.md', 'b.md', 'c.md']) writeFileSync(path.join(folder, name), valid)
  const run = (workers: string) =>
    spawnSync(process.execPath, [cli, '--preset', 'standard', '--format', 'json', '--workers', workers, '.'], {
      cwd: folder,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    })
  const threads = run('2')
  const one = run('0')
  expect(threads.stderr).toBe('')
  expect(threads.status).toBe(1)
  const findings = (stdout: string) =>
    (JSON.parse(stdout) as Array<{path: string; messages: Array<{ruleId: string; line: number; column: number; reason: string}>}>).map(
      (file) => [file.path, file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)],
    )
  const withThreads = findings(threads.stdout)
  expect(withThreads).toEqual(findings(one.stdout))
  expect(JSON.stringify(withThreads)).not.toContain('crash')
  expect(JSON.stringify(withThreads)).toContain('[Name]')
})
