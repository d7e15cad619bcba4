import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('field-format', () => {
  for (const {name, pass} of ruleFixtureCases('field-format')) {
    it(name, async () => {
      const file = lintFixture('field-format/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'field-format')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/field-format/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
