import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('required-diagrams', () => {
  for (const {name, pass} of ruleFixtureCases('required-diagrams')) {
    it(name, async () => {
      const file = lintFixture('required-diagrams/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'required-diagrams')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/required-diagrams/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
