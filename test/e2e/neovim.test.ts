/**
 * designlint-language-server in a real Neovim (issue 12, part 9): headless
 * Neovim with its built-in LSP client runs test/e2e/neovim/lsp-session.lua,
 * which attaches the server to a buffer of a broken design doc (itself, or
 * through the README's Neovim config loaded as the user's init.lua), waits for the
 * diagnostics, applies the quick fixes of a misspelt heading and a misspelt
 * status and waits for the re-lint; the script writes what it saw as JSON and
 * this test checks it, and the file Neovim saved;
 * the server shut down cleanly.
 *
 * Skipped when `nvim` is not on PATH, unless DESIGNLINT_REQUIRE_NEOVIM=1 (CI,
 * which installs Debian's neovim): then a missing Neovim is a failure.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixtures, root} from '../helpers.js'

/** A diagnostic as the Lua script records it from vim.diagnostic.get (0-based lines, byte columns). */
interface NeovimDiagnostic {
  code: string
  source: string
  message: string
  severity: number
  lnum: number
  col: number
  end_lnum: number
  end_col: number
}

/** One quick fix the script asked for and applied. */
interface FixStep {
  code: string
  actions?: string[]
  applied?: string
  line_after_edit?: string
  relinted?: boolean
  diagnostics?: NeovimDiagnostic[]
  error?: string
}

/** What the Lua script writes to DESIGNLINT_NVIM_OUT. */
interface Observations {
  version: {major: number; minor: number; patch: number}
  attached: boolean
  initialized: boolean
  diagnosed: boolean
  diagnostics: NeovimDiagnostic[]
  steps: FixStep[]
  final_diagnostics: NeovimDiagnostic[]
  attached_by: 'script' | 'config'
  filetype: string
  stopped: boolean
  error?: string
}

/** The first line of `nvim --version`, or undefined when there is no nvim to run. */
function neovimVersion(): string | undefined {
  const result = spawnSync('nvim', ['--version'], {encoding: 'utf8', timeout: 10_000})
  if (result.error || result.status !== 0) return undefined
  return result.stdout.split('\n')[0]
}

const version = neovimVersion()
const required = process.env.DESIGNLINT_REQUIRE_NEOVIM === '1'
const script = path.join(root, 'test', 'e2e', 'neovim', 'lsp-session.lua')
const server = path.join(root, 'dist', 'bundle', 'language-server.js')
const valid = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
const broken = valid.replace('**Status**: Approved', '**Status**: Aproved').replace('### Rollback Strategy\n', '### Rollback Stratgy\n')

/** The README's Neovim config: the first Lua block after "**Neovim**". */
function readmeNeovimConfig(): string {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  const block = /\*\*Neovim\*\*[\s\S]*?```lua\n([\s\S]*?)```/.exec(readme)
  if (!block) throw new Error('README.md has no Lua block after **Neovim**')
  return block[1]
}

/**
 * Run the Lua session on a fresh workspace: with `script`, the session starts
 * and attaches the client itself (node and the bundle by path); with
 * `config`, Neovim loads the README's config with -u and it does (through
 * `npx --no-install`, from the workspace's node_modules, where designlint is
 * a link to this checkout). Its observations, and the document as Neovim saved it.
 */
