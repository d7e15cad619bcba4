import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('required-tables', () => {
  for (const {name, pass} of ruleFixtureCases('required-tables')) {
    it(name, async () => {
      const file = lintFixture('required-tables/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'required-tables')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/required-tables/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
