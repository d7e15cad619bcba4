/**
 * Bad input and faults of the command line (issue 11, part 8), each as a
 * spawned process of the bundle: file-system errors are one line and exit 2,
 * the cache is never stale and never fatal, git refs cannot become options,
 * exit codes say what happened, interrupted writes leave no temporary files,
 * and options that do nothing where they are given are usage errors.
 */
import {execFileSync, spawn} from 'node:child_process'
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, watch, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cliScript, fixtures, runCli} from '../helpers.js'

const cli = cliScript
const valid = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
const broken = valid.replace('### Rollback Strategy', '### Rollback Stratgy')
/** As root, a folder without write permission can still be written: those cases are skipped. */
const isRoot = process.getuid?.() === 0

const run = (args: string[], cwd: string, env: Record<string, string> = {}) => runCli(args, {cwd, env})

function project(files: Record<string, string>, gitRepo = false): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'designlint-faults-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
  if (gitRepo) {
    const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, stdio: 'ignore'})
    git('init', '-q', '-b', 'main')
    git('-c', 'user.email=test@example.com', '-c', 'user.name=Test', 'commit', '-q', '--allow-empty', '-m', 'base')
    git('add', '-A')
    git('-c', 'user.email=test@example.com', '-c', 'user.name=Test', 'commit', '-qm', 'docs')
  }
  return dir
}

const temporaryFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'))
const cacheStats = {DESIGNLINT_CACHE_STATS: '1'}

describe('the cache is never stale', () => {
  it('re-checks a document whose missing template has been created', () => {
    const dir = project({'d.md': '---\ntemplate: ./t.md\n---\n# Title\n\n## Intro\n\nText.\n'})
    const first = run(['--cache', '--format', 'json', 'd.md'], dir, cacheStats)
    expect(first.code).toBe(1)
    expect(first.stdout).toContain('cannot read template')
    writeFileSync(path.join(dir, 't.md'), '# Title\n\n## Intro\n\nSay something.\n')
    const second = run(['--cache', '--format', 'json', 'd.md'], dir, cacheStats)
    expect(second.stderr).toBe('designlint cache: 0 from the cache, 1 checked\n')
    expect(second.stdout).not.toContain('cannot read template')
    expect(second.code).toBe(0)
  })

  it('re-checks the documents of a config whose template was edited', () => {
    const dir = project({
      't.md': '# Title\n\n## Intro\n',
      'd.md': '# My doc\n\n## Intro\n\nText.\n',
      '.designlintrc.json': '{"preset": "./t.md"}',
    })
    expect(run(['--cache', 'd.md'], dir, cacheStats).stderr).toBe('designlint cache: 0 from the cache, 1 checked\n')
    expect(run(['--cache', 'd.md'], dir, cacheStats).stderr).toBe('designlint cache: 1 from the cache, 0 checked\n')
    writeFileSync(path.join(dir, 't.md'), '# Title\n\n## Intro\n\n## Risks\n')
    const edited = run(['--cache', 'd.md'], dir, cacheStats)
    expect(edited.stderr).toBe('designlint cache: 0 from the cache, 1 checked\n')
    expect(edited.stdout).toContain('Missing section "## Risks"')
  })

  it('rebuilds a cache entry of the wrong shape, and a damaged cache file', () => {
    const dir = project({'a.md': broken})
    const lint = () => run(['--cache', '--preset', 'standard', '--format', 'json', 'a.md'], dir, cacheStats)
    const fresh = lint()
    const folder = path.join(dir, 'node_modules', '.cache', 'designlint')
    const [name] = readdirSync(folder)
    const file = path.join(folder, name)
    const data = JSON.parse(readFileSync(file, 'utf8'))
    for (const entry of Object.values(data.entries) as Array<Record<string, unknown>>) entry.result = {messages: [null]}
    writeFileSync(file, JSON.stringify(data))
    const rebuilt = lint()
    expect({code: rebuilt.code, stderr: rebuilt.stderr, stdout: rebuilt.stdout}).toEqual({
      code: fresh.code,
      stderr: 'designlint cache: 0 from the cache, 1 checked\n',
      stdout: fresh.stdout,
    })
    writeFileSync(file, '{"entries": {"')
    expect(lint()).toMatchObject({code: fresh.code, stderr: 'designlint cache: 0 from the cache, 1 checked\n'})
  })
})