function runSession(attach: 'script' | 'config'): {observations: Observations; saved: string} {
  const dir = mkdtempSync(path.join(tmpdir(), 'designlint-nvim-'))
  const doc = path.join(dir, 'design.md')
  const out = path.join(dir, 'observations.json')
  writeFileSync(path.join(dir, '.designlintrc.json'), JSON.stringify({preset: 'standard'}))
  writeFileSync(doc, broken)
  let init = 'NONE'
  if (attach === 'config') {
    init = path.join(dir, 'init.lua')
    writeFileSync(init, readmeNeovimConfig())
    mkdirSync(path.join(dir, 'node_modules', '.bin'), {recursive: true})
    symlinkSync(root, path.join(dir, 'node_modules', 'designlint'), 'dir')
    symlinkSync(
      path.join('..', 'designlint', 'dist', 'bundle', 'language-server.js'),
      path.join(dir, 'node_modules', '.bin', 'designlint-language-server'),
    )
  }
  const result = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${script}`], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      // Neovim's LSP log and state go to the temp folder, not the user's.
      XDG_CACHE_HOME: path.join(dir, 'cache'),
      XDG_STATE_HOME: path.join(dir, 'state'),
      XDG_DATA_HOME: path.join(dir, 'data'),
      XDG_CONFIG_HOME: path.join(dir, 'config'),
      DESIGNLINT_NVIM_OUT: out,
      DESIGNLINT_NVIM_DOC: doc,
      DESIGNLINT_NVIM_ROOT: dir,
      DESIGNLINT_NVIM_NODE: process.execPath,
      DESIGNLINT_NVIM_SERVER: server,
      DESIGNLINT_NVIM_WAIT_MS: '20000',
      DESIGNLINT_NVIM_ATTACH: attach,
    },
  })
  if (result.error) throw new Error(`nvim did not finish: ${result.error.message}\n${result.stderr}`)
  let text: string
  try {
    text = readFileSync(out, 'utf8')
  } catch {
    throw new Error(`nvim wrote no observations (exit ${result.status}):\n${result.stdout}\n${result.stderr}`)
  }
  return {observations: JSON.parse(text) as Observations, saved: readFileSync(doc, 'utf8')}
}

describe('Neovim end to end', () => {
  it.runIf(required && !version)('Neovim is installed (DESIGNLINT_REQUIRE_NEOVIM=1)', () => {
    expect.fail("DESIGNLINT_REQUIRE_NEOVIM=1 but there is no nvim on PATH: install Debian's neovim")
  })

  it.skipIf(!version).each(['script', 'config'] as const)(
    `${version ?? 'nvim (absent)'}, the client attached by the %s: diagnostics with rule codes, a quick fix applied, the buffer re-linted`,
    (attach) => {
      const {observations, saved} = runSession(attach)
      expect(observations.error).toBeUndefined()
      expect(observations).toMatchObject({attached_by: attach, attached: true, initialized: true, diagnosed: true, filetype: 'markdown'})

      // The diagnostics of the opened buffer carry the rule ids as codes, at the misspelt words.
      const lines = broken.split('\n')
      expect(
        observations.diagnostics.map(({code, source, severity, lnum, col, end_col}) => ({code, source, severity, lnum, col, end_col})),
      ).toEqual([
        {code: 'required-sections', source: 'designlint', severity: 1, lnum: lines.indexOf('### Rollback Stratgy'), col: 4, end_col: 20},
        {code: 'field-values', source: 'designlint', severity: 1, lnum: lines.indexOf('**Status**: Aproved'), col: 12, end_col: 19},
      ])

      // The heading's quick fix: applied to the buffer, after which the server linted the changed buffer
      // and published again — without the heading's diagnostic, still with the status's.
      const [heading, status] = observations.steps
      expect(heading).toMatchObject({
        code: 'required-sections',
        actions: ['Replace `Rollback Stratgy` with `Rollback Strategy`'],
        applied: 'Replace `Rollback Stratgy` with `Rollback Strategy`',
        line_after_edit: '### Rollback Strategy',
        relinted: true,
      })
      expect(heading.diagnostics?.map((diagnostic) => diagnostic.code)).toEqual(['field-values'])

      // The status's quick fix: then nothing is left.
      expect(status).toMatchObject({
        code: 'field-values',
        applied: 'Replace `Aproved` with `Approved`',
        line_after_edit: '**Status**: Approved',
        relinted: true,
        diagnostics: [],
      })
      expect(observations.final_diagnostics).toEqual([])
      // What Neovim saved is the valid document, byte for byte; the server stopped when asked.
      expect(saved).toBe(valid)
      expect(observations.stopped).toBe(true)
    },
    90_000,
  )
})
