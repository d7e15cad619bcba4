/**
 * `designlint report` as a real process, and its page in a real headless
 * Chromium (Debian's `chromium`; skipped when it is not installed): it loads
 * with no console error (a script error, or anything the page's
 * Content-Security-Policy refuses, such as a fetch), its script ran, the
 * matrix has one row per document, and a screenshot is taken
 * (DESIGNLINT_REPORT_SCREENSHOT names where; default: a temp folder).
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {fixtures, runCli} from '../helpers.js'

const run = (args: string[], cwd: string) => runCli(args, {cwd})

/** The chromium on PATH, if any. */
function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], {encoding: 'utf8'})
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim()
  }
  return undefined
}

const chromium = findChromium()

/** Run headless Chromium on a page with `args`; its stdout, and the console messages it logged. */
function inChromium(page: string, args: string[]): {stdout: string; console: string[]; status: number | null} {
  const profile = mkdtempSync(path.join(tmpdir(), 'designlint-chromium-'))
  const result = spawnSync(
    chromium as string,
    [
      '--headless',
      '--disable-gpu',
      '--no-sandbox',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      '--enable-logging=stderr',
      '--v=0',
      ...args,
      pathToFileURL(page).href,
    ],
    {encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024},
  )
  // Chromium logs what the page writes to its console, and its uncaught errors, as `…:CONSOLE(line)] "…"`.
  const consoleLines = result.stderr.split('\n').filter((line) => /:CONSOLE[:(]/.test(line))
  return {stdout: result.stdout, console: consoleLines, status: result.status}
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'designlint-report-'))
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), value)
  }
  return dir
}

const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8')
const withTemplate = (template: string, text: string) => `---\ntemplate: ${template}\n---\n\n${text}`

// Three presets; a clean document, drifted ones, empty sections, and headings that try to be HTML.
const documents: Record<string, string> = {
  'docs/rate-limiter.md': withTemplate('standard', fixture('standard/valid.md')),
  'docs/drifted.md': withTemplate('standard', fixture('standard/drifted.md')),
  'docs/hostile.md': withTemplate(
    'standard',
    fixture('standard/valid.md').replace(
      '## Overview',
      '## Overview <img src=x onerror="console.error(1)">\n\n## </table><script>console.error(2)</script>',
    ),
  ),
  'docs/flagship.md': withTemplate('production', fixture('production/valid.md')),
  'docs/flagship-drifted.md': withTemplate('production', fixture('production/drifted.md')),
  'docs/notifications.md': fixture('integration/choices-and-empty.md'),
}

describe('designlint report', () => {
  const dir = project(documents)
  const result = run(['report', 'docs', '-o', 'out/report.html'], dir)
  const page = path.join(dir, 'out', 'report.html')

  it('writes one self-contained HTML file and says so', () => {
    expect(result.stderr).toMatch(/^designlint: wrote out[/\\]report\.html: 6 documents, \d+ with findings\n$/)
    expect(result.code).toBe(0)
    const html = readFileSync(page, 'utf8')
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    // Nothing to fetch: no external script, style sheet, image or font.
    expect(html).not.toMatch(/<(?:script|img|link|iframe)\b[^>]*\b(?:src|href)=/i)
    expect(html).not.toMatch(/url\(/)
    // What the documents say is text, never markup.
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<script>console.error(2)')
  })

  it('does not replace a file given with -o without --force, and does with it', () => {
    const before = statSync(page).mtimeMs
    const again = run(['report', 'docs', '-o', 'out/report.html'], dir)
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/exists already: .*--force/)
    expect(statSync(page).mtimeMs).toBe(before)
    expect(run(['report', 'docs', '-o', 'out/report.html', '--force'], dir).code).toBe(0)
  })

  it('replaces its default file, designlint-report.html, on every run', () => {
    expect(run(['report', 'docs'], dir).code).toBe(0)
    expect(run(['report', 'docs'], dir).code).toBe(0)
    expect(existsSync(path.join(dir, 'designlint-report.html'))).toBe(true)
  })

  it('writes the page to standard output with -o -', () => {
    const out = run(['report', 'docs/flagship.md', '-o', '-'], dir)
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/)
  })

  it('rejects options of linting', () => {
    const wrong = run(['report', 'docs', '--format', 'json'], dir)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--format does nothing with "report"')
  })

  it.skipIf(!chromium)('loads in headless Chromium with no console error, one row per document, and a screenshot', () => {
    const dom = inChromium(page, ['--dump-dom'])
    expect(dom.console).toEqual([])
    expect(dom.stdout).toContain('</html>')
    // The script ran: it marks each matrix sortable and adds its controls.
    expect(dom.stdout.match(/<table class="matrix sortable"/g)).toHaveLength(3)
    expect(dom.stdout).toContain('Order sections by completeness')
    // One row per document, across the three presets' matrices.
    const rows = [...dom.stdout.matchAll(/<tr data-doc="([^"]*)"/g)].map((match) => match[1]).sort()
    expect(rows).toEqual(
      [
        'docs/drifted.md',
        'docs/flagship-drifted.md',
        'docs/flagship.md',
        'docs/hostile.md',
        'docs/notifications.md',
        'docs/rate-limiter.md',
      ].sort(),
    )
    // The evolving document is in a third group.
    expect(dom.stdout).toMatch(/Preset <code>evolving<\/code>/)
    expect(dom.stdout).toContain('class="cell empty"')
    expect(dom.stdout).toContain('class="cell missing"')

    const screenshot = process.env.DESIGNLINT_REPORT_SCREENSHOT ?? path.join(dir, 'report.png')
    const shot = inChromium(page, [`--screenshot=${screenshot}`, '--window-size=1400,1000', '--hide-scrollbars'])
    expect(shot.console).toEqual([])
    expect(statSync(screenshot).size).toBeGreaterThan(10_000)
    // A PNG, 1400 × 1000.
    const png = readFileSync(screenshot)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1400, 1000])
  })
})
