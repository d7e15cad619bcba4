/**
 * Proof of sameness of the two parse paths: remark-parse with designlint's
 * syntax and the fast path (markdown-it with recovered positions) give the
 * same trees on the fields designlint reads, on explicit cases and on every
 * fixture, example, seed and corpus document (see bench/parse-diff.ts).
 * The corpus part skips when ../shared is absent, unless
 * DESIGNLINT_REQUIRE_CORPORA=1.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {compareSource, documentSets, repositoryRoot} from '../bench/parse-diff.js'

/**
 * The known differences, by document (relative to the repository root) and
 * difference kind: where micromark and markdown-it read the same source
 * differently. Only the first is confirmed as micromark departing from
 * CommonMark; the others are still to be diagnosed, and whether they change a
 * finding is not yet checked (the fast path is not wired in: issue 13).
 */
const knownDifferences: Record<string, {kind: string; why: string}> = {
  // "    code\n\n  - item": micromark 4 reads the item after indented code as a paragraph; CommonMark (markdown-it) reads a list.
  '../shared/corpora/rust-rfcs/text/0736-privacy-respecting-fru.md': {kind: 'root.children', why: 'list after indented code'},
  // A nested list item followed by an indented line: markdown-it splits the list around an indented code block, micromark keeps one list.
  '../shared/corpora/keps/keps/sig-api-machinery/5073-declarative-validation-with-validation-gen/README.md': {
    kind: 'listItem.children',
    why: 'indented code between nested list items',
  },
  // A code span over lines in a list item: micromark keeps the continuation line's indentation in the value.
  '../shared/corpora/keps/keps/sig-apps/5547-integrate-workload-with-job/README.md': {
    kind: 'inlineCode.value',
    why: 'code span line prefix in a list item',
  },
  // An HTML line after a paragraph in a nested list item: micromark starts an HTML block, markdown-it continues the paragraph lazily.
  '../shared/corpora/keps/keps/sig-node/2837-pod-level-resource-spec/README.md': {
    kind: 'listItem.children',
    why: 'HTML after a lazy paragraph line',
  },
  '../shared/corpora/keps/keps/sig-storage/2644-honor-pv-reclaim-policy/README.md': {kind: 'root.children', why: 'block structure'},
  // An unclosed fence in an indented context: micromark ends it at the start of the last line, markdown-it at the end of the one before.
  '../shared/corpora/keps/keps/sig-storage/3107-csi-nodeexpandsecret/README.md': {kind: 'code.position', why: 'unclosed fence end'},
}

const differencesOf = (value: string) => compareSource(value).differences.map((difference) => `${difference.kind} at ${difference.path}`)

describe('the fast parse path gives remark-parse’s tree', () => {
  it.each([
    [
      'CRLF line endings',
      '# A\r\n\r\npara one\r\nline two  \r\nthree `a\r\nb`\r\n\r\n```js\r\nx\r\n```\r\n\r\n    code\r\n\r\n- a\r\n- b\r\n',
    ],
    ['lone CR line endings', '# A\r\rtext\rmore\r\r> q\r'],
    ['CRLF front matter', '---\r\ntitle: x\r\n---\r\n# H\r\n'],
    ['tabs in containers', '-\tfoo\n\n\tbar\n\n>\tquote\n\n- a\n\n\t\tcode\n'],
    ['table rows with more cells than the header, and fewer', '| a | b |\n|---|:-:|\n| 1 | 2 | 3 | 4 |\n| 5 |\n'],
    ['references, autolinks, escapes and entities', '[x]: /u "t"\n\n[x] [y][x] [x][] ![i *j*][x] <a@b.c> <http://a> a\\\nb &amp; \\*'],
    ['trailing whitespace and hard breaks', 'a  \nb\\\nc \t\nd   \n\n# h #  \n\n***  \n'],
    ['code spans', '`a` `` b ` c `` ` d ` `e\nf`\n'],
    ['lists and quotes', '1. a\n2. b\n\n   c\n\n> - x\n>\n> y\n\n7) z\n'],
    ['html', '<div>\n\n*a*\n\n</div>\n\ntext <span>b</span>\n'],
  ])('%s', (_name, value) => {
    expect(differencesOf(value)).toEqual([])
  })

  it('differs where micromark is not CommonMark: indented code then an ordered item', () => {
    // CommonMark: an ordered list starting at 3; micromark 4.0.3 makes it a paragraph.
    expect(differencesOf('    code\n\n3. item\n')).toEqual(['paragraph.type at /root/paragraph'])
  })
})

const sets = documentSets()
const hasShared = existsSync(path.resolve(repositoryRoot, '..', 'shared', 'corpora'))
if (process.env.DESIGNLINT_REQUIRE_CORPORA === '1' && !hasShared) {
  throw new Error('DESIGNLINT_REQUIRE_CORPORA=1, but ../shared/corpora is absent')
}

describe('the differential over the repository’s documents', () => {
  for (const name of ['fixtures', 'examples']) {
    it(`${name}: no differences`, () => {
      const differing = sets[name].filter((file) => compareSource(readFileSync(file, 'utf8')).differences.length > 0)
      expect(sets[name].length).toBeGreaterThan(0)
      expect(differing).toEqual([])
    })
  }
})

describe.skipIf(!hasShared)('the differential over ../shared (seeds and corpora)', () => {
  for (const name of ['seeds', 'rust-rfcs', 'keps', 'react-rfcs', 'polkadot-rfcs', 'nixos-rfcs']) {
    it(`${name}: no differences outside the documented list`, {timeout: 120_000}, () => {
      const unexpected: string[] = []
      for (const file of sets[name]) {
        const relative = path.relative(repositoryRoot, file)
        const known = knownDifferences[relative]
        for (const difference of compareSource(readFileSync(file, 'utf8')).differences) {
          if (known && difference.kind === known.kind) continue
          unexpected.push(`${relative}: ${difference.kind} at ${difference.path}`)
        }
      }
      expect(unexpected).toEqual([])
    })
  }
})
