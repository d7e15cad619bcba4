import {describe, expect, it} from 'vitest'
import {findings, lintFixture, ruleFixtureCases} from '../test/helpers.js'

describe('heading-numbering', () => {
  for (const {name, pass} of ruleFixtureCases('heading-numbering')) {
    it(name, async () => {
      const file = lintFixture('heading-numbering/' + name)
      if (pass) {
        expect(findings(file)).toEqual([])
      } else {
        expect(file.messages.some((message) => message.ruleId === 'heading-numbering')).toBe(true)
        await expect(findings(file).join('\n') + '\n').toMatchFileSnapshot(
          '../fixtures/heading-numbering/' + name.replace(/\.md$/, '.expected'),
        )
      }
    })
  }
})
