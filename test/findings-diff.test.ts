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
    const left = findingLines(lintText(remark, value, relative, repositoryRoot).messages)
    const right = findingLines(lintText(fast, value, relative, repositoryRoot).messages)
    const index = left.findIndex((line, at) => line !== right[at])
    if (index >= 0 || left.length !== right.length) {
      const at = index >= 0 ? index : Math.min(left.length, right.length)
      differing.push(`${relative}: remark ${left[at] ?? '(none)'} | fast ${right[at] ?? '(none)'}`)
    }
  }
  return differing
}

function findingLines(messages: ReturnType<typeof lintText>['messages']): string[] {
  return messages.map((message) => {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const where = place
      ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
      : `${message.line}:${message.column}`
    return `${where} ${message.fatal} ${message.ruleId} ${message.reason} ${JSON.stringify(message.expected ?? null)} ${message.actual ?? ''}`
  })
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
