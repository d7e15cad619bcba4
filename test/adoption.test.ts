/**
 * Where people use it: the pre-commit hook (entry and a real pre-commit run),
 * the GitHub action's script, a baseline for existing documents, and
 * --changed-since for pull requests.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {fixtures, root} from './helpers.js'

const cli = path.join(root, 'dist', 'bundle', 'cli.js')
const valid = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
const broken = valid.replace('### Rollback Strategy', '### Rollback Stratgy')
const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [cli, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...env}})

function project(files: Record<string, string>, gitRepo = false): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'designlint-adopt-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  if (gitRepo) {
    const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, stdio: 'ignore'})
    git('init', '-q', '-b', 'main')
    git('config', 'user.email', 'test@example.com')
    git('config', 'user.name', 'Test')
    git('add', '-A')
    git('commit', '-qm', 'base')
  }
  return dir
}

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0

describe('pre-commit', () => {
  const manifest = parseYaml(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>

  it('declares the designlint hook for Markdown files, passing file names', () => {
    expect(manifest).toEqual([
      expect.objectContaining({id: 'designlint', entry: 'designlint', language: 'node', files: '\\.(md|markdown)$'}),
    ])
    expect(manifest[0].pass_filenames).not.toBe(false)
  })

  it('its entry checks exactly the file names it is given', () => {
    const dir = project({'a.md': valid, 'b.md': broken, 'c.md': broken, '.designlintrc.json': '{"preset": "standard"}'})
    const result = run(['a.md', 'b.md'], dir)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('b.md')
    expect(result.stdout).not.toContain('c.md')
  })

  it.skipIf(!hasPreCommit)(
    'a real pre-commit run checks only the staged documents',
    () => {
      const dir = project({'a.md': valid, '.designlintrc.json': '{"preset": "standard"}'}, true)
      writeFileSync(
        path.join(dir, '.pre-commit-config.yaml'),
        `repos:\n  - repo: local\n    hooks:\n      - id: designlint\n        name: designlint\n        entry: ${JSON.stringify(process.execPath + ' ' + cli)}\n        language: system\n        files: ${JSON.stringify(String(manifest[0].files))}\n`,
      )
      writeFileSync(path.join(dir, 'staged.md'), broken)
      writeFileSync(path.join(dir, 'unstaged.md'), broken)
      execFileSync('git', ['add', 'staged.md', '.pre-commit-config.yaml'], {cwd: dir})
      const env = {...process.env, PRE_COMMIT_HOME: path.join(dir, '.cache-pre-commit'), NO_COLOR: '1'}
      const result = spawnSync('pre-commit', ['run'], {cwd: dir, encoding: 'utf8', env})
      expect(result.status).toBe(1)
      expect(result.stdout).toContain('staged.md')
      expect(result.stdout).toContain('Rollback Stratgy')
      expect(result.stdout).not.toContain('unstaged.md')
      const manifestCheck = spawnSync('pre-commit', ['validate-manifest', path.join(root, '.pre-commit-hooks.yaml')], {
        encoding: 'utf8',
        env,
      })
      expect(manifestCheck.status).toBe(0)
    },
    120_000,
  )
})

describe('GitHub action', () => {
  it('is a composite action that installs designlint and runs its check script', () => {
    const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
      runs: {using: string; steps: Array<{run: string}>}
      inputs: Record<string, unknown>
    }
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs)).toEqual(['paths', 'preset', 'changed-since', 'baseline', 'args'])
    expect(action.runs.steps.map((step) => step.run)).toEqual([
      'npm ci --prefix "$GITHUB_ACTION_PATH" --no-audit --no-fund >&2',
      'bash "$GITHUB_ACTION_PATH/.github-action/run.sh"',
    ])
  })

  it('its script writes annotations and a job summary, and fails on errors', () => {
    const summary = path.join(mkdtempSync(path.join(tmpdir(), 'designlint-summary-')), 'summary.md')
    writeFileSync(summary, '')
    const result = spawnSync('bash', [path.join(root, '.github-action', 'run.sh')], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        GITHUB_ACTION_PATH: root,
        GITHUB_STEP_SUMMARY: summary,
        DESIGNLINT_PATHS: 'examples/flagship-evaluation.md examples/rate-limiter.md',
      },
    })
    expect(result.status).toBe(1)
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^::error file=examples\/flagship-evaluation\.md,line=60,endLine=60,col=5,endColumn=31,title=designlint required-sections::Section/,
      ),
      expect.stringMatching(/^::error file=examples\/flagship-evaluation\.md,line=117,/),
    ])
    expect(readFileSync(summary, 'utf8')).toMatch(/^### designlint: 2 errors, 0 warnings\n/)
  })
})

describe('--baseline', () => {
  it("records today's findings, then reports only new ones", () => {
    const dir = project({'old.md': broken, '.designlintrc.json': '{"preset": "standard"}'})
    const first = run(['--baseline', 'designlint-baseline.json', 'old.md'], dir)
    expect(first.status).toBe(0)
    expect(first.stderr).toBe(
      'designlint: no baseline at designlint-baseline.json yet: recorded 1 findings in it; from now on only new ones are reported\n',
    )
    const baseline = JSON.parse(readFileSync(path.join(dir, 'designlint-baseline.json'), 'utf8'))
    expect(baseline.findings).toEqual([expect.objectContaining({file: 'old.md', ruleId: 'required-sections', count: 1})])

    const again = run(['--baseline', 'designlint-baseline.json', 'old.md'], dir)
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('old.md: no issues found')
    expect(again.stderr).toBe('designlint: 1 findings recorded in designlint-baseline.json not shown\n')

    // Lines moved by an edit above do not matter; a new finding does.
    writeFileSync(path.join(dir, 'old.md'), '\n\n' + broken.replace('### Data Migration', '### Data Migraton'))
    const later = run(['--baseline', 'designlint-baseline.json', '--format', 'json', 'old.md'], dir)
    expect(later.status).toBe(1)
    expect(JSON.parse(later.stdout)[0].messages.map((message: {reason: string}) => message.reason)).toEqual([
      expect.stringContaining('"### Data Migraton"'),
    ])

    expect(run(['--baseline', 'designlint-baseline.json', '--update-baseline', 'old.md'], dir).status).toBe(0)
    expect(run(['--baseline', 'designlint-baseline.json', 'old.md'], dir).status).toBe(0)
  })

  it('rejects a file that is not a baseline', () => {
    const dir = project({'a.md': valid, 'bad.json': '{"hello": 1}'})
    const result = run(['--preset', 'standard', '--baseline', 'bad.json', 'a.md'], dir)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/^designlint: .*bad\.json is not a designlint baseline/)
  })
})

describe('--changed-since', () => {
  it('lints only documents changed against the ref, committed or not, and new ones', () => {
    const dir = project({'a.md': broken, 'b.md': broken, 'c.md': broken, '.designlintrc.json': '{"preset": "standard"}'}, true)
    execFileSync('git', ['checkout', '-qb', 'feature'], {cwd: dir})
    writeFileSync(path.join(dir, 'a.md'), broken + '\nMore.\n')
    execFileSync('git', ['commit', '-qam', 'edit a'], {cwd: dir})
    writeFileSync(path.join(dir, 'b.md'), broken + '\nUncommitted.\n')
    writeFileSync(path.join(dir, 'd.md'), broken)
    const result = run(['--changed-since', 'main', '--format', 'json'], dir)
    const files = (JSON.parse(result.stdout) as Array<{path: string}>).map((file) => file.path)
    expect(files).toEqual(['a.md', 'b.md', 'd.md'])
    expect(result.status).toBe(1)
  })

  it('says so when the ref is unknown', () => {
    const dir = project({'a.md': valid}, true)
    const result = run(['--changed-since', 'no-such-ref', '--preset', 'standard'], dir)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/^designlint: git diff failed: fatal: /)
  })
})
