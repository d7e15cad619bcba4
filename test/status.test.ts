/** Status decides strictness: drafts get warnings, reviews get errors. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findings, fixtures, lint} from './helpers.js'

const read = (name: string) => readFileSync(path.join(fixtures, name, 'valid.md'), 'utf8')

const statusLines: Record<string, [string, string, string[]]> = {
  standard: ['**Status**: ', 'Approved', ['Draft', 'Review', 'Approved', 'draft', 'REVIEW']],
  production: ['- **Status:** ', 'In Review', ['Draft', 'In Review', 'Approved']],
  prd: ['**Status:** ', 'Approved', ['Draft', 'In Review', 'Approved']],
}

describe('status decides strictness', () => {
  for (const [preset, [label, value, statuses]] of Object.entries(statusLines)) {
    for (const status of statuses) {
      it(`${preset}: the filled document gives zero findings at Status ${status}`, () => {
        const doc = read(preset).replace(label + value, label + status)
        expect(doc).toContain(label + status)
        expect(findings(lint(doc, {preset}))).toEqual([])
      })
    }
  }
  for (const preset of ['architecture', 'evolving']) {
    it(`${preset}: the filled document (no Status field) gives zero findings`, () => {
      expect(findings(lint(read(preset), {preset}))).toEqual([])
    })
  }

  const leftover = (status: string) =>
    read('standard')
      .replace('**Status**: Approved', `**Status**: ${status}`)
      .replace('### Scope\n', '### Scope\n[What is included and excluded from this design]\n\n')

  it('a draft gets warnings for placeholders, saying why in the note, not in the reason', () => {
    const file = lint(leftover('Draft'), {preset: 'standard'})
    expect(findings(file)[0]).toMatch(/^\S+ warning no-placeholders Placeholder "\[What is included/)
    expect(file.messages[0].note).toBe('A warning while the Status is "Draft"; an error once in review.')
    expect(file.messages[0].reason).not.toContain('a warning while')
    expect(file.messages[0].messageId).toBe('placeholder')
  })

  it('a status change changes the severity, not the message id, data or reason', () => {
    const [draft] = lint(leftover('Draft'), {preset: 'standard'}).messages
    const [review] = lint(leftover('Review'), {preset: 'standard'}).messages
    expect([draft.fatal, review.fatal]).toEqual([false, true])
    expect(review.note).toBeUndefined()
    expect([review.reason, review.messageId, review.data]).toEqual([draft.reason, draft.messageId, draft.data])
  })

  it('a document in review gets errors', () => {
    expect(findings(lint(leftover('Review'), {preset: 'standard'}))[0]).toMatch(
      /^\S+ error no-placeholders Placeholder "\[What is included/,
    )
  })

  it('no status at all is a draft', () => {
    const doc = leftover('Draft').replace('**Status**: Draft', '')
    const file = lint(doc, {preset: 'standard'})
    const result = findings(file)
    expect(result.find((line) => line.includes('no-placeholders'))).toMatch(/^\S+ warning /)
    expect(file.messages.find((message) => message.ruleId === 'no-placeholders')?.note).toMatch(/while there is no Status/)
    expect(result.find((line) => line.includes('required-fields'))).toMatch(/^\S+ error required-fields Missing field "Status"/)
  })

  it('missing sections stay errors in a draft', () => {
    const doc = leftover('Draft').replace('### Rollback Strategy\n', '### Rollback Stratgy\n')
    expect(findings(lint(doc, {preset: 'standard'})).find((line) => line.includes('required-sections'))).toMatch(/^\S+ error /)
  })

  it('a configured severity wins over the status', () => {
    const file = lint(leftover('Draft'), {preset: 'standard', rules: {'no-placeholders': 'error'}})
    expect(findings(file)[0]).toMatch(/^\S+ error no-placeholders /)
    expect(file.messages[0].note).toBeUndefined()
  })

  it('which statuses are drafts is configurable', () => {
    const doc = leftover('Review')
    expect(findings(lint(doc, {preset: 'standard', draftStatuses: ['Draft', 'Review']}))[0]).toMatch(/^\S+ warning /)
  })
})
