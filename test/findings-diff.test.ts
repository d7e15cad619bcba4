/**
 * Proof of sameness, findings half: every fixture, example and corpus
 * document linted twice, once on the tree remark-parse gives (the remark
 * plugin, as remark-cli and the language server run it) and once on the fast
 * path (designlint's CLI processor), must give the same findings, to the
 * column, with the same texts and expected values. The trees are compared in
 * test/parse-diff.test.ts; this is what a user would see differ. The corpus
 * part skips when ../shared is absent, unless DESIGNLINT_REQUIRE_CORPORA=1.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {documentSets, repositoryRoot} from '../bench/parse-diff.js'
import designlint, {type Options} from '../src/plugin/plugin.js'
import {createProcessor, lintText} from '../src/plugin/processor.js'
import type {VFile} from 'vfile'
import {findings} from './helpers.js'

const corpora = path.resolve(repositoryRoot, '..', 'shared', 'corpora')
const hasShared = existsSync(corpora)
if (process.env.DESIGNLINT_REQUIRE_CORPORA === '1' && !hasShared) {
  throw new Error('DESIGNLINT_REQUIRE_CORPORA=1, but ../shared/corpora is absent')
}

/** Each corpus's own template. */
const templates: Record<string, string> = {
  'rust-rfcs': 'rust-rfcs/0000-template.md',
  keps: 'keps/keps/NNNN-kep-template/README.md',
  'react-rfcs': 'react-rfcs/0000-template.md',
  'polkadot-rfcs': 'polkadot-rfcs/0000-template.md',
  'nixos-rfcs': 'nixos-rfcs/0000-template.md',
}

/** Lint every file with both parse paths; the files whose findings differ, with the first differing line. */
function differingFindings(files: string[], options: Options): string[] {
  const fast = createProcessor(options)
  // The same engine, on remark's tree: the processors differ only in their parser.
  const remark = unified().use(remarkParse).use(designlint, options).freeze() as unknown as typeof fast
  const differing: string[] = []
  for (const file of files) {
    const value = readFileSync(file, 'utf8')
    const relative = path.relative(repositoryRoot, file)
    const left = findingLines(lintText(remark, value, relative, repositoryRoot))
    const right = findingLines(lintText(fast, value, relative, repositoryRoot))
    const index = left.findIndex((line, at) => line !== right[at])
    if (index >= 0 || left.length !== right.length) {
      const at = index >= 0 ? index : Math.min(left.length, right.length)
      differing.push(`${relative}: remark ${left[at] ?? '(none)'} | fast ${right[at] ?? '(none)'}`)
    }
  }
  return differing
}

/** Each finding as the suites write it, with what a quick fix would put in its place. */
function findingLines(file: VFile): string[] {
  return findings(file).map(
    (line, index) => `${line} ${JSON.stringify(file.messages[index].expected ?? null)} ${file.messages[index].actual ?? ''}`,
  )
}

const sets = documentSets()

describe('the two parse paths give the same findings', () => {
  for (const name of ['fixtures', 'examples']) {
    it(`${name}`, () => {
      expect(sets[name].length).toBeGreaterThan(0)
      expect(differingFindings(sets[name], {})).toEqual([])
    })
  }
})

describe.skipIf(!hasShared)('the two parse paths give the same findings on ../shared/corpora', () => {
  for (const [name, template] of Object.entries(templates)) {
    it(`${name}`, {timeout: 300_000}, () => {
      expect(sets[name].length).toBeGreaterThan(0)
      expect(differingFindings(sets[name], {preset: path.join(corpora, template)})).toEqual([])
    })
  }
})
