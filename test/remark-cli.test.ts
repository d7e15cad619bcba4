/**
 * remark-cli as a real process runs designlint from `.remarkrc.json`, beside
 * another remark-lint rule, with the same findings as designlint's own CLI.
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixtures, root} from './helpers.js'

const cases = ['integration/near-miss.md', 'integration/unnumbered.md', 'integration/choices-and-empty.md', 'standard/valid.md']

/** `line:column-line:column severity rule-id` of designlint's findings in vfile-reporter output. */
function designlintFindings(output: string): string[] {
  return output
    .split('\n')
    .map((line) => /^\s*(\d+:\d+(?:-\d+:\d+)?)\s+(error|warning|info)\s+.*?\s([a-z-]+)\s+designlint\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => `${match[1]} ${match[2]} ${match[3]}`)
}

describe('remark-cli with designlint in .remarkrc.json', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'designlint-remark-'))
  mkdirSync(path.join(dir, 'node_modules'))
  symlinkSync(root, path.join(dir, 'node_modules', 'designlint'), 'dir')
  for (const name of ['remark-lint', 'remark-lint-final-newline']) {
    symlinkSync(path.join(root, 'node_modules', name), path.join(dir, 'node_modules', name), 'dir')
  }
  const remarkrc = {plugins: ['remark-lint', 'remark-lint-final-newline', ['designlint', {preset: 'standard'}]]}
  writeFileSync(path.join(dir, '.remarkrc.json'), JSON.stringify(remarkrc))

  for (const name of cases) {
    it(`same findings as designlint's CLI: ${name}`, () => {
      const file = path.basename(path.dirname(name)) + '-' + path.basename(name)
      copyFileSync(path.join(fixtures, name), path.join(dir, file))
      const remark = spawnSync(
        process.execPath,
        [path.join(root, 'node_modules', 'remark-cli', 'cli.js'), '--no-stdout', '--no-color', file],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      )
      const ours = spawnSync(process.execPath, [path.join(root, 'dist', 'bundle', 'cli.js'), '--no-color', '--preset', 'standard', file], {
        cwd: dir,
        encoding: 'utf8',
      })
      expect(remark.stderr).not.toMatch(/Cannot (?:find|parse)|Error:/)
      const fromRemark = designlintFindings(remark.stderr)
      expect(fromRemark).toEqual(designlintFindings(ours.stdout))
      if (name.endsWith('valid.md')) expect(fromRemark).toEqual([])
      else expect(fromRemark.length).toBeGreaterThan(0)
    }, 30_000)
  }
})
