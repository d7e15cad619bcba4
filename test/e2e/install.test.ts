/**
 * designlint as users install it (issue 12, part 9), each from a copy of this
 * worktree committed in a temporary repository, as a clone at a commit is
 * what users get:
 *
 * - a real pre-commit run with the README's config (`repo:` that clone's
 *   repository, `rev:` its commit, `language_version: system`) installs the
 *   `language: node` hook and checks the staged documents;
 * - the GitHub composite action's install step, as action.yml writes it, in
 *   a clone; then its check step;
 * - `npm pack` in that clone prints only the tarball's name (pre-commit
 *   reads it from stdout), and `npm exec --package <tgz> designlint` runs the
 *   packed bin in a fresh folder.
 *
 * Each is skipped when its tool (pre-commit, npm, git) is absent. They
 * install designlint's dependencies from the registry (the npm cache helps),
 * so they take a minute or more each.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {fixtures, root} from '../helpers.js'

const valid = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
const broken = valid.replace('### Rollback Strategy', '### Rollback Stratgy')
const installTimeout = 300_000

/** The tool answers `--version`. */
function has(command: string): boolean {
  return spawnSync(command, ['--version'], {stdio: 'ignore'}).status === 0
}
const hasGit = has('git')
const hasNpm = has('npm')
const hasPreCommit = has('pre-commit')

const temporaryFolder = (name: string) => mkdtempSync(path.join(tmpdir(), `designlint-${name}-`))

/**
 * The environment for npm and pre-commit: this process's, without the npm_*
 * variables an enclosing `npm test` sets (npm_config_local_prefix and the
 * like would point npm at this worktree), but with the npm cache and registry
 * it was given.
 */
function cleanEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  const kept = ['npm_config_cache', 'npm_config_registry']
  const environment: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue
    if (/^npm_/i.test(name) && !kept.includes(name.toLowerCase())) continue
    environment[name] = value
  }
  return {...environment, NO_COLOR: '1', FORCE_COLOR: '0', ...extra}
}

/** Run a command; its exit code and output, and how long it took. */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = cleanEnvironment()) {
  const started = performance.now()
  const result = spawnSync(command, args, {cwd, encoding: 'utf8', env, timeout: installTimeout})
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    error: result.error,
    seconds: (performance.now() - started) / 1000,
  }
}

/** git with a fixed identity, quiet, throwing when it fails. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {cwd, encoding: 'utf8'})
}

let snapshot: {repository: string; commit: string} | undefined

/**
 * A git repository holding this worktree's files as they are now (tracked,
 * and new ones git does not ignore) in one commit, made once per file: what
 * is tested is the working tree, committed or not.
 */
function snapshotRepository(): {repository: string; commit: string} {
  if (snapshot) return snapshot
  const repository = temporaryFolder('snapshot')
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {cwd: root, encoding: 'utf8'})
  for (const file of listed.split('\0')) {
    if (file === '' || /^(node_modules|dist)(\/|$)/.test(file)) continue
    const from = path.join(root, file)
    // A tracked file deleted in the worktree is listed, but not there.
    if (!existsSync(from) || !lstatSync(from).isFile()) continue
    mkdirSync(path.dirname(path.join(repository, file)), {recursive: true})
    copyFileSync(from, path.join(repository, file))
  }
  git(repository, 'init', '-q', '-b', 'main')
  git(repository, 'add', '-A')
  git(repository, 'commit', '-q', '-m', 'snapshot of the worktree under test')
  snapshot = {repository, commit: git(repository, 'rev-parse', 'HEAD').trim()}
  return snapshot
}

/** The README's pre-commit config, with `repo:` and `rev:` set to a repository and commit. */
function readmePreCommitConfig(repository: string, commit: string): string {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  const block = /```yaml\n(# \.pre-commit-config\.yaml\n[\s\S]*?)```/.exec(readme)
  if (!block) throw new Error('README.md has no ```yaml block starting "# .pre-commit-config.yaml"')
  const config = block[1].replace(/^( {2}- repo: ).*$/m, `$1${repository}`).replace(/^( {4}rev: ).*$/m, `$1${commit}`)
  expect(config).toContain(`repo: ${repository}\n`)
  expect(config).toContain(`rev: ${commit}\n`)
  return config
}