describe('file-system errors are one line, exit 2', () => {
  it('new -o creates the folders of the new document', () => {
    const dir = project({})
    const result = run(['new', '--preset', 'standard', '-o', 'docs/adr/0001.md'], dir)
    expect(result.code).toBe(0)
    expect(readFileSync(path.join(dir, 'docs', 'adr', '0001.md'), 'utf8')).toContain('template: standard')
  })

  it('new -o onto a folder, even with --force', () => {
    const dir = project({'out/keep.md': 'mine'})
    for (const args of [[], ['--force']]) {
      const result = run(['new', '--preset', 'standard', '-o', 'out', ...args], dir)
      expect({code: result.code, stderr: result.stderr}).toEqual({code: 2, stderr: 'designlint: cannot write "out": it is a folder\n'})
    }
    expect(readFileSync(path.join(dir, 'out', 'keep.md'), 'utf8')).toBe('mine')
  })

  it('new -o under a file', () => {
    const dir = project({'notes.md': 'mine'})
    const result = run(['new', '--preset', 'standard', '-o', 'notes.md/x.md'], dir)
    expect({code: result.code, stderr: result.stderr}).toEqual({
      code: 2,
      stderr: 'designlint: cannot create the folder "notes.md": a file of that name is in the way\n',
    })
  })

  it('--baseline in a folder that does not exist', () => {
    const dir = project({'a.md': broken})
    const result = run(['--preset', 'standard', '--baseline', 'nodir/bl.json', 'a.md'], dir)
    expect({code: result.code, stderr: result.stderr}).toEqual({
      code: 2,
      stderr: 'designlint: cannot write "nodir/bl.json": its folder does not exist\n',
    })
  })

  it.skipIf(isRoot)('init and new into a read-only folder', () => {
    const dir = project({})
    chmodSync(dir, 0o555)
    try {
      const init = run(['init'], dir)
      expect({code: init.code, stderr: init.stderr}).toEqual({
        code: 2,
        stderr: 'designlint: cannot write ".designlintrc.json": permission denied\n',
      })
      const created = run(['new', '--preset', 'standard', '-o', 'design.md'], dir)
      expect({code: created.code, stderr: created.stderr}).toEqual({
        code: 2,
        stderr: 'designlint: cannot write "design.md": permission denied\n',
      })
    } finally {
      chmodSync(dir, 0o755)
    }
  })
})

describe('a cache that cannot be written is only a warning', () => {
  it('warns once and lints when the cache folder cannot be created', () => {
    const dir = project({'a.md': broken, 'b.md': valid, blocker: 'a file'})
    const result = run(['--cache', '--cache-location', 'blocker/cache', '--preset', 'standard', '--format', 'json', 'a.md', 'b.md'], dir)
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toHaveLength(2)
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^designlint: cannot .*"blocker\/cache.*; (the results are not cached|checking without the cache)$/),
    ])
  })

  it.skipIf(isRoot)('warns once and lints when the cache folder is read-only', () => {
    const dir = project({'a.md': broken, 'cache/.keep': ''})
    chmodSync(path.join(dir, 'cache'), 0o555)
    try {
      const result = run(['--cache', '--cache-location', 'cache', '--preset', 'standard', 'a.md'], dir)
      expect(result.code).toBe(1)
      expect(result.stdout).toContain('Rollback Stratgy')
      expect(result.stderr).toMatch(
        /^designlint: cannot write "cache\/results-\w+\.json": permission denied; the results are not cached\n$/,
      )
    } finally {
      chmodSync(path.join(dir, 'cache'), 0o755)
    }
  })
})

describe('--changed-since', () => {
  it('does not let a ref become a git option', () => {
    const dir = project({'a.md': broken}, true)
    const result = run(['--changed-since=--output=FILE', '--preset', 'standard', 'a.md'], dir)
    expect({code: result.code, stderr: result.stderr}).toEqual({
      code: 2,
      stderr: 'designlint: --changed-since takes a git ref such as origin/main, not "--output=FILE"\n',
    })
    expect(existsSync(path.join(dir, 'FILE'))).toBe(false)
  })

  it("an unknown ref is exit 2 with git's error line", () => {
    const dir = project({'a.md': valid}, true)
    const result = run(['--changed-since', 'no-such-ref', '--preset', 'standard', 'a.md'], dir)
    expect({code: result.code, stderr: result.stderr}).toEqual({
      code: 2,
      stderr: "designlint: git diff failed: fatal: bad revision 'no-such-ref'\n",
    })
  })

  it('a named file that does not exist is still an error', () => {
    const dir = project({'a.md': valid}, true)
    const result = run(['--changed-since', 'HEAD', '--preset', 'standard', 'missing.md'], dir)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('No such file or folder, or no Markdown files match: missing.md')
  })
})

