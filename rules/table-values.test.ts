import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('table-values', () => {
  for (const {name, pass} of ruleFixtureCases('table-values')) {
    it(name, async () => {
      const file = lintFixture('table-values/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'table-values')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/table-values/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
