/**
 * Small things users expect of the commands (issue 12, part 9), as spawned
 * processes of the bundle: every command's --help, each ending with a
 * newline; `new` takes the Author from git config user.name; `new -o`
 * creates the folders of the new document.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {root, runCli} from '../helpers.js'

/** The bundle's CLI in a folder, with an environment of its own on top of this process's. */
const run = (args: string[], cwd: string, env: Record<string, string> = {}) => runCli(args, {cwd, env})

const emptyFolder = () => mkdtempSync(path.join(tmpdir(), 'designlint-commands-'))

/** A git configuration of its own (global and no system one), so the user's own name does not leak in. */
function gitEnvironment(name: string | undefined): Record<string, string> {
  const config = path.join(emptyFolder(), 'gitconfig')
  writeFileSync(config, name === undefined ? '' : `[user]\n\tname = ${name}\n`)
  return {GIT_CONFIG_GLOBAL: config, GIT_CONFIG_NOSYSTEM: '1'}
}

describe('--help', () => {
  it('the general help ends with a newline', () => {
    const result = run(['--help'], emptyFolder())
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Usage: designlint \[options\] \[paths\|globs\.\.\.\]\n[\s\S]*\(the next block only\)\.\n$/)
  })

  it.each([
    [['presets', '--help'], 'Usage: designlint presets\n'],
    [['preset', 'show', '--help'], 'Usage: designlint preset show <name|path> [--format json]\n'],
    [['preset', '--help'], 'Usage: designlint preset show <name|path> [--format json]\n'],
    [['init', '--help'], 'Usage: designlint init [--preset <name|path>] [--force]\n'],
    [['new', '--help'], 'Usage: designlint new --preset <name|path> [--title "…"] [-o file] [--force]\n'],
    [['new', '-h'], 'Usage: designlint new --preset <name|path> [--title "…"] [-o file] [--force]\n'],
  ])("%j prints that command's usage, and ends with a newline", (args, usage) => {
    const result = run(args, emptyFolder())
    expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''})
    expect(result.stdout.startsWith(usage)).toBe(true)
    expect(result.stdout).toMatch(/[^\n]\n$/)
  })

  it('where a folder has the name of a command, --help says so and is the general help', () => {
    const result = run(['presets', '--help'], root)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('linting ./presets, not running the "presets" command')
    expect(result.stdout).toMatch(/^Usage: designlint \[options\]/)
  })
})

describe('new', () => {
  it('fills the Author field from git config user.name', () => {
    const dir = emptyFolder()
    const result = run(['new', '--preset', 'production', '-o', 'design.md'], dir, gitEnvironment('Ada Lovelace'))
    expect(result.code).toBe(0)
    expect(readFileSync(path.join(dir, 'design.md'), 'utf8')).toContain('- **Author:** Ada Lovelace\n')
  })

  it('without a git user name, the Author field keeps its placeholder', () => {
    const result = run(['new', '--preset', 'production'], emptyFolder(), gitEnvironment(undefined))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('- **Author:** <Name>\n')
  })

  it('without git at all, too', () => {
    const result = run(['new', '--preset', 'production'], emptyFolder(), {PATH: path.dirname(process.execPath) + '/no-such-folder'})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('- **Author:** <Name>\n')
  })

  it('-o creates the missing folders of the new document', () => {
    const dir = emptyFolder()
    const result = run(['new', '--preset', 'standard', '-o', 'docs/design/0001-queues.md'], dir, gitEnvironment('Ada Lovelace'))
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: 'designlint: wrote docs/design/0001-queues.md from standard; fill it in, then run designlint on it\n',
    })
    expect(readFileSync(path.join(dir, 'docs', 'design', '0001-queues.md'), 'utf8')).toContain('**Author**: Ada Lovelace')
  })
})
