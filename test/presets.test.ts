/**
 * The five built-in presets: compiled from their templates, equal to the
 * user's seeds, and every template heading checked against a real document.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document/build.js'
import {analyze} from '../src/analysis/analysis.js'
import {builtinPresets, builtinTemplatePath, loadPreset} from '../src/preset/load.js'
import {parseMarkdown} from '../src/markdown/parse.js'
import {compileTemplate} from '../src/template/compile.js'
import {findings, fixtures, lint, shared} from './helpers.js'
import {headingLine, walkSections} from '../src/template/headings.js'

const seedFiles: Record<string, string> = {
  standard: '000_35096865be14936b.txt',
  production: '001_380909a97675d39f.txt',
  architecture: '002_45ad74b8854945f6.txt',
  prd: '003_c9d9ae2cde939559.txt',
  evolving: '004_0305e68bafa2b286.txt',
}

const titles: Record<string, string> = {
  standard: '# Technical Design Document: [Feature/Component Name]',
  production: '# Technical Design Doc: <Project / Feature Name>',
  architecture: '# Technical Design Document',
  prd: '# {Product Name} — Technical Design Document',
  evolving: '# Technical Design: [Feature Name]',
}

const seeds = path.join(shared, 'seeds')

describe.skipIf(!existsSync(seeds))('presets equal the user templates in ../shared/seeds', () => {
  for (const name of builtinPresets) {
    it(`${name}: the template file is the seed`, () => {
      expect(readFileSync(builtinTemplatePath(name), 'utf8')).toBe(readFileSync(path.join(seeds, seedFiles[name]), 'utf8'))
    })
    it(`${name}: compiling the seed yields exactly the built-in preset`, () => {
      const compiled = compileTemplate(readFileSync(path.join(seeds, seedFiles[name]), 'utf8'), {name, source: 'presets/' + name + '.md'})
      expect(compiled).toEqual(loadPreset(name))
    })
  }
})

describe('built-in presets', () => {
  for (const name of builtinPresets) {
    const preset = loadPreset(name)
    const template = readFileSync(builtinTemplatePath(name), 'utf8')
    const valid = readFileSync(path.join(fixtures, name, 'valid.md'), 'utf8')

    it(`${name}: title line`, () => {
      expect(headingLine(preset.title!)).toBe(titles[name])
    })

    it(`${name}: every template heading is in the preset, in order, with depth and number`, () => {
      const lines = template.split('\n').filter((line) => /^#{1,6} /.test(line))
      const sections = [...walkSections(preset)]
      // Merged repeatable slots ("5.1 {…}", "5.2 {…}") stand for several template headings.
      const covered = sections.map((section) => headingLine(section))
      for (const line of lines) {
        const inPreset = covered.includes(line.trim())
        const inSlot = sections.some((section) => section.repeatable && section.depth === line.indexOf(' '))
        expect(inPreset || inSlot, line).toBe(true)
      }
      expect(covered.filter((line) => lines.includes(line))).toEqual(lines.filter((line) => covered.includes(line)))
    })

    it(`${name}: the filled fixture gives zero findings`, () => {
      expect(findings(lint(valid, {preset: name}))).toEqual([])
    })

    it(`${name}: the template copied as a document has every section`, () => {
      const structural = findings(lint(template, {preset: name})).filter((line) =>
        /^\S+ \S+ (required-sections|section-order|heading-level|heading-numbering) /.test(line),
      )
      expect(structural).toEqual([])
    })

    it(`${name}: the template copied as a document gets a finding in every block of template content`, () => {
      const file = lint(template, {preset: name})
      const lines = file.messages.map((message) => message.line ?? 0)
      const units: Array<[number, number, string]> = []
      const add = (node: {position?: undefined | {start: {line: number}; end: {line: number}}}, label: string) => {
        if (node.position) units.push([node.position.start.line, node.position.end.line, label])
      }
      for (const node of parseMarkdown(template).children) {
        if (node.type === 'paragraph' || node.type === 'code') add(node, node.type)
        // A bare label item ("- **Request:**") introduces the block after it.
        if (node.type === 'list')
          for (const item of node.children)
            if (!/^\s*[-*+]\s+\*\*[^*]+\*\*\s*$/.test(template.split('\n')[item.position!.start.line - 1])) add(item, 'list item')
        if (node.type === 'table') for (const row of node.children.slice(1)) add(row, 'table row')
      }
      const bare = units.filter(([start, end]) => !lines.some((line) => line >= start && line <= end))
      expect(bare.map(([start, , label]) => `${label} at line ${start}: ${template.split('\n')[start - 1]}`)).toEqual([])
      expect(units.length).toBeGreaterThan(10)
    })

    // Remove each template section from the filled document in turn: each
    // removal must be reported as that section missing, and nothing crashes.
    const analysis = analyze(buildDocument(parseMarkdown(valid), valid), valid, preset, 'option')
    const lines = valid.split('\n')
    for (const match of analysis.alignment.matches) {
      if (!match.parent || match.instances.length === 0 || match.section.optional) continue
      const heading = match.instances[0]
      it(`${name}: removing "${headingLine(match.section)}" is reported`, () => {
        const headings = analysis.doc.headings
        const last = match.instances[match.instances.length - 1]
        const next = headings.slice(last.index + 1).find((h) => h.depth <= heading.depth)
        const from = heading.span.start.line - 1
        const to = next ? next.span.start.line - 1 : lines.length
        const mutated = [...lines.slice(0, from), ...lines.slice(to)].join('\n')
        const result = findings(lint(mutated, {preset: name}))
        const missing = result.filter((line) => line.includes('required-sections'))
        expect(
          missing.some((line) => line.includes(`"${headingLine(match.section)}"`)),
          result.join('\n'),
        ).toBe(true)
      })
    }
  }
})

describe('preset loading', () => {
  it('suggests the closest name for an unknown preset', () => {
    expect(() => loadPreset('prodution')).toThrow(
      /unknown preset "prodution" \(did you mean "production"\?\); known presets: standard, production/,
    )
  })

  it('loads a template path', () => {
    const preset = loadPreset(path.join(fixtures, '..', 'presets', 'standard.md'))
    expect(preset.sections.map((section) => section.title)).toContain('Deployment')
  })

  it('reports an unreadable template in one line', () => {
    expect(() => loadPreset('./no/such/template.md')).toThrow(/^cannot read template "\.\/no\/such\/template\.md": no such file$/)
  })

  it('ships exactly the five templates', () => {
    expect(readdirSync(path.join(fixtures, '..', 'presets')).sort()).toEqual([...builtinPresets].map((name) => name + '.md').sort())
  })
})
