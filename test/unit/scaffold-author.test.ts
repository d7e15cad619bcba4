/** `designlint new` fills a template's Author field with the author's name (issue 12, part 9). */
import {describe, expect, it} from 'vitest'
import {scaffold} from '../../src/cli/scaffold.js'
import {root} from '../helpers.js'

const base = {templateReference: 'x', today: '2026-01-02', cwd: root}

describe('scaffold: the Author field', () => {
  it.each([
    ['production', '- **Author:** Ada Lovelace\n'],
    ['prd', '**Author:** Ada Lovelace\n'],
    ['standard', '**Author**: Ada Lovelace'],
  ])('%s: the Author field gets the name, as the template writes the line', (preset, line) => {
    expect(scaffold({...base, preset, author: 'Ada Lovelace'})).toContain(line)
  })

  it('without a name the field keeps its placeholder', () => {
    expect(scaffold({...base, preset: 'production'})).toContain('- **Author:** <Name>\n')
  })

  it('a template without an Author field is left as it is', () => {
    expect(scaffold({...base, preset: 'architecture', author: 'Ada Lovelace'})).not.toContain('Ada Lovelace')
  })
})
