import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('field-values', () => {
  for (const {name, pass} of ruleFixtureCases('field-values')) {
    it(name, async () => {
      const file = lintFixture('field-values/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'field-values')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/field-values/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
