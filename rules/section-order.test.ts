import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('section-order', () => {
  for (const {name, pass} of ruleFixtureCases('section-order')) {
    it(name, async () => {
      const file = lintFixture('section-order/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'section-order')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/section-order/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
