/**
 * The rule pages are the rules' tests: every example in `rules/<id>.md` runs.
 *
 * Under `## Examples`, each `### <name>` holds a `markdown template` block
 * (or `"preset"` in a `json config` block), an optional `json config` block
 * of designlint options, and documents:
 *
 * - a `markdown pass` block must give no finding at all, from any rule;
 * - a `markdown fail` block must give exactly the findings of the page's rule
 *   listed in the `text findings` block right after it, one a line
 *   (`line:column-endLine:endColumn severity rule-id/message-id reason`, then
 *   ` — ` and the note for a finding that has one, such as a draft's warning;
 *   lines counted from the fenced document's first line). Other rules'
 *   findings on a fail document are not compared.
 *
 * Before the examples, `## Messages` has one `### <message-id>` per message
 * of the rule (the anchor each finding links to), and a rule with options
 * has `## Options` with one `### <name>` per option; every message must be
 * shown by a fail example and every option set in an example's config.
 *
 * A fail block without a findings block fails, and a findings block that
 * differs fails with a line diff; nothing is written to a page unless asked.
 * When wording changes on purpose, rewrite the findings blocks with:
 *
 *     UPDATE_RULE_DOCS=1 npx vitest run --project unit test/rule-docs.test.ts
 *
 * then read the diff of rules/*.md before committing it. The update mode
 * also adds a findings block after a fail block that has none; pass blocks
 * with findings still fail (they need a better example, not new lines).
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {VFileMessage} from 'vfile-message'
import {afterAll, describe, expect, it} from 'vitest'
import {ruleMeta} from '../rules/index.js'
import {ruleIds} from '../rules/index.js'
import {root} from './helpers.js'
import {
  checkReference,
  compareFindings,
  diffLines,
  exampleOptions,
  findingLine,
  headingAnchor,
  type PageRule,
  parseRulePage,
  rewriteFindings,
  runSample,
  type Sample,
  TemplateFolder,
  updateVariable,
} from './rule-docs.js'

const update = Boolean(process.env[updateVariable])
const rulesFolder = path.join(root, 'rules')
const registered = new Set<string>(ruleIds)
const pageIds = readdirSync(rulesFolder)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -3))
  .filter((id) => registered.has(id))
  .sort()

const templates = new TemplateFolder()
afterAll(() => templates.remove())

describe('rule pages', () => {
  it('every registered rule has a page', () => {
    expect(pageIds).toEqual([...ruleIds].sort())
  })

  for (const ruleId of pageIds) {
    const file = path.join(rulesFolder, ruleId + '.md')
    const page = parseRulePage(readFileSync(file, 'utf8'), ruleId)
    const at = (line: number) => `rules/${ruleId}.md:${line}`
    const updates: Array<{sample: Sample; lines: string[]}> = []

    describe(ruleId, () => {
      it('has well-formed examples', () => {
        const open = update ? page.problems.filter((entry) => !entry.includes('without a findings block')) : page.problems
        expect(open, `rules/${ruleId}.md`).toEqual([])
      })

      it('documents every message and option of the rule, with an example of each', () => {
        const meta = ruleMeta(ruleId)
        if (!meta) expect.fail(`no rule "${ruleId}" in rules/index.ts`)
        expect(checkReference(page, meta), `rules/${ruleId}.md`).toEqual([])
      })

      for (const example of page.examples) {
        for (const sample of example.samples) {
          it(`${example.name}: ${sample.kind} (${at(sample.line)})`, () => {
            const result = runSample(sample, exampleOptions(example, templates, ruleId), ruleId)
            if (sample.kind === 'pass') {
              const found = compareFindings([], result.all)
              if (found) expect.fail(`${at(sample.line)}: the pass document gives findings:\n${found}`)
              return
            }
            expect(result.compared.length, `${at(sample.line)}: the fail document gives no ${ruleId} finding`).toBeGreaterThan(0)
            const expected = sample.findings?.lines
            const mismatch = compareFindings(expected ?? [], result.compared)
            if (!mismatch) return
            if (update) {
              updates.push({sample, lines: result.compared})
              return
            }
            if (!expected)
              expect.fail(`${at(sample.line)}: no findings block after the fail block; it gives:\n${result.compared.join('\n')}`)
            expect.fail(
              `${at(sample.findings?.line ?? sample.line)}: findings differ (- page, + actual; ${updateVariable}=1 rewrites):\n${mismatch}`,
            )
          })
        }
      }

      afterAll(() => {
        if (!update || updates.length === 0) return
        writeFileSync(file, rewriteFindings(page.text, updates))
        console.log(`rules/${ruleId}.md: rewrote ${updates.length} findings block(s)`)
      })
    })
  }
})

/** A page made up here, so the runner's own behaviour is checked whatever the real pages hold. */
const madeUp = [
  '# required-sections',
  '',
  'Prose.',
  '',
  '## Examples',
  '',
  '### Missing subsection',
  '',
  '```markdown template',
  '# Design: [Name]',
  '',
  '## Deployment',
  '',
  '### Rollback',
  '[How]',
  '```',
  '',
  '```markdown pass',
  '# Design: Ledger',
  '',
  '## Deployment',
  '',
  '### Rollback',
  'Switch traffic back.',
  '```',
  '',
  '```markdown fail',
  '# Design: Ledger',
  '',
  '## Deployment',
  'Blue-green.',
  '```',
  '',
  '```text findings',
  'FINDINGS',
  '```',
  '',
].join('\n')

