/**
 * The CommonMark 0.31.2 spec examples through both parse paths: remark-parse
 * with designlint's syntax and the fast path (markdown-it with recovered
 * positions) give the same trees on the fields designlint reads (see
 * bench/parse-diff.ts), except on the examples listed below.
 *
 * The examples come from the npm package `commonmark-spec` (a devDependency):
 * its `tests` are `{markdown, html, section, number}`, with tabs written as
 * `→` as in spec.txt. When the package cannot be resolved the test skips.
 */
import {createRequire} from 'node:module'
import {describe, expect, it} from 'vitest'
import {compareSource} from '../bench/parse-diff.js'

interface SpecExample {
  markdown: string
  html: string
  section: string
  number: number
}

/** The spec examples, or undefined when `commonmark-spec` is not installed. */
function specExamples(): SpecExample[] | undefined {
  const require = createRequire(import.meta.url)
  let resolved: string
  try {
    resolved = require.resolve('commonmark-spec')
  } catch {
    return undefined
  }
  return (require(resolved) as {tests: SpecExample[]}).tests
}

/**
 * Examples where the trees differ, by number, with the reason. Empty: on
 * every example the two paths agree (the micromark departures from
 * CommonMark found in the corpora, test/parse-diff.test.ts, are not among
 * the spec's examples).
 */
const knownExampleDifferences: Record<number, string> = {}

const examples = specExamples()

describe.skipIf(!examples)('the CommonMark spec examples through both parse paths', () => {
  it('is the 0.31.2 set', () => {
    expect(examples?.length).toBe(652)
  })

  it('gives the same trees, except on the documented examples', () => {
    const differing: string[] = []
    for (const example of examples ?? []) {
      const markdown = example.markdown.replace(/→/g, '\t')
      const differences = compareSource(markdown).differences
      const listed = example.number in knownExampleDifferences
      if (differences.length > 0 && !listed) {
        const first = differences[0]
        differing.push(`example ${example.number} (${example.section}): ${first.kind} at ${first.path}`)
      } else if (differences.length === 0 && listed) {
        differing.push(`example ${example.number} (${example.section}): listed, but no longer differs`)
      }
    }
    expect(differing).toEqual([])
  })
})
