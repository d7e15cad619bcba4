/**
 * The pool's in-process side: how many threads, and one processor per
 * config in file order. Worker threads themselves run from the build, so
 * they are tested through the CLI (test/cli.test.ts).
 */
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintMany, workerCores, workerCount, workerThreshold} from '../src/run/pool.js'
import {fixtures, root} from './helpers.js'

describe('workerCount', () => {
  it('uses this thread for a few files or a few cores, and up to 8 threads for many files on many cores', () => {
    expect(workerCount(workerThreshold - 1)).toBe(0)
    const cores = availableParallelism()
    expect(workerCount(workerThreshold)).toBe(cores >= workerCores ? Math.min(cores, 8) : 0)
  })

  it('takes a requested count, but never more threads than files', () => {
    expect(workerCount(3, 8)).toBe(3)
    expect(workerCount(100, 2)).toBe(2)
    expect(workerCount(100, 0)).toBe(0)
  })
})

describe('lintMany in this thread', () => {
  const valid = path.relative(root, path.join(fixtures, 'standard', 'valid.md'))

  it('lints each file with the settings of its config, in file order', async () => {
    const results = await lintMany(
      {files: [valid, valid, 'no-such.md', valid], configOf: [0, 1, 0, 0], settings: [{preset: 'standard'}, {preset: 'prd'}]},
      root,
      0,
    )
    expect(results.map((result) => result.path)).toEqual([valid, valid, 'no-such.md', valid])
    expect(results[0].messages).toEqual([])
    expect(results[1].messages.length).toBeGreaterThan(0)
    expect(results[1].messages.every((message) => message.source === 'designlint')).toBe(true)
    expect(results[2].messages).toEqual([expect.objectContaining({ruleId: 'read', fatal: true})])
    expect(results[3].messages).toEqual([])
  })

  it('gives nothing for no files', async () => {
    expect(await lintMany({files: [], settings: [{}]}, root, 4)).toEqual([])
  })
})