describe('the rule page runner', () => {
  /** The made-up page's fail sample, run: its expected and actual lines. */
  function runMadeUp(text: string) {
    const page = parseRulePage(text, 'required-sections')
    const [example] = page.examples
    const fail = example.samples.find((sample) => sample.kind === 'fail') as Sample
    const result = runSample(fail, exampleOptions(example, templates, page.ruleId), page.ruleId)
    return {page, fail, expected: fail.findings?.lines ?? [], actual: result.compared}
  }

  it('reads templates, pass and fail blocks, and findings', () => {
    const {page, fail, actual} = runMadeUp(madeUp)
    expect(page.problems).toEqual([])
    expect(page.examples.map((example) => [example.name, example.samples.map((sample) => sample.kind)])).toEqual([
      ['Missing subsection', ['pass', 'fail']],
    ])
    expect(fail.value.split('\n')[0]).toBe('# Design: Ledger')
    expect(actual.length).toBe(1)
    expect(actual[0]).toMatch(/^5:1 error required-sections\/missing-section Missing section "### Rollback"/)
  })

  it('accepts the right findings and rejects a doctored one, with a diff', () => {
    const {actual} = runMadeUp(madeUp)
    const right = runMadeUp(madeUp.replace('FINDINGS', actual.join('\n')))
    expect(compareFindings(right.expected, right.actual)).toBeUndefined()

    const doctored = runMadeUp(madeUp.replace('FINDINGS', actual[0].replace(/^5:1/, '4:1')))
    const mismatch = compareFindings(doctored.expected, doctored.actual)
    expect(mismatch).toBeDefined()
    expect(mismatch?.split('\n')).toEqual(['- ' + actual[0].replace(/^5:1/, '4:1'), '+ ' + actual[0]])

    const wrongDocument = runMadeUp(madeUp.replace('FINDINGS', actual.join('\n')).replace('### Rollback\nSwitch', '### Rollbak\nSwitch'))
    const pass = wrongDocument.page.examples[0].samples[0]
    const result = runSample(pass, exampleOptions(wrongDocument.page.examples[0], templates, 'required-sections'), 'required-sections')
    expect(compareFindings([], result.all)).toMatch(/^\+ .*did you mean/)
  })

  it('a fail block without findings is a problem, not a silent write', () => {
    const text = madeUp.replace(/\n```text findings\nFINDINGS\n```\n/, '')
    const page = parseRulePage(text, 'required-sections')
    expect(page.problems).toEqual([
      'line 27: a fail block without a findings block after it, in example "Missing subsection" (UPDATE_RULE_DOCS=1 writes it)',
    ])
  })

  it('reports malformed pages', () => {
    expect(parseRulePage('# x\n\nProse only.\n', 'x').problems).toEqual(['line 1: no "## Examples" section'])
    const text = [
      '# x',
      '',
      '```markdown pass',
      'a',
      '```',
      '',
      '## Examples',
      '',
      '### Only a fail',
      '',
      '```markdown fial',
      'a',
      '```',
      '',
      '```json config',
      '{"rules": ',
      '```',
      '',
      '```markdown fail',
      'a',
      '```',
      '',
      '```text findings',
      '```',
    ].join('\n')
    expect(parseRulePage(text, 'x').problems).toEqual([
      'line 3: a `markdown pass` block outside an example (put it under a "### <name>" in "## Examples")',
      'line 11: unknown block `markdown fial` in example "Only a fail": expected one of `markdown template`, `json config`, `markdown pass`, `markdown fail`, `text findings`',
      'line 15: a config block that is not JSON: Unexpected end of JSON input',
      'line 9: example "Only a fail" has no template block (or "preset" in its config)',
      'line 23: an empty findings block, in example "Only a fail": a fail document must give a finding',
      'line 1: no example with both a pass and a fail block',
    ])
  })

  it('the update mode rewrites findings blocks and adds missing ones', () => {
    const {page, fail, actual} = runMadeUp(madeUp)
    const rewritten = rewriteFindings(page.text, [{sample: fail, lines: actual}])
    expect(runMadeUp(rewritten).expected).toEqual(actual)
    expect(rewritten.replace(actual.join('\n'), 'FINDINGS')).toBe(madeUp)

    const bare = madeUp.replace(/\n```text findings\nFINDINGS\n```\n/, '')
    const bareFail = parseRulePage(bare, 'required-sections').examples[0].samples[1]
    const added = rewriteFindings(bare, [{sample: bareFail, lines: actual}])
    expect(parseRulePage(added, 'required-sections').problems).toEqual([])
    expect(added).toBe(rewritten)
  })

  it('diffs lines by their longest common run', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual(['  a', '- b', '  c', '+ d'])
  })

  it('writes a finding line with its message id, and its note when it has one', () => {
    const message = new VFileMessage('Placeholder "[TBD]" left in "## Rollout": expected your own text', {
      place: {start: {line: 6, column: 3}, end: {line: 6, column: 8}},
      ruleId: 'no-placeholders',
    })
    message.fatal = true
    message.messageId = 'placeholder'
    expect(findingLine(message)).toBe(
      '6:3-6:8 error no-placeholders/placeholder Placeholder "[TBD]" left in "## Rollout": expected your own text',
    )
    message.fatal = false
    message.note = 'A warning while there is no Status; an error once in review.'
    expect(findingLine(message)).toBe(
      '6:3-6:8 warning no-placeholders/placeholder Placeholder "[TBD]" left in "## Rollout": expected your own text — A warning while there is no Status; an error once in review.',
    )
  })
})

