/** defineRule: messages under ids, options declared and checked, and no silent use without the plugin. */
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {ruleMetas, rules} from '../../rules/index.js'
import {fillMessage, followsStatus} from '../../src/rule/define.js'
import {checkRuleSetting} from '../../src/config/rule-settings.js'
import {lint} from '../helpers.js'

const doc = '# Technical Design Document: Payments\n\n**Status**: Review\n\n## 1. Overview\n\n[LinuxOnly] and [Name Here] stay.\n'

describe('defineRule', () => {
  it('a rule used without the designlint plugin fails loudly instead of finding nothing', () => {
    const file = new VFile({value: doc, path: 'doc.md'})
    const processor = unified().use(remarkParse).use(rules[0].plugin)
    expect(() => processor.runSync(processor.parse(file), file)).toThrow(
      /^designlint rule "required-sections" used without the designlint plugin/,
    )
  })

  it('every finding carries its message id, its data and a link to the message', () => {
    const file = lint(doc, {preset: 'standard'})
    expect(file.messages.length).toBeGreaterThan(0)
    for (const message of file.messages) {
      if (message.ruleId === 'preset') continue
      const meta = ruleMetas.find((candidate) => candidate.id === message.ruleId)!
      expect(Object.keys(meta.messages)).toContain(message.messageId)
      expect(message.url).toBe(`${meta.url}#${message.messageId}`)
      expect(fillMessage(meta.id, message.messageId!, meta.messages[message.messageId!], message.data!)).toBe(message.reason)
    }
  })

  it('passes the options a rule declares', () => {
    const found = (options = {}) =>
      lint(doc, {preset: 'standard', ...options})
        .messages.filter((message) => message.ruleId === 'no-placeholders')
        .map((message) => message.data?.found)
    expect(found()).toContain('[Name Here]')
    expect(found({rules: {'no-placeholders': ['error', {allow: ['[name here]']}]}})).not.toContain('[Name Here]')
  })

  it('rejects unknown rules, unknown options and options of the wrong type', () => {
    expect(checkRuleSetting('no-placeholders', ['error', {allow: ['x']}])).toBeUndefined()
    expect(checkRuleSetting('no-placehodlers', 'error')).toMatch(/^unknown rule "no-placehodlers" \(did you mean "no-placeholders"\?\)/)
    expect(checkRuleSetting('no-placeholders', ['error', {alow: []}])).toMatch(
      /unknown option of rule "no-placeholders" "alow" \(did you mean "allow"\?\)/,
    )
    expect(checkRuleSetting('no-placeholders', ['error', {allow: 'x'}])).toBe(
      'option "allow" of rule "no-placeholders" must be a list of strings, not "x"',
    )
    expect(checkRuleSetting('heading-level', ['warn', {depth: 2}])).toBe('rule "heading-level" takes no options, not "depth"')
    expect(checkRuleSetting('heading-level', 'loud')).toMatch(/expected "off", "warn" or "error"/)
    expect(() => lint(doc, {preset: 'standard', rules: {'no-placeholders': ['error', {alow: []}]}})).toThrow(/alow/)
  })

  it('the draft set derives from the rules: which findings follow the status', () => {
    const follows = ruleMetas.flatMap((meta) =>
      Object.keys(meta.messages)
        .filter((id) => followsStatus(meta, id))
        .map((id) => `${meta.id}/${id}`),
    )
    expect(follows).toEqual([
      'required-sections/title-placeholder',
      'no-empty-sections/empty',
      'no-placeholders/placeholder',
      'no-placeholders/filler-item',
      'no-placeholders/filler',
      'no-template-text/example-code',
      'no-template-text/template-text',
      'no-template-text/example-value',
      'required-fields/unfilled-field',
      'table-values/left-as-is',
      'required-diagrams/left-as-is',
      'required-diagrams/empty-diagram',
    ])
  })
})

describe('options alone', () => {
  it('keep designlint severity: a draft still gets warnings', () => {
    const draft = doc.replace('**Status**: Review', '**Status**: Draft')
    const file = lint(draft, {preset: 'standard', rules: {'no-placeholders': {allow: ['[LinuxOnly]']}}})
    const placeholders = file.messages.filter((message) => message.ruleId === 'no-placeholders')
    expect(placeholders.map((message) => [message.data?.found, message.fatal])).toEqual([['[Name Here]', false]])
    expect(checkRuleSetting('no-placeholders', {allow: ['x']})).toBeUndefined()
    expect(checkRuleSetting('no-placeholders', {alow: ['x']})).toMatch(/did you mean "allow"/)
  })
})
