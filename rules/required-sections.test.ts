import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('required-sections', () => {
  for (const {name, pass} of ruleFixtureCases('required-sections')) {
    it(name, async () => {
      const file = lintFixture('required-sections/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'required-sections')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/required-sections/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