/** A made-up rule for the reference checks: two messages and one option. */
const madeUpRule: PageRule = {
  id: 'made-up',
  messages: {'first-kind': 'First {x}', 'second-kind': 'Second {x}'},
  options: {limit: {type: 'number', default: 3, description: 'How many.'}},
}

/** A page of the made-up rule; `{config}` and `{findings}` are filled in by each test. */
const madeUpReference = [
  '# made-up',
  '',
  '## Messages',
  '',
  '### first-kind',
  '',
  'When it is reported.',
  '',
  '### second-kind',
  '',
  'When it is reported.',
  '',
  '## Options',
  '',
  '### limit',
  '',
  'How many.',
  '',
  '## Examples',
  '',
  '### One of each',
  '',
  '```json config',
  '{config}',
  '```',
  '',
  '```markdown template',
  '# T',
  '```',
  '',
  '```markdown pass',
  '# T',
  '```',
  '',
  '```markdown fail',
  'T',
  '```',
  '',
  '```text findings',
  '{findings}',
  '```',
  '',
].join('\n')

/** The made-up page with the given config and findings lines. */
function reference(config: string, findings: string[], text = madeUpReference): string {
  return text.replace('{config}', config).replace('{findings}', findings.join('\n'))
}

describe('the reference checks', () => {
  const both = ['1:1 error made-up/first-kind First a', '1:1 error made-up/second-kind Second b']
  const withLimit = '{"rules": {"made-up": ["error", {"limit": 1}]}}'

  it('accept a page with a heading and an example for each message, and each option documented and set', () => {
    expect(checkReference(parseRulePage(reference(withLimit, both), 'made-up'), madeUpRule)).toEqual([])
  })

  it('name a message without a heading, a heading without a message, and a message no example shows', () => {
    const text = reference(withLimit, both.slice(0, 1)).replace('### second-kind', '### third-kind')
    expect(checkReference(parseRulePage(text, 'made-up'), madeUpRule)).toEqual([
      'line 9: "### third-kind" under "## Messages" names no message of made-up (it has "first-kind", "second-kind")',
      'line 3: message "second-kind" has no "### second-kind" heading under "## Messages"',
      'line 1: message "second-kind" is shown by no fail example: add one under "## Examples"',
    ])
  })

  it('name a missing section, a section in the wrong place, and a heading that takes a message anchor', () => {
    const noMessages = reference(withLimit, both).replace(/## Messages[\s\S]*?## Options/, '## Options')
    expect(checkReference(parseRulePage(noMessages, 'made-up'), madeUpRule)).toEqual([
      'line 1: no "## Messages" section: expected one "### <message-id>" for each of "first-kind", "second-kind"',
    ])
    const late = reference(withLimit, both).replace('## Messages', '## Notes') + '\n## Messages\n\n### first-kind\n\n### second-kind\n'
    expect(checkReference(parseRulePage(late, 'made-up'), madeUpRule)).toEqual([
      'line 44: "## Messages" comes after "## Examples": put it before',
      'line 5: heading "first-kind" takes the anchor #first-kind before "### first-kind" under "## Messages" does: rename it',
      'line 9: heading "second-kind" takes the anchor #second-kind before "### second-kind" under "## Messages" does: rename it',
    ])
    const title = reference(withLimit, both).replace('# made-up', '# Made-up rule')
    expect(checkReference(parseRulePage(title, 'made-up'), madeUpRule)).toEqual([
      'line 1: the page\'s first heading is "# Made-up rule": expected "# made-up"',
    ])
  })

  it('name an option without a heading or an example, and an options section of a rule without options', () => {
    const text = reference('{}', both).replace('### limit', '### limits')
    expect(checkReference(parseRulePage(text, 'made-up'), madeUpRule)).toEqual([
      'line 15: "### limits" under "## Options" names no option of made-up (it has "limit")',
      'line 13: option "limit" has no "### limit" heading under "## Options"',
      'line 13: option "limit" is set by no example\'s config: add one under "## Examples"',
    ])
    const noOptions: PageRule = {...madeUpRule, options: {}}
    expect(checkReference(parseRulePage(reference('{}', both), 'made-up'), noOptions)).toEqual([
      'line 13: an "## Options" section, but made-up takes no options',
    ])
  })

  it('give headings the anchors GitHub gives them', () => {
    expect(headingAnchor('missing-section')).toBe('missing-section')
    expect(headingAnchor('Links, references & footnotes')).toBe('links-references--footnotes')
    expect(headingAnchor("The parent's number as prefix")).toBe('the-parents-number-as-prefix')
  })
})
