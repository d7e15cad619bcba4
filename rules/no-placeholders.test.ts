import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('no-placeholders', () => {
  for (const {name, pass} of ruleFixtureCases('no-placeholders')) {
    it(name, async () => {
      const file = lintFixture('no-placeholders/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'no-placeholders')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/no-placeholders/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
