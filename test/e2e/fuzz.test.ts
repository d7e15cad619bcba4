/**
 * The fuzzer in the suite: a few hundred seeded mutations of the fixtures
 * and examples, linted by the built CLI with `--format json`; every run must
 * exit 0 or 1 with JSON and place every finding inside its document. Set
 * DESIGNLINT_FUZZ_SEED to try another seed; `npm run fuzz -- --count 5000`
 * runs long.
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fuzzDocuments, placeProblems, runFuzz, seedDocuments} from '../../bench/fuzz.js'
import {root} from '../helpers.js'

const cli = path.join(root, 'dist', 'bundle', 'cli.js')
const seed = Number(process.env.DESIGNLINT_FUZZ_SEED ?? 1)

describe('fuzzing', () => {
  it('makes the same documents from the same seed, with every kind of mutation', () => {
    const seeds = seedDocuments(root)
    const first = fuzzDocuments(seeds, 3, 200)
    expect(fuzzDocuments(seeds, 3, 200)).toEqual(first)
    const applied = new Set(first.flatMap((document) => document.applied.slice(1)))
    for (const name of ['crlf', 'crOnly', 'loneCr', 'unbalanced', 'deepNesting', 'randomBytes', 'deleteLine']) {
      expect(applied).toContain(name)
    }
  })

  it('tells a place past the end of its line, past the last line, or ending before it starts', () => {
    const text = '\rd\n**Date**:'
    expect(placeProblems(text, [{reason: 'x', line: 3, column: 1, endLine: 3, endColumn: 10}])).toEqual([])
    expect(placeProblems(text, [{reason: 'x', line: 2, column: 1, endLine: 2, endColumn: 10}])).toHaveLength(1)
    expect(placeProblems(text, [{reason: 'x', line: 4, column: 1}])).toHaveLength(2)
    expect(placeProblems(text, [{reason: 'x', line: 3, column: 5, endLine: 3, endColumn: 2}])).toHaveLength(1)
  })

  it(`lints 200 fuzzed documents (seed ${seed}) with exit 0 or 1, JSON, and every place inside its document`, () => {
    const failures = runFuzz(root, {seed, count: 200, cli, batch: 50})
    expect(failures).toEqual([])
  }, 120_000)
})