describe('exit codes', () => {
  it('a bad preset in config overrides is a config error before linting', () => {
    const dir = project({
      'docs/a.md': valid,
      '.designlintrc.json': '{"preset": "standard", "overrides": [{"files": "docs/**", "preset": "prodution"}]}',
    })
    const result = run(['.'], dir)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(
      /^designlint: config .*\.designlintrc\.json: overrides\[0\]: unknown preset "prodution" \(did you mean "production"\?\)/,
    )
    expect(result.stderr.split('\n')).toHaveLength(2)
  })

  it('a baseline that does not exist is recorded and says so; --baseline-must-exist makes it an error', () => {
    const dir = project({'a.md': broken})
    const strict = run(['--preset', 'standard', '--baseline', 'bl.json', '--baseline-must-exist', 'a.md'], dir)
    expect({code: strict.code, stderr: strict.stderr}).toEqual({
      code: 2,
      stderr: 'designlint: no baseline at bl.json (--baseline-must-exist): check the path, or record one without --baseline-must-exist\n',
    })
    expect(existsSync(path.join(dir, 'bl.json'))).toBe(false)
    const first = run(['--preset', 'standard', '--baseline', 'bl.json', 'a.md'], dir)
    expect({code: first.code, stderr: first.stderr}).toEqual({
      code: 0,
      stderr: 'designlint: no baseline at bl.json yet: recorded 1 findings in it; from now on only new ones are reported\n',
    })
    expect(run(['--preset', 'standard', '--baseline', 'bl.json', '--baseline-must-exist', 'a.md'], dir).code).toBe(0)
  })

  it('baseline file names are relative to the repository, so a run from a subfolder matches', () => {
    const dir = project({'docs/a.md': broken}, true)
    expect(run(['--preset', 'standard', '--baseline', 'bl.json', 'docs'], dir).code).toBe(0)
    const baseline = JSON.parse(readFileSync(path.join(dir, 'bl.json'), 'utf8'))
    expect(baseline.findings.map((entry: {file: string}) => entry.file)).toEqual(['docs/a.md'])
    const fromSubfolder = run(['--preset', 'standard', '--baseline', '../bl.json', '.'], path.join(dir, 'docs'))
    expect({code: fromSubfolder.code, stderr: fromSubfolder.stderr}).toEqual({
      code: 0,
      stderr: 'designlint: 1 findings recorded in ../bl.json not shown\n',
    })
  })
})

