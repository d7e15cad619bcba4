/** The fix module: which edits are certain, how they are applied, and the lint→fix loop. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {unifiedDiff} from '../../src/fix/diff.js'
import {applyEdits, certainEdits, editOf} from '../../src/fix/edits.js'
import {fixText, maxPasses} from '../../src/fix/fix.js'
import {fixtures, lint} from '../helpers.js'

const text = '# Title\n\n## Rollback Stratgy\nBody.\n'
const renamed = {
  ruleId: 'required-sections',
  messageId: 'near-miss',
  place: {start: {line: 3, column: 4}, end: {line: 3, column: 20}},
  expected: ['Rollback Strategy'],
}

describe('certain edits', () => {
  it('replaces exactly the place with the single expected', () => {
    expect(editOf(renamed, text)).toEqual({start: 12, end: 28, text: 'Rollback Strategy', finding: 'required-sections:near-miss'})
    expect(applyEdits(text, certainEdits([renamed], text))).toBe('# Title\n\n## Rollback Strategy\nBody.\n')
  })

  it('applies no edit of a choice (several expected), of a kind not certain, or without a place', () => {
    const several = {...renamed, ruleId: 'table-values', messageId: 'left-as-is', expected: ['High', 'Low']}
    const uncertain = {...renamed, ruleId: 'required-fields', messageId: 'missing-field'}
    const nowhere = {...renamed, place: undefined}
    expect(certainEdits([several, uncertain, nowhere], text)).toEqual([])
  })

  it('of edits that touch keeps the first; the rest wait for the next pass', () => {
    const insertion = {...renamed, messageId: 'missing-section', place: {line: 3, column: 1}, expected: ['## A\n\n']}
    const another = {...insertion, expected: ['## B\n\n']}
    const edits = certainEdits([insertion, another], text)
    expect(edits.map((edit) => edit.text)).toEqual(['## A\n\n'])
  })

  it('applies edits from the end backwards, so each offset holds', () => {
    const level = {
      ruleId: 'heading-level',
      messageId: 'wrong-level',
      place: {start: {line: 1, column: 1}, end: {line: 1, column: 2}},
      expected: ['##'],
    }
    expect(applyEdits(text, certainEdits([renamed, level], text))).toBe('## Title\n\n## Rollback Strategy\nBody.\n')
  })
})

describe('fixText', () => {
  it('fixes a drifted document and a second run changes nothing', () => {
    const file = path.join(fixtures, 'standard', 'drifted.md')
    const lintText = (value: string) => lint(value, {}, path.relative(path.dirname(fixtures), file)).messages
    const first = fixText(readFileSync(file, 'utf8'), lintText)
    expect(first.applied.map((edit) => edit.finding).sort()).toEqual([
      'heading-level:wrong-level',
      'required-sections:missing-section',
      'required-sections:near-miss',
    ])
    expect(first.text).toContain('### Rollback Strategy\n\n[How to rollback if issues occur]\n\n### Monitoring')
    const second = fixText(first.text, lintText)
    expect(second.applied).toEqual([])
    expect(second.text).toBe(first.text)
  })

  it('a filled document is left as it is', () => {
    const value = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
    expect(fixText(value, (text) => lint(text, {preset: 'standard'}).messages).text).toBe(value)
  })

  it('stops after a bounded number of passes', () => {
    let passes = 0
    const endless = (value: string) => {
      passes++
      return [{...renamed, place: {line: 1, column: 1}, messageId: 'missing-section', expected: [`${value.length}\n`]}]
    }
    fixText('x', endless)
    expect(passes).toBe(maxPasses + 1)
  })
})

describe('unifiedDiff', () => {
  it('prints hunks with context, as diff -u does', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n') + '\n'
    const after = before.replace('d\n', 'D\n')
    expect(unifiedDiff('doc.md', before, after)).toBe('--- a/doc.md\n+++ b/doc.md\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n')
    expect(unifiedDiff('doc.md', before, before)).toBe('')
  })
})
