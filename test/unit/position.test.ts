import {describe, expect, it} from 'vitest'
import {lineEndAt, lineStartAt, pointLocator, sourceLines} from '../../src/util/position.js'
import {parseMarkdown} from '../../src/markdown/parse.js'
import {walk} from '../../src/markdown/walk.js'

describe('pointLocator', () => {
  it('counts lines as the parser does: at CRLF, a lone CR and LF', () => {
    const text = 'a\r\nb\rc\nd'
    const pointAt = pointLocator(text)
    expect(pointAt(0)).toEqual({line: 1, column: 1, offset: 0})
    expect(pointAt(3)).toEqual({line: 2, column: 1, offset: 3})
    expect(pointAt(5)).toEqual({line: 3, column: 1, offset: 5})
    expect(pointAt(7)).toEqual({line: 4, column: 1, offset: 7})
    expect(pointAt(8)).toEqual({line: 4, column: 2, offset: 8})
  })

  it('gives every node the point the parser gives it', () => {
    const text = '# A\r\rpara\rgraph\r\n\r\n- item\n\r> quote'
    const pointAt = pointLocator(text)
    walk(parseMarkdown(text), (node) => {
      if (!node.position) return
      expect(pointAt(node.position.start.offset ?? 0)).toEqual(node.position.start)
      expect(pointAt(node.position.end.offset ?? 0)).toEqual(node.position.end)
    })
  })

  it('takes an offset outside the text to its nearest end', () => {
    const pointAt = pointLocator('ab\ncd')
    expect(pointAt(-3)).toEqual({line: 1, column: 1, offset: 0})
    expect(pointAt(99)).toEqual({line: 2, column: 3, offset: 5})
  })
})

describe('lines', () => {
  it('splits at every kind of line ending, with each line’s offset', () => {
    expect(sourceLines('a\r\nb\rc\n\nd')).toEqual([
      {start: 0, text: 'a'},
      {start: 3, text: 'b'},
      {start: 5, text: 'c'},
      {start: 7, text: ''},
      {start: 8, text: 'd'},
    ])
    expect(sourceLines('xx\ryy\nzz', 1, 5)).toEqual([
      {start: 1, text: 'x'},
      {start: 3, text: 'yy'},
    ])
  })

  it('finds where a line starts and ends', () => {
    const text = 'ab\rcd\r\nef'
    expect(lineStartAt(text, 4)).toBe(3)
    expect(lineEndAt(text, 4)).toBe(5)
    expect(lineStartAt(text, 8)).toBe(7)
    expect(lineEndAt(text, 8)).toBe(9)
  })
})
