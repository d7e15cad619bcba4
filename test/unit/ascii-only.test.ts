/**
 * The build step that makes the CLI's bundled script pure ASCII
 * (scripts/ascii-only.mjs): each escaped snippet means what it meant, and a
 * character it cannot escape safely stops the build.
 */
import {describe, expect, it} from 'vitest'
import {asciiOnly} from '../../scripts/ascii-only.mjs'

/** The value of an expression, evaluated as a script would. */
const valueOf = (expression: string) => new Function(`return (${expression})`)()

describe('asciiOnly', () => {
  const same: Array<[string, string]> = [
    ['a regular expression without flags', `['’x'.replace(/['’-]/g, ''), /[“”]/.test('“'), /…$/.test('a…')]`],
    ['one with the u flag and a character beyond the BMP', String.raw`[/^😀+$/u.test('😀😀'), /[😀é]/u.test('é'), /\p{L}’/u.test('a’')]`],
    ['one without the u flag and a character beyond the BMP', String.raw`[/^😀$/.test('😀'), /[😀]/.test('\ud83d')]`],
    ['an identity escape of the character', String.raw`[/\’/.test('’'), '\é', /[\–]/.test('–')]`],
    ['a string and a comment', "[/* “quoted” */ 'naïve', // ẞ\n 'ẞ'.length]"],
  ]
  it.each(same)('keeps the meaning of %s', (_, expression) => {
    const escaped = asciiOnly(expression, 'snippet.js')
    expect(escaped).toMatch(/^[\0-\x7f]*$/)
    expect(valueOf(escaped)).toEqual(valueOf(expression))
  })

  it('stops at a template, whose raw text a tag may read, and says where', () => {
    expect(() => asciiOnly('const a = 1\nconst b = String.raw`’`', 'snippet.js')).toThrow(
      'snippet.js:2: "’" outside a string, regular expression or comment: write it as an escape in the source',
    )
  })
})
