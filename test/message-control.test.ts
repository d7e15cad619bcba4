/** Inline control comments for designlint rules. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findings, fixtures, lint} from './helpers.js'

const valid = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
const nearMiss = valid.replace('### Rollback Strategy', '### Rollback Stratgy')

describe('inline control', () => {
  it('reports without comments', () => {
    expect(findings(lint(nearMiss, {preset: 'standard'}))).toHaveLength(1)
  })

  it('disable turns a rule off from the comment on', () => {
    const doc = nearMiss.replace('## Deployment\n', '<!-- designlint disable required-sections -->\n\n## Deployment\n')
    expect(findings(lint(doc, {preset: 'standard'}))).toEqual([])
  })

  it('ignore turns rules off for the next block only', () => {
    const doc = nearMiss.replace('### Rollback Stratgy', '<!-- designlint ignore required-sections -->\n\n### Rollback Stratgy')
    expect(findings(lint(doc, {preset: 'standard'}))).toEqual([])
  })

  it('enable turns it back on', () => {
    const doc = nearMiss
      .replace('## Security Considerations', '<!-- designlint disable required-sections -->\n\n## Security Considerations')
      .replace('## Deployment\n', '<!-- designlint enable required-sections -->\n\n## Deployment\n')
    expect(findings(lint(doc, {preset: 'standard'}))).toHaveLength(1)
  })

  it('warns about unknown rule ids in comments', () => {
    const doc = valid.replace('## Deployment\n', '<!-- designlint disable required-section -->\n\n## Deployment\n')
    expect(findings(lint(doc, {preset: 'standard'})).join('\n')).toMatch(/warning known Cannot disable `'required-section'`/)
  })

  it('config severities apply ("off", "warn")', () => {
    expect(findings(lint(nearMiss, {preset: 'standard', rules: {'required-sections': 'off'}}))).toEqual([])
    expect(findings(lint(nearMiss, {preset: 'standard', rules: {'required-sections': 'warn'}}))[0]).toMatch(
      /^\S+ warning required-sections/,
    )
  })
})
