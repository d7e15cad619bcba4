/** The baseline matches findings on file, rule, message id and data: never on wording, line or severity. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {applyBaseline, createBaseline, type Baseline} from '../../src/report/baseline.js'
import {fixtures, lint} from '../helpers.js'

const valid = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
const withLeftovers = (status: string) =>
  valid
    .replace('**Status**: Approved', `**Status**: ${status}`)
    .replace('### Scope\n', '### Scope\n[What is included and excluded from this design]\n\n')
    .replace('### Rollback Strategy\n', '### Rollback Stratgy\n')

describe('baseline', () => {
  it('records findings by message id and data', () => {
    const baseline = createBaseline([lint(withLeftovers('Draft'), {preset: 'standard'}, 'docs/a.md')])
    expect(baseline.version).toBe(2)
    expect(baseline.findings.map((entry) => [entry.ruleId, entry.messageId])).toEqual([
      ['no-placeholders', 'placeholder'],
      ['required-sections', 'near-miss'],
    ])
    expect(baseline.findings[0].reason).toBeUndefined()
    expect(baseline.findings[0].data).toMatchObject({found: '[What is included and excluded from this design]'})
  })

  it('a document whose Status goes from Draft to In Review brings back no recorded finding', () => {
    const draft = lint(withLeftovers('Draft'), {preset: 'standard'}, 'docs/a.md')
    expect(draft.messages.some((message) => message.fatal === false)).toBe(true)
    const baseline = createBaseline([draft])
    const review = lint(withLeftovers('Review'), {preset: 'standard'}, 'docs/a.md')
    expect(review.messages.every((message) => message.fatal === true)).toBe(true)
    expect(applyBaseline([review], baseline)).toBe(2)
    expect(review.messages).toEqual([])
  })

  it('lines moving do not bring a finding back; a new one is reported', () => {
    const baseline = createBaseline([lint(withLeftovers('Draft'), {preset: 'standard'}, 'docs/a.md')])
    const moved = withLeftovers('Draft').replace('## ', 'Some new text.\n\n## ').replace('### Goals\n', '### Goals\n[TBD]\n\n')
    const file = lint(moved, {preset: 'standard'}, 'docs/a.md')
    applyBaseline([file], baseline)
    expect(file.messages.map((message) => message.data?.found)).toEqual(['[TBD]'])
  })

  it('reads version 1 baselines, which recorded the text with the old draft note', () => {
    const draft = lint(withLeftovers('Draft'), {preset: 'standard'}, 'docs/a.md')
    const old: Baseline = {
      tool: 'designlint',
      version: 1,
      findings: draft.messages.map((message) => ({
        file: 'docs/a.md',
        ruleId: message.ruleId ?? '',
        reason: message.reason + (message.fatal === false ? ' (a warning while the Status is "Draft"; an error once in review)' : ''),
        count: 1,
      })),
    }
    const review = lint(withLeftovers('Review'), {preset: 'standard'}, 'docs/a.md')
    expect(applyBaseline([review], old)).toBe(2)
  })
})
