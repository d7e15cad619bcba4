import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('table-columns', () => {
  for (const {name, pass} of ruleFixtureCases('table-columns')) {
    it(name, async () => {
      const file = lintFixture('table-columns/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'table-columns')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/table-columns/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