describe('pre-commit, as users install the hook', () => {
  it.skipIf(!hasPreCommit || !hasGit || !hasNpm)(
    "installs the language: node hook from a clone at a commit with the README's config, and checks the staged documents",
    () => {
      const {repository, commit} = snapshotRepository()
      const config = readmePreCommitConfig(repository, commit)
      expect(parseYaml(config)).toEqual({
        repos: [{repo: repository, rev: commit, hooks: [{id: 'designlint', language_version: 'system'}]}],
      })
      const project = temporaryFolder('pre-commit')
      git(project, 'init', '-q', '-b', 'main')
      writeFileSync(path.join(project, '.pre-commit-config.yaml'), config)
      writeFileSync(path.join(project, '.designlintrc.json'), '{"preset": "standard"}\n')
      writeFileSync(path.join(project, 'design.md'), broken)
      writeFileSync(path.join(project, 'unstaged.md'), broken)
      git(project, 'add', '.pre-commit-config.yaml', '.designlintrc.json', 'design.md')
      const env = cleanEnvironment({PRE_COMMIT_HOME: temporaryFolder('pre-commit-home')})

      const first = run('pre-commit', ['run'], project, env)
      console.log(`pre-commit: installed the hook environment and ran it in ${first.seconds.toFixed(1)} s`)
      expect(first.error).toBeUndefined()
      expect(first.stdout).toContain('Installing environment for')
      expect(first.stdout).toMatch(/^designlint\.+Failed$/m)
      expect(first.stdout).toContain('design.md')
      expect(first.stdout).toContain('Section "### Rollback Stratgy" does not match')
      expect(first.stdout).not.toContain('unstaged.md')
      expect(first.code).toBe(1)

      writeFileSync(path.join(project, 'design.md'), valid)
      git(project, 'add', 'design.md')
      const second = run('pre-commit', ['run'], project, env)
      expect(second.stdout).not.toContain('Installing environment for')
      expect(second.stdout).toMatch(/^designlint\.+Passed$/m)
      expect({code: second.code, stderr: second.stderr}).toEqual({code: 0, stderr: ''})
    },
    installTimeout * 2,
  )

  it.skipIf(!hasPreCommit)('.pre-commit-hooks.yaml is a valid manifest', () => {
    const result = run('pre-commit', ['validate-manifest', path.join(root, '.pre-commit-hooks.yaml')], root)
    expect({code: result.code, stdout: result.stdout, stderr: result.stderr}).toEqual({code: 0, stdout: '', stderr: ''})
  })
})

describe.skipIf(!hasGit || !hasNpm)('a clone of the repository: the action, npm pack, npm exec', () => {
  let clone = ''
  let installed: ReturnType<typeof run> | undefined
  const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
    runs: {steps: Array<{name: string; run: string; env?: Record<string, string>}>}
  }
  const step = (name: string) => {
    const found = action.runs.steps.find((candidate) => candidate.name === name)
    if (!found) throw new Error(`action.yml has no step "${name}"`)
    return found
  }

  beforeAll(() => {
    const {repository, commit} = snapshotRepository()
    clone = path.join(temporaryFolder('action'), 'designlint')
    execFileSync('git', ['clone', '-q', repository, clone])
    expect(git(clone, 'rev-parse', 'HEAD').trim()).toBe(commit)
    // The action's install step as action.yml writes it, run by bash as the runner does, from the workspace.
    installed = run(
      'bash',
      ['-e', '-c', step('Install designlint').run],
      temporaryFolder('workspace'),
      cleanEnvironment({GITHUB_ACTION_PATH: clone}),
    )
  }, installTimeout)

  it("the action's install step, as action.yml writes it, installs and builds designlint in the clone", () => {
    expect({code: installed?.code, stderr: installed?.stderr}).toEqual({code: 0, stderr: expect.any(String)})
    expect(existsSync(path.join(clone, 'dist', 'bundle', 'cli.js'))).toBe(true)
  })

  it("then the action's check step annotates a drifted document and fails", () => {
    const workspace = temporaryFolder('workspace')
    writeFileSync(path.join(workspace, 'design.md'), broken)
    writeFileSync(path.join(workspace, 'summary.md'), '')
    const check = step('Check documents')
    expect(check.run).toBe('bash "$GITHUB_ACTION_PATH/.github-action/run.sh"')
    const result = run(
      'bash',
      ['-c', check.run],
      workspace,
      cleanEnvironment({
        GITHUB_ACTION_PATH: clone,
        GITHUB_STEP_SUMMARY: path.join(workspace, 'summary.md'),
        DESIGNLINT_PATHS: 'design.md',
        DESIGNLINT_PRESET: 'standard',
      }),
    )
    expect(result.stdout).toMatch(/^::error file=design\.md,line=\d+,.*title=designlint required-sections::Section "### Rollback Stratgy"/m)
    expect(result.code).toBe(1)
    expect(readFileSync(path.join(workspace, 'summary.md'), 'utf8')).toMatch(/^### designlint: 1 errors?, 0 warnings\n/)
  })

  it(
    "npm pack prints only the tarball's name, and the packed bin runs with npm exec in a fresh folder",
    () => {
      const version = (JSON.parse(readFileSync(path.join(clone, 'package.json'), 'utf8')) as {version: string}).version
      const pack = run('npm', ['pack'], clone)
      expect(pack.error).toBeUndefined()
      // Exactly what pre-commit reads as the tarball's file name.
      expect(pack.stdout).toBe(`designlint-${version}.tgz\n`)
      expect(pack.code).toBe(0)
      const tarball = path.join(clone, pack.stdout.trim())
      expect(existsSync(tarball)).toBe(true)

      const fresh = temporaryFolder('npm-exec')
      writeFileSync(path.join(fresh, 'design.md'), broken)
      const exec = run('npm', ['exec', '--yes', '--package', tarball, 'designlint', '--', '--preset', 'standard', 'design.md'], fresh)
      expect(exec.error).toBeUndefined()
      expect(exec.stdout).toContain('design.md')
      expect(exec.stdout).toContain('Section "### Rollback Stratgy" does not match')
      expect(exec.code).toBe(1)
      expect(existsSync(path.join(fresh, 'node_modules'))).toBe(false)
    },
    installTimeout,
  )
})
