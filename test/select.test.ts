/** Picking the preset for each document: front matter, overrides, auto. */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document/build.js'
import {builtinPresets} from '../src/preset/load.js'
import {selectPreset} from '../src/preset/select.js'
import {parseMarkdown} from '../src/markdown/syntax.js'
import {findings, fixtures, lint} from './helpers.js'

const model = (text: string) => buildDocument(parseMarkdown(text), text)
const stripFrontmatter = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '')

/** Every fixture document with the preset it is written to. */
function fixtureDocs(): Array<[string, string, string]> {
  const result: Array<[string, string, string]> = []
  for (const folder of readdirSync(fixtures)) {
    for (const name of readdirSync(path.join(fixtures, folder)).filter((file) => file.endsWith('.md'))) {
      const text = readFileSync(path.join(fixtures, folder, name), 'utf8')
      const preset = /^---\ntemplate: (\w+)/.exec(text)?.[1] ?? folder
      if ((builtinPresets as readonly string[]).includes(preset)) result.push([`${folder}/${name}`, preset, stripFrontmatter(text)])
    }
  }
  return result
}

describe('--preset auto', () => {
  const docs = fixtureDocs()
  it('covers the fixtures of every preset', () => {
    expect(new Set(docs.map(([, preset]) => preset))).toEqual(new Set(builtinPresets))
    expect(docs.length).toBeGreaterThan(40)
  })
  for (const [name, preset, text] of docs) {
    it(`${name} → ${preset}`, () => {
      const selection = selectPreset(model(text), undefined, {preset: 'auto'}, fixtures)
      expect(selection.preset?.name).toBe(preset)
      expect(selection.note).toMatch(new RegExp(`^matched preset ${preset}: \\d+ of \\d+ sections$`))
    })
  }

  it('says so when nothing matches well, rather than guess', () => {
    const selection = selectPreset(model('# Meeting notes\n\n## Attendees\nAna\n\n## Decisions\nNone.\n'), undefined, {preset: 'auto'}, fixtures)
    expect(selection.preset).toBeUndefined()
    expect(selection.error).toMatch(/^no preset matches this document well \(closest: \w+, with \d+ of \d+ sections\): name one with --preset/)
  })

  it('reports the match as an info message, and a poor match as an error', () => {
    const text = stripFrontmatter(readFileSync(path.join(fixtures, 'prd', 'valid.md'), 'utf8'))
    expect(findings(lint(text, {preset: 'auto'}))).toEqual([expect.stringMatching(/^1:1 info preset matched preset prd: \d+ of \d+ sections$/)])
    expect(findings(lint('# Notes\n\nHello.\n', {preset: 'auto'}))[0]).toMatch(/^1:1 error preset no preset matches/)
  })
})

describe('presets by path and front matter', () => {
  const settings = {
    preset: 'standard',
    base: '/repo',
    overrides: [
      {files: ['docs/rfcs/**'], preset: 'production'},
      {files: ['docs/rfcs/legacy/**', 'docs/old-*.md'], preset: 'evolving'},
    ],
  }
  const plain = model('# Title\n')

  it('later overrides win; unmatched paths take the configured preset', () => {
    expect(selectPreset(plain, '/repo/docs/rfcs/a.md', settings, '/repo')).toMatchObject({preset: {name: 'production'}, from: 'config override "docs/rfcs/**"'})
    expect(selectPreset(plain, '/repo/docs/rfcs/legacy/b.md', settings, '/repo').preset?.name).toBe('evolving')
    expect(selectPreset(plain, '/repo/docs/old-c.md', settings, '/repo').preset?.name).toBe('evolving')
    expect(selectPreset(plain, '/repo/docs/d.md', settings, '/repo')).toMatchObject({preset: {name: 'standard'}, from: 'config'})
  })

  it('front matter "template:" wins over everything', () => {
    const doc = model('---\ntemplate: prd\n---\n# Title\n')
    expect(selectPreset(doc, '/repo/docs/rfcs/a.md', settings, '/repo')).toMatchObject({preset: {name: 'prd'}, from: 'front matter'})
  })

  it('an unknown preset in front matter is an error for that document only', () => {
    expect(selectPreset(model('---\ntemplate: prodution\n---\n'), '/repo/x.md', settings, '/repo').error).toMatch(/did you mean "production"/)
  })
})
