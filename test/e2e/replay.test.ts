/**
 * The run replay (`--cache`): a second identical run prints what the first
 * printed, with its exit code, from the record in the cache folder and
 * without loading the CLI; anything the first run read that has changed, or
 * a changed command line or environment, makes a normal run, whose result is
 * the fresh one. Spawned processes of the bundle, started by runCli
 * (test/helpers.ts) as the other process tests start them.
 *
 * A replay is told from a normal run by marking the record: its output's
 * lower-case ASCII letters are turned to capitals, byte lengths unchanged.
 * A run that prints the marked text was replayed; one that prints the plain
 * text ran the CLI.
 */
import fs, {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {startRecording} from '../../src/run/replay.js'
import {contentDigest, decodeRecord, fingerprint, inputsUnchanged} from '../../src/run/run-record.js'
import {cliScript, fixtures, runCli} from '../helpers.js'

const valid = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
const broken = valid.replace('### Rollback Strategy', '### Rollback Stratgy')
// A draft with filler: a warning, which --max-warnings 0 reports on stderr.
const draft = valid.replace('**Status**: Approved', '**Status**: Draft').replace(/^### Scope$/m, '### Scope\n\nTBD')

const run = (args: string[], cwd: string, env: Record<string, string> = {}) => runCli(args, {cwd, env})

/** A project of files, and a cache folder of its own beside it (made already: a run that makes it is not recorded). */
function project(files: Record<string, string>): {dir: string; cache: string} {
  const dir = mkdtempSync(path.join(tmpdir(), 'designlint-replay-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
  return {dir, cache: mkdtempSync(path.join(tmpdir(), 'designlint-replay-cache-'))}
}

const records = (cache: string) => (existsSync(cache) ? readdirSync(cache).filter((name) => /^run-\w+\.bin$/.test(name)) : [])

/** Capitals for the lower-case ASCII letters of a text: what a marked record prints. */
const marked = (text: string) => text.replace(/[a-z]/g, (letter) => letter.toUpperCase())

/** Mark every record in a cache folder (see the file's comment). */
function markRecords(cache: string): void {
  expect(records(cache)).not.toEqual([])
  for (const name of records(cache)) {
    const file = path.join(cache, name)
    const bytes = readFileSync(file)
    for (let index = bytes.indexOf(10) + 1; index < bytes.length; index++) {
      if (bytes[index] >= 0x61 && bytes[index] <= 0x7a) bytes[index] -= 0x20
    }
    writeFileSync(file, bytes)
  }
}

/** A lint of docs/ with the cache in `cache`. */
function lintWith(dir: string, cache: string, args: string[] = [], env: Record<string, string> = {}) {
  return run(['--cache', '--cache-location', cache, '--preset', 'standard', '--format', 'json', ...args, 'docs/'], dir, env)
}

/** The paths and rule ids of a JSON report. */
function summary(stdout: string): string[] {
  return (JSON.parse(stdout) as Array<{path: string; messages: Array<{ruleId: string}>}>).map(
    (file) => `${file.path}: ${file.messages.map((message) => message.ruleId).join(' ')}`,
  )
}

describe('a second identical run is replayed', () => {
  it('prints the same stdout and stderr, in order, with the same exit code, and does not run the CLI', () => {
    const {dir, cache} = project({'docs/a.md': valid, 'docs/b.md': draft})
    const args = ['--cache', '--cache-location', cache, '--preset', 'standard', '--max-warnings', '0', 'docs/']
    const first = run(args, dir)
    expect(first.code).toBe(1)
    expect(first.stdout).toContain('Filler "TBD"')
    expect(first.stderr).toBe('designlint: 1 warnings, more than --max-warnings 0\n')
    const [results] = readdirSync(cache).filter((name) => name.startsWith('results-'))
    const resultsTime = statSync(path.join(cache, results)).mtimeMs

    expect(run(args, dir)).toEqual(first)
    markRecords(cache)
    expect(run(args, dir)).toEqual({code: 1, stdout: marked(first.stdout), stderr: marked(first.stderr)})
    expect(statSync(path.join(cache, results)).mtimeMs).toBe(resultsTime)
  })

  it('from the first run, when making the cache folder changed nothing the run read', () => {
    const {dir, cache: parent} = project({'docs/a.md': broken})
    const cache = path.join(parent, 'made', 'by', 'the run')
    const first = lintWith(dir, cache)
    expect(first.code).toBe(1)
    markRecords(cache)
    expect(lintWith(dir, cache)).toEqual({code: 1, stdout: marked(first.stdout), stderr: ''})
  })

  it('in the default cache folder, from the run after the one that made the folder', () => {
    const {dir} = project({'docs/a.md': broken})
    const cache = path.join(dir, 'node_modules', '.cache', 'designlint')
    const lint = () => run(['--cache', '--preset', 'standard', 'docs/'], dir)
    const first = lint()
    expect(first.code).toBe(1)
    // Making the folder changed the listings the run had read.
    expect(records(cache)).toEqual([])
    expect(lint()).toEqual(first)
    markRecords(cache)
    expect(lint()).toEqual({code: 1, stdout: marked(first.stdout), stderr: ''})
  })

  // A replay writes to the descriptors themselves. One whose pipe is non-blocking (a parent set
  // O_NONBLOCK, which Python can and Node's API cannot) refuses a write once the pipe is full:
  // the rest goes through Node's stream, which waits for the reader.
  it.skipIf(spawnSync('python3', ['--version']).status !== 0)('all of a long output, into a non-blocking pipe read slowly', () => {
    const {dir, cache} = project(Object.fromEntries(Array.from({length: 150}, (_, index) => [`docs/d${index}.md`, '# Doc\n\nTBD\n'])))
    const nonBlocking =
      'import fcntl, os, sys; fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_NONBLOCK); os.execv(sys.argv[1], sys.argv[1:])'
    const output = path.join(dir, 'report.json')
    const command = [
      nonBlocking,
      process.execPath,
      cliScript,
      '--cache',
      '--cache-location',
      cache,
      '--preset',
      'standard',
      '--format',
      'json',
      'docs/',
    ]
    const lint = () => {
      const script = `python3 -c "$@" | (sleep 0.5; cat) > "${output}"; echo "exit \${PIPESTATUS[0]}" >&2`
      const result = spawnSync('bash', ['-c', script, 'bash', ...command], {cwd: dir, encoding: 'utf8', timeout: 60_000})
      return {stderr: result.stderr, stdout: readFileSync(output, 'utf8')}
    }
    const first = lint()
    expect(first.stderr).toBe('exit 1\n')
    // Longer than a pipe holds (64 KiB on Linux), so the write into it is refused part way.
    expect(first.stdout.length).toBeGreaterThan(1 << 17)
    markRecords(cache)
    expect(lint()).toEqual({stderr: 'exit 1\n', stdout: marked(first.stdout)})
  })
})

describe('a change to anything the run depended on makes a normal run, with the fresh result', () => {
  const files = {'docs/a.md': valid, 'docs/b.md': broken, 'docs/assets/logo.txt': 'not Markdown', '.gitignore': '*.log\n'}

  /** A project linted once, its record marked: the next run shows whether it replayed. */
  function recorded(args: string[] = [], env: Record<string, string> = {}) {
    const {dir, cache} = project(files)
    const first = lintWith(dir, cache, args, env)
    expect(summary(first.stdout)).toEqual(['docs/a.md: ', 'docs/b.md: required-sections'])
    markRecords(cache)
    expect(lintWith(dir, cache, args, env).stdout).toBe(marked(first.stdout))
    return {dir, cache, first}
  }

  it('a document edited', () => {
    const {dir, cache} = recorded()
    writeFileSync(path.join(dir, 'docs/a.md'), broken)
    expect(summary(lintWith(dir, cache).stdout)).toEqual(['docs/a.md: required-sections', 'docs/b.md: required-sections'])
  })

  it('a new document in a new folder, under a folder that had no Markdown', () => {
    const {dir, cache} = recorded()
    mkdirSync(path.join(dir, 'docs/assets/new'))
    writeFileSync(path.join(dir, 'docs/assets/new/c.md'), broken)
    expect(summary(lintWith(dir, cache).stdout)).toEqual([
      'docs/a.md: ',
      'docs/assets/new/c.md: required-sections',
      'docs/b.md: required-sections',
    ])
  })

  it('a document deleted', () => {
    const {dir, cache} = recorded()
    rmSync(path.join(dir, 'docs/b.md'))
    const result = lintWith(dir, cache)
    expect(summary(result.stdout)).toEqual(['docs/a.md: '])
    expect(result.code).toBe(0)
  })

  it("a config added in a document's folder", () => {
    const {dir, cache} = recorded()
    writeFileSync(path.join(dir, 'docs/.designlintrc.json'), '{"rules": {"required-sections": "off"}}')
    expect(summary(lintWith(dir, cache).stdout)).toEqual(['docs/a.md: ', 'docs/b.md: '])
  })

  it('the template edited', () => {
    const {dir, cache} = project({...files, 't.md': '# Title\n\n## Overview\n'})
    const lint = () => run(['--cache', '--cache-location', cache, '--preset', './t.md', '--format', 'json', 'docs/a.md'], dir)
    const first = lint()
    expect(summary(first.stdout)).toEqual(['docs/a.md: '])
    markRecords(cache)
    expect(lint().stdout).toBe(marked(first.stdout))
    writeFileSync(path.join(dir, 't.md'), '# Title\n\n## Overview\n\n## Risks\n')
    expect(summary(lint().stdout)).toEqual(['docs/a.md: required-sections'])
  })

  it('another --format', () => {
    const {dir, cache} = recorded()
    const stylish = run(['--cache', '--cache-location', cache, '--preset', 'standard', '--format', 'stylish', 'docs/'], dir)
    expect(stylish.stdout).toContain('docs/b.md\n')
    expect(stylish.stdout).toContain('Rollback Strategy')
  })

  it('another environment variable', () => {
    const {dir, cache, first} = recorded()
    expect(lintWith(dir, cache, [], {NO_COLOR: 'yes'}).stdout).toBe(first.stdout)
  })

  it('a .gitignore edited', () => {
    const {dir, cache} = recorded()
    writeFileSync(path.join(dir, '.gitignore'), '*.log\ndocs/b.md\n')
    expect(summary(lintWith(dir, cache).stdout)).toEqual(['docs/a.md: '])
  })

  it('a damaged record: a normal run, and a new record', () => {
    const {dir, cache, first} = recorded()
    const [name] = records(cache)
    const file = path.join(cache, name)
    truncateSync(file, Math.floor(statSync(file).size / 2))
    expect(decodeRecord(readFileSync(file))).toBeUndefined()
    expect(lintWith(dir, cache)).toEqual(first)
    expect(decodeRecord(readFileSync(file))).toBeDefined()
    markRecords(cache)
    expect(lintWith(dir, cache).stdout).toBe(marked(first.stdout))
  })
})

describe('runs that are not recorded', () => {
  it('--fix, --fix-dry-run, -o and DESIGNLINT_CACHE_STATS write no record', () => {
    const {dir, cache} = project({'docs/a.md': valid})
    expect(lintWith(dir, cache, ['--fix-dry-run']).code).toBe(0)
    expect(lintWith(dir, cache, ['--fix']).code).toBe(0)
    expect(lintWith(dir, cache, ['-o', 'out.txt']).code).toBe(2)
    expect(lintWith(dir, cache, [], {DESIGNLINT_CACHE_STATS: '1'}).stderr).toMatch(/^designlint cache: /)
    expect(records(cache)).toEqual([])
  })

  it('a run that checked documents on worker threads, whose reads it does not see; the next, all from the cache, is', () => {
    const {dir, cache} = project({'docs/a.md': valid})
    const first = lintWith(dir, cache, ['--workers', '1'])
    expect(records(cache)).toEqual([])
    expect(lintWith(dir, cache, ['--workers', '1'])).toEqual(first)
    expect(records(cache)).toHaveLength(1)
  })

  it('a run with a result the per-file cache would not keep (a template that cannot be read)', () => {
    const {dir, cache} = project({'docs/a.md': '---\ntemplate: ./missing.md\n---\n' + valid})
    expect(lintWith(dir, cache).stdout).toContain('cannot read template')
    expect(records(cache)).toEqual([])
  })
})

describe('the recording, in this process', () => {
  it('keeps a digest of what it read of an entry changed moments before, and the replay checks it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'designlint-replay-'))
    const script = path.join(dir, 'designlint.cjs')
    writeFileSync(`${script}.sha1`, 'a build\n')
    const document = path.join(dir, 'd.md')
    writeFileSync(document, 'one')
    const cache = path.join(dir, 'cache')
    mkdirSync(cache)
    const recording = startRecording(['--cache', '--cache-location', cache], script)
    expect(recording?.folder).toBe(cache)
    expect(fs.readFileSync(document, 'utf8')).toBe('one')
    recording?.allowReplay()
    recording?.finish(0)

    const [name] = records(cache)
    const record = decodeRecord(readFileSync(path.join(cache, name)))
    const input = record?.inputs.find(([file]) => file === document)
    expect(input).toEqual([document, fingerprint(document, cache), contentDigest('one')])
    expect(inputsUnchanged(record?.inputs ?? [], cache)).toBe(true)
    // The same size and, within a clock tick, the same times: the digest tells.
    writeFileSync(document, 'two')
    expect(inputsUnchanged([[document, fingerprint(document, cache), contentDigest('one')]], cache)).toBe(false)
    expect(inputsUnchanged([[document, fingerprint(document, cache), contentDigest('two')]], cache)).toBe(true)
  })

  it('a write outside the cache folder spoils the record', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'designlint-replay-'))
    const script = path.join(dir, 'designlint.cjs')
    writeFileSync(`${script}.sha1`, 'a build\n')
    const cache = path.join(dir, 'cache')
    mkdirSync(cache)
    const recording = startRecording(['--cache', '--cache-location', cache], script)
    fs.writeFileSync(path.join(cache, 'inside.txt'), 'a cache file')
    fs.writeFileSync(path.join(dir, 'outside.txt'), 'a document')
    recording?.allowReplay()
    recording?.finish(0)
    expect(records(cache)).toEqual([])
  })
})
