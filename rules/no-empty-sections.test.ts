import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('no-empty-sections', () => {
  for (const {name, pass} of ruleFixtureCases('no-empty-sections')) {
    it(name, async () => {
      const file = lintFixture('no-empty-sections/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'no-empty-sections')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/no-empty-sections/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
