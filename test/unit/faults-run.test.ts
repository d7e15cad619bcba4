/**
 * Faults below the command line (issue 11, part 8): the cache keeps a result
 * under the content that was linted, file-system errors in words, git's real
 * error line, and the stale temporary files of interrupted writes.
 */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {gitFailure} from '../../src/run/changed.js'
import {hashText} from '../../src/run/plain.js'
import {describeSystemError, fileError, fromSystemError} from '../../src/util/errors.js'
import {removeStaleTemporaryFiles, writeFileAtomic} from '../../src/util/write-file.js'
import {fixtures} from '../helpers.js'

const edit = vi.hoisted(() => ({before: undefined as undefined | (() => void)}))

// Lets a test change a document between the cache's lookup and its lint, as an editor saving during a run would.
vi.mock('../../src/run/pool.js', async (original) => {
  const pool = await original<typeof import('../../src/run/pool.js')>()
  return {
    ...pool,
    lintMany: (...args: Parameters<typeof pool.lintMany>) => {
      edit.before?.()
      return pool.lintMany(...args)
    },
  }
})

const {checkFiles} = await import('../../src/run/check-files.js')

const temporaryFolder = () => mkdtempSync(path.join(tmpdir(), 'designlint-faults-unit-'))

describe('the result cache', () => {
  it('keeps a result under the content that was linted, not the one first read', async () => {
    const dir = temporaryFolder()
    const valid = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
    const broken = valid.replace('### Rollback Strategy', '### Rollback Stratgy')
    writeFileSync(path.join(dir, 'a.md'), valid)
    const cache = {folder: path.join(dir, 'cache'), version: 'test'}
    const job = {files: ['a.md'], settings: [{preset: 'standard'}]}
    edit.before = () => writeFileSync(path.join(dir, 'a.md'), broken)
    const [during] = await checkFiles(job, dir, {cache, workers: 0})
    edit.before = undefined
    expect(during.messages.length).toBeGreaterThan(0)
    const [name] = readdirSync(cache.folder)
    const entries = Object.values(JSON.parse(readFileSync(path.join(cache.folder, name), 'utf8')).entries) as Array<{hash: string}>
    expect(entries.map((entry) => entry.hash)).toEqual([hashText(broken)])
    // Back to the first content: it is checked again, not given the edited content's findings.
    writeFileSync(path.join(dir, 'a.md'), valid)
    const [after] = await checkFiles(job, dir, {cache, workers: 0})
    expect(after.messages).toEqual([])
  })

  it('warns once, however many configurations fail to save, and still gives the results', async () => {
    const dir = temporaryFolder()
    writeFileSync(path.join(dir, 'blocker'), 'a file')
    writeFileSync(path.join(dir, 'a.md'), '# A\n')
    writeFileSync(path.join(dir, 'b.md'), '# B\n')
    const warnings: string[] = []
    const results = await checkFiles({files: ['a.md', 'b.md'], configOf: [0, 1], settings: [{preset: 'standard'}, {preset: 'prd'}]}, dir, {
      cache: {folder: path.join(dir, 'blocker', 'cache'), version: 'test'},
      workers: 0,
      warn: (message) => warnings.push(message),
    })
    expect(results.map((result) => result.path)).toEqual(['a.md', 'b.md'])
    expect(warnings).toHaveLength(1)
  })
})

describe('file-system errors in words', () => {
  const error = (code: string, syscall: string, file: string) =>
    Object.assign(new Error(`${code}: x, ${syscall} '${file}'`), {code, syscall, path: file})

  it('names the action, the file and the reason', () => {
    expect(fileError('write', path.join(process.cwd(), 'x.md'), error('EACCES', 'open', 'x.md')).message).toBe(
      'cannot write "x.md": permission denied',
    )
    expect(describeSystemError(error('EROFS', 'open', 'x'))).toBe('read-only file system')
    expect(describeSystemError(error('ENOTDIR', 'open', 'x'))).toBe('a part of the path is a file, not a folder')
    expect(describeSystemError(error('EWHATEVER', 'open', '/x'))).toBe('x')
  })

  it('turns a stray system error with a path into a one-line error, and leaves others alone', () => {
    expect(fromSystemError(error('EISDIR', 'read', '/tmp/some-folder'))?.message).toBe('cannot read "/tmp/some-folder": it is a folder')
    expect(fromSystemError(new TypeError('x is undefined'))).toBeUndefined()
  })
})

describe('git failures', () => {
  it("are git's fatal line, not a warning printed before it", () => {
    expect(gitFailure("warning: refname 'x' is ambiguous.\nfatal: bad revision 'x'\n")).toBe("fatal: bad revision 'x'")
    expect(gitFailure('something odd\n')).toBe('something odd')
  })
})

describe('temporary files of interrupted writes', () => {
  it('are removed when their process is gone, and only those of the same file', () => {
    const dir = temporaryFolder()
    const target = path.join(dir, 'bl.json')
    const names = ['.bl.json.2147483646.1.tmp', `.bl.json.${process.pid}.${Date.now()}.tmp`, '.other.json.2147483646.1.tmp', '.bl.json.tmp']
    for (const name of names) writeFileSync(path.join(dir, name), '')
    removeStaleTemporaryFiles(target)
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort())
  })

  it('and a write never leaves one, whether it succeeds or fails', () => {
    const dir = temporaryFolder()
    mkdirSync(path.join(dir, 'sub'))
    writeFileAtomic(path.join(dir, 'a.json'), '{}')
    expect(() => writeFileAtomic(path.join(dir, 'a.json'), '{}')).toThrow(/exists already/)
    expect(() => writeFileAtomic(path.join(dir, 'sub'), '{}', {force: true})).toThrow(/it is a folder/)
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'sub'])
  })
})
