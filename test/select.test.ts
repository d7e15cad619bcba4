/** Picking the preset for each document: front matter, overrides, auto. */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document/build.js'
import {builtinPresets, isBuiltinPreset} from '../src/preset/load.js'
import {selectPreset} from '../src/preset/select.js'
import {parseMarkdown} from '../src/markdown/parse.js'
import {findings, fixtures, lint, root} from './helpers.js'

const model = (text: string) => buildDocument(parseMarkdown(text), text)
const stripFrontmatter = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '')

/** The preset a document names in its front matter (`template: prd`), if any. */
function frontMatterPreset(text: string): string | undefined {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1]
  return front === undefined ? undefined : /^template:\s*(\S+)\s*$/m.exec(front)?.[1]
}

/**
 * The documents `--preset auto` is tried on, each with the preset it is
 * written to: the valid and the drifted fixture of every preset (a drifted
 * document must still be recognised), the examples and the integration
 * fixtures. The last two name their preset in front matter, which is
 * stripped before the match.
 */
function autoDocs(): Array<[string, string | undefined, string]> {
  const result: Array<[string, string | undefined, string]> = []
  const add = (file: string, preset: string | undefined) => {
    const text = readFileSync(file, 'utf8')
    result.push([path.relative(root, file), frontMatterPreset(text) ?? preset, stripFrontmatter(text)])
  }
  for (const preset of builtinPresets) {
    for (const name of ['valid.md', 'drifted.md']) add(path.join(fixtures, preset, name), preset)
  }
  for (const folder of [path.join(root, 'examples'), path.join(fixtures, 'integration')]) {
    for (const name of readdirSync(folder)
      .filter((file) => file.endsWith('.md'))
      .sort())
      add(path.join(folder, name), undefined)
  }
  return result
}

describe('--preset auto', () => {
  const docs = autoDocs()
  it('covers the fixtures and examples of every preset', () => {
    const unknown = docs.filter(([, preset]) => preset === undefined || !isBuiltinPreset(preset))
    expect(
      unknown.map(([name]) => name),
      'documents without a built-in preset',
    ).toEqual([])
    expect(new Set(docs.map(([, preset]) => preset))).toEqual(new Set(builtinPresets))
    const drifted = docs.filter(([name]) => name.endsWith('/drifted.md'))
    expect(new Set(drifted.map(([, preset]) => preset))).toEqual(new Set(builtinPresets))
    // 5 valid and 5 drifted fixtures, 5 examples and 4 integration fixtures.
    expect(docs.length).toBeGreaterThanOrEqual(19)
  })
  for (const [name, preset, text] of docs) {
    it(`${name} → ${preset}`, () => {
      const selection = selectPreset(model(text), undefined, {preset: 'auto'}, fixtures)
      expect(selection.preset?.name).toBe(preset)
      expect(selection.note).toMatch(new RegExp(`^matched preset ${preset}: \\d+ of \\d+ sections$`))
    })
  }

  it('says so when nothing matches well, rather than guess', () => {
    const selection = selectPreset(
      model('# Meeting notes\n\n## Attendees\nAna\n\n## Decisions\nNone.\n'),
      undefined,
      {preset: 'auto'},
      fixtures,
    )
    expect(selection.preset).toBeUndefined()
    expect(selection.error).toMatch(
      /^no preset matches this document well \(closest: \w+, with \d+ of \d+ sections\): name one with --preset/,
    )
  })

  it('reports the match as an info message, and a poor match as an error', () => {
    const text = stripFrontmatter(readFileSync(path.join(fixtures, 'prd', 'valid.md'), 'utf8'))
    expect(findings(lint(text, {preset: 'auto'}))).toEqual([
      expect.stringMatching(/^1:1 info preset matched preset prd: \d+ of \d+ sections$/),
    ])
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
    expect(selectPreset(plain, '/repo/docs/rfcs/a.md', settings, '/repo')).toMatchObject({
      preset: {name: 'production'},
      from: 'config override "docs/rfcs/**"',
    })
    expect(selectPreset(plain, '/repo/docs/rfcs/legacy/b.md', settings, '/repo').preset?.name).toBe('evolving')
    expect(selectPreset(plain, '/repo/docs/old-c.md', settings, '/repo').preset?.name).toBe('evolving')
    expect(selectPreset(plain, '/repo/docs/d.md', settings, '/repo')).toMatchObject({preset: {name: 'standard'}, from: 'config'})
  })

  it('front matter "template:" wins over everything', () => {
    const doc = model('---\ntemplate: prd\n---\n# Title\n')
    expect(selectPreset(doc, '/repo/docs/rfcs/a.md', settings, '/repo')).toMatchObject({preset: {name: 'prd'}, from: 'front matter'})
  })

  it('an unknown preset in front matter is an error for that document only', () => {
    expect(selectPreset(model('---\ntemplate: prodution\n---\n'), '/repo/x.md', settings, '/repo').error).toMatch(
      /did you mean "production"/,
    )
  })
})
