import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('heading-level', () => {
  for (const {name, pass} of ruleFixtureCases('heading-level')) {
    it(name, async () => {
      const file = lintFixture('heading-level/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'heading-level')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/heading-level/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
