/**
 * One integration fixture per preset, checked by every rule at once.
 *
 * - `fixtures/<preset>/valid.md`, a filled document, gives no finding at all.
 * - `fixtures/<preset>/drifted.md` is the same document with realistic drifts
 *   (a missing section, a misspelt heading, a template sentence left in…); it
 *   names its preset in front matter and has a review status, so content
 *   findings are errors. It gives exactly the findings of
 *   `fixtures/<preset>/drifted.expected`, one a line, in the rule pages'
 *   format (`findingLine` of test/rule-docs.ts: `line:column-endLine:endColumn
 *   severity rule-id/message-id reason`).
 * - Each drift is marked for readers by an HTML comment on the line before it,
 *   `<!-- drift: missing section "### Rollback Strategy" -->`. The fixture
 *   stays honest both ways: every drift comment has a finding on one of the
 *   three lines after it, every finding has a drift comment on one of the
 *   three lines before it, and no finding is on a comment's own line.
 *
 * A missing or different `.expected` file fails, with a line diff; nothing is
 * written unless asked. When findings change on purpose, rewrite them with:
 *
 *     UPDATE_FIXTURES=1 npx vitest run --project unit test/integration.test.ts
 *
 * then read the diff of fixtures/<preset>/drifted.expected before committing
 * it. The drift comment checks run in the update mode too.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {builtinPresets} from '../src/preset/load.js'
import {findings, fixtures, lintFixture} from './helpers.js'
import {compareFindings, findingLine} from './rule-docs.js'

/** The name of the environment variable that turns on the update mode. */
const updateVariable = 'UPDATE_FIXTURES'
const update = Boolean(process.env[updateVariable])

/** How many lines after its drift comment a drift's finding may start. */
const reach = 3

const driftComment = /^<!-- drift: .+ -->$/

/** The 1-based line numbers of the drift comments in a document. */
function driftLines(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (driftComment.test(line.trim()) ? [index + 1] : []))
}

/** The line a finding starts on, 0 when it has no place. */
function startLine(message: VFileMessage): number {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  return start?.line ?? 0
}

/** The lines of an `.expected` file, blank lines left out. */
function readExpected(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
}

describe('integration fixtures', () => {
  for (const preset of builtinPresets) {
    describe(preset, () => {
      const drifted = path.join(fixtures, preset, 'drifted.md')
      const expectedFile = path.join(fixtures, preset, 'drifted.expected')
      const at = (file: string) => path.relative(path.dirname(fixtures), file)

      it('valid.md gives no finding', () => {
        expect(findings(lintFixture(path.join(preset, 'valid.md'), {preset}))).toEqual([])
      })

      it('drifted.md names its preset in front matter, and all its findings are errors (a review status)', () => {
        const text = readFileSync(drifted, 'utf8')
        expect(text).toMatch(new RegExp(`^---\\ntemplate: ${preset}\\n`))
        const file: VFile = lintFixture(path.join(preset, 'drifted.md'), {preset})
        expect(file.messages.length, `${at(drifted)} gives no finding`).toBeGreaterThan(0)
        expect(file.messages.filter((message) => message.fatal !== true).map(findingLine), 'findings that are not errors').toEqual([])
      })

      it('drifted.md gives exactly drifted.expected', () => {
        const actual = lintFixture(path.join(preset, 'drifted.md'), {preset}).messages.map(findingLine)
        const expected = existsSync(expectedFile) ? readExpected(expectedFile) : undefined
        const mismatch = compareFindings(expected ?? [], actual)
        if (expected && !mismatch) return
        if (update) {
          writeFileSync(expectedFile, actual.map((line) => line + '\n').join(''))
          console.log(`${at(expectedFile)}: ${expected ? 'rewrote' : 'wrote'} ${actual.length} finding(s)`)
          return
        }
        if (!expected) expect.fail(`${at(expectedFile)} is missing (${updateVariable}=1 writes it); it would hold:\n${actual.join('\n')}`)
        expect.fail(`${at(expectedFile)}: findings differ (- expected, + actual; ${updateVariable}=1 rewrites):\n${mismatch}`)
      })

      it('every drift comment has a finding right after it, and every finding a drift comment', () => {
        const comments = driftLines(readFileSync(drifted, 'utf8'))
        const messages = lintFixture(path.join(preset, 'drifted.md'), {preset}).messages
        const starts = messages.map(startLine)
        expect(comments.length, `${at(drifted)} has no drift comment`).toBeGreaterThan(0)

        const unexplained = comments.filter((line) => !starts.some((start) => start > line && start <= line + reach))
        expect(
          unexplained.map((line) => `${at(drifted)}:${line}`),
          `drift comments with no finding on the ${reach} lines after them`,
        ).toEqual([])

        const stray = messages.filter((message) => {
          const start = startLine(message)
          return !comments.some((line) => start > line && start <= line + reach)
        })
        expect(stray.map(findingLine), `findings without a drift comment on the ${reach} lines before them`).toEqual([])

        const onComment = messages.filter((message) => comments.includes(startLine(message)))
        expect(onComment.map(findingLine), 'findings on a drift comment itself').toEqual([])
      })
    })
  }
})
