import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('no-template-text', () => {
  for (const {name, pass} of ruleFixtureCases('no-template-text')) {
    it(name, async () => {
      const file = lintFixture('no-template-text/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'no-template-text')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/no-template-text/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