describe('interrupted writes', () => {
  it('removes the temporary files of a write that was killed, and keeps those of a running process', () => {
    const dir = project({'a.md': broken})
    const folder = path.join(dir, 'node_modules', '.cache', 'designlint')
    expect(run(['--cache', '--preset', 'standard', '--baseline', 'bl.json', 'a.md'], dir).code).toBe(0)
    const [cacheFile] = readdirSync(folder)
    // Process 2147483646 is not running; this test's own process is.
    const stale = ['.bl.json.2147483646.1700000000000.tmp', '.design.md.2147483646.1700000000000.tmp']
    const live = `.bl.json.${process.pid}.${Date.now()}.tmp`
    for (const name of [...stale, live]) writeFileSync(path.join(dir, name), 'partial')
    writeFileSync(path.join(folder, `.${cacheFile}.2147483646.1700000000000.tmp`), 'partial')
    expect(run(['--cache', '--preset', 'standard', '--baseline', 'bl.json', 'a.md'], dir).code).toBe(0)
    expect(run(['new', '--preset', 'standard', '-o', 'design.md'], dir).code).toBe(0)
    expect(temporaryFiles(dir)).toEqual([live])
    expect(temporaryFiles(folder)).toEqual([])
  })

  it('a run stopped by a signal while it writes leaves no temporary file', async () => {
    const files: Record<string, string> = {}
    for (let index = 0; index < 40; index++) files[`doc-${index}.md`] = broken.replace(/^## /gm, '## X')
    const dir = project(files)
    const child = spawn(process.execPath, [cli, '--preset', 'standard', '--baseline', 'bl.json', '.'], {cwd: dir, stdio: 'ignore'})
    // Stop it the moment its baseline's temporary file appears.
    const watcher = watch(dir, (_, name) => {
      if (name?.endsWith('.tmp')) child.kill('SIGTERM')
    })
    const ended = await new Promise<{code: number | null; signal: string | null}>((resolve) =>
      child.on('exit', (code, signal) => resolve({code, signal})),
    )
    watcher.close()
    expect(temporaryFiles(dir)).toEqual([])
    // Either the write finished first (and the run with it), or the signal ended the run.
    expect([0, null]).toContain(ended.code)
    if (existsSync(path.join(dir, 'bl.json'))) expect(JSON.parse(readFileSync(path.join(dir, 'bl.json'), 'utf8')).tool).toBe('designlint')
  })
})

describe('smaller faults', () => {
  it('a baseline with an entry of the wrong shape is one line, exit 2', () => {
    const dir = project({
      'a.md': broken,
      'bl.json': '{"tool": "designlint", "version": 2, "findings": [null]}',
      'bare.json': '{"findings": [null]}',
    })
    for (const file of ['bl.json', 'bare.json']) {
      const result = run(['--preset', 'standard', '--baseline', file, 'a.md'], dir)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(
        new RegExp(`^designlint: \\S*${file.replace('.', '\\.')} is (damaged|not a designlint baseline)[^\\n]*\\n$`),
      )
    }
    // --update-baseline records a damaged one again.
    expect(run(['--preset', 'standard', '--baseline', 'bl.json', '--update-baseline', 'a.md'], dir).code).toBe(0)
    expect(run(['--preset', 'standard', '--baseline', 'bl.json', 'a.md'], dir).code).toBe(0)
  })

  it.skipIf(process.platform === 'win32')('a FIFO is reported as what it is', () => {
    const dir = project({})
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')])
    expect(statSync(path.join(dir, 'pipe.md')).isFIFO()).toBe(true)
    const result = run(['--preset', 'standard', '--format', 'json', 'pipe.md'], dir)
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)[0].messages).toEqual([
      expect.objectContaining({ruleId: 'read', fatal: true, reason: 'Cannot read file: it is a named pipe (FIFO), not a file'}),
    ])
  })

  it('--quiet counts in its summary only what it shows', () => {
    const dir = project({'a.md': valid, 'b.md': broken})
    const loud = run(['--preset', 'auto', 'a.md', 'b.md'], dir)
    expect(loud.stdout).toContain('matched preset standard')
    const quiet = run(['--quiet', '--preset', 'auto', 'a.md', 'b.md'], dir)
    expect(quiet.code).toBe(1)
    expect(quiet.stdout).not.toContain('matched preset')
    expect(quiet.stdout.trim().split('\n').at(-1)).toBe('✖ 1 error')
  })

  it.each([
    [['--title', 'X', 'a.md'], '--title does nothing when linting: it is an option of "new"'],
    [['--force', 'a.md'], '--force does nothing when linting: it is an option of "init", "new" and "report"'],
    [['-o', 'out.md', 'a.md'], '-o/--output does nothing when linting: it is an option of "new" and "report"'],
    [['--update-baseline', 'a.md'], '--update-baseline does nothing without --baseline <file>'],
    [['--baseline-must-exist', 'a.md'], '--baseline-must-exist does nothing without --baseline <file>'],
    [['--stdin-filename', 'x.md', 'a.md'], '--stdin-filename does nothing without "-" (read standard input)'],
    [['--cache-location', 'c', 'a.md'], '--cache-location does nothing without --cache'],
    [['init', '--cache'], '--cache does nothing with "init": it is an option of linting'],
    [['new', '--preset', 'standard', '--quiet'], '--quiet does nothing with "new": it is an option of linting'],
    [['--max-warnings', '-1', 'a.md'], '--max-warnings takes a whole number of 0 or more, not "-1"'],
    [['--preset', '--quiet', 'a.md'], '--preset needs a value, and "--quiet" looks like an option: write --preset=--quiet if you mean it'],
  ])('%j is a usage error', (args, message) => {
    const dir = project({'a.md': valid})
    const result = run(args, dir)
    expect({code: result.code, stdout: result.stdout, stderr: result.stderr}).toEqual({
      code: 2,
      stdout: '',
      stderr: `designlint: ${message}\n`,
    })
  })
})
