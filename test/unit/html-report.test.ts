/**
 * The HTML report in-process: the sections come from the alignment (kept by
 * the report's processor before designlint releases its analysis), cells
 * link to findings that are on the page, documents group by preset, and
 * whatever a document says is escaped. The page in a real browser is tested
 * in test/e2e/html-report.test.ts.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/plugin/processor.js'
import {escapeHtml, renderHtmlReport} from '../../src/report/html-report.js'
import {createReportProcessor} from '../../src/report/sections.js'
import {loadPreset} from '../../src/preset/load.js'
import {fixtures, root} from '../helpers.js'

const processor = createReportProcessor({config: false})
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8')
const withTemplate = (template: string, text: string) => `---\ntemplate: ${template}\n---\n\n${text}`

function lintDoc(text: string, name: string): VFile {
  return lintText(processor, text, name, root)
}

describe('the report’s sections', () => {
  it('are kept from the alignment while the analysis itself is released', () => {
    const file = lintDoc(withTemplate('standard', fixture('standard/drifted.md')), 'docs/drifted.md')
    expect(file.data.designlint).toBeUndefined()
    const sections = file.data.designlintSections
    expect(sections?.preset.name).toBe('standard')
    // One column per template section, title left out, in template order.
    const keys: string[] = []
    const walk = (list: ReturnType<typeof loadPreset>['sections']) => {
      for (const section of list) {
        keys.push(section.key)
        walk(section.children)
      }
    }
    walk(loadPreset('standard').sections)
    expect(sections?.columns.map((column) => column.key)).toEqual(keys)
    expect(new Set(sections?.places.map((place) => place.state))).toContain('present')
    expect(sections?.places.some((place) => place.state !== 'present')).toBe(true)
  })

  it('a clean document is all present, 100% complete', () => {
    const html = renderHtmlReport([lintDoc(withTemplate('standard', fixture('standard/valid.md')), 'docs/valid.md')])
    expect(html).not.toMatch(/<td class="cell (?:missing|empty|moved|misplaced|renamed)"/)
    expect(html).toContain('<span class="pct">100%</span>')
  })
})

describe('renderHtmlReport', () => {
  const files = [
    lintDoc(withTemplate('standard', fixture('standard/drifted.md')), 'docs/drifted.md'),
    lintDoc(withTemplate('production', fixture('production/drifted.md')), 'docs/prod.md'),
    lintDoc(fixture('integration/choices-and-empty.md'), 'docs/notifications.md'),
    lintDoc(withTemplate('production', fixture('production/valid.md')), 'docs/<evil>.md'),
  ]
  // A finding that quotes a document's words: markup and a terminal escape in them.
  files[3].message('Heading "<b>"x"</b> \u001b[31m & </table>" is wrong', {
    ruleId: 'heading-level',
    place: {line: 1, column: 1},
  }).fatal = true
  const unread = new VFile({path: 'docs/gone.md'})
  unread.message('Cannot read file: no such file or folder', {ruleId: 'read'}).fatal = true
  const html = renderHtmlReport([...files, unread], {generated: new Date('2026-01-02T03:04:05Z'), version: '9.9.9'})

  it('groups the matrix by preset, one row per document', () => {
    expect([...html.matchAll(/<h2 id="g\d+">Preset <code>(\w+)<\/code>/g)].map((match) => match[1])).toEqual([
      'standard',
      'production',
      'evolving',
    ])
    expect([...html.matchAll(/<tr data-doc="([^"]*)"/g)].map((match) => match[1])).toEqual([
      'docs/drifted.md',
      'docs/prod.md',
      'docs/&#60;evil&#62;.md',
      'docs/notifications.md',
    ])
    expect(html).toMatch(/Not checked against a template<\/h2><p><a href="#d4">docs\/gone\.md<\/a>/)
  })

  it('marks a section with a no-empty-sections finding empty, and a missing one missing', () => {
    expect(html).toContain('class="cell empty"')
    expect(html).toContain('class="cell missing"')
  })

  it('links every cell to a finding on the page', () => {
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]))
    const links = [...html.matchAll(/<td class="cell [^"]*"[^>]*><a href="#([^"]+)"/g)].map((match) => match[1])
    expect(links.length).toBeGreaterThan(3)
    for (const link of links) expect(ids).toContain(link)
    // Each empty and each missing (required, parent present) cell has its finding.
    for (const match of html.matchAll(/<td class="cell (empty|missing)"[^>]*>(.*?)<\/td>/g)) {
      if (!match[0].includes('its parent section is missing')) expect(match[2], match[0]).toMatch(/^<a href="#d\d+-f\d+"/)
    }
  })

  it('escapes what documents say, control characters included', () => {
    expect(html).not.toContain('<b>"x"</b>')
    expect(html).not.toContain('<evil>')
    expect(html).not.toContain('\u001b')
    expect(html).toContain('Heading &#34;&#60;b&#62;&#34;x&#34;&#60;/b&#62; \\u001B[31m &#38; &#60;/table&#62;&#34; is wrong')
    expect(escapeHtml(`<a href='x'>&\u0007`)).toBe('&#60;a href=&#39;x&#39;&#62;&#38;\\u0007')
  })

  it('counts findings per rule and states the totals', () => {
    expect(html).toMatch(/<th scope="row"><a href="[^"]+"><code>required-sections<\/code><\/a><\/th><td class="num">\d+<\/td>/)
    expect(html).toContain('<small>5 documents · 3 presets · 2026-01-02 03:04 UTC · designlint 9.9.9</small>')
  })

  it('fetches nothing: no external asset, and a policy that forbids loading any', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`)
    expect(html).not.toMatch(/<(?:script|img|link|iframe)\b[^>]*\b(?:src|href)=/i)
    expect(html).toContain('@media print')
  })
})
