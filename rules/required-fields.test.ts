import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('required-fields', () => {
  for (const {name, pass} of ruleFixtureCases('required-fields')) {
    it(name, async () => {
      const file = lintFixture('required-fields/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'required-fields')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/required-fields/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
