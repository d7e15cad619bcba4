/**
 * Real templates, real documents: the Rust RFCs and the Kubernetes KEPs in
 * ../shared/corpora, each checked against its own template compiled as it is.
 * Skipped when ../shared is absent.
 */
import {existsSync, readFileSync, readdirSync, writeFileSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import {describe, expect, it} from 'vitest'
import {createProcessor, lintText} from '../src/plugin/processor.js'
import {loadPreset} from '../src/preset/load.js'
import {normalizeHeading} from '../src/util/text.js'
import {shared} from './helpers.js'

const rfcs = path.join(shared, 'corpora', 'rust-rfcs')
const keps = path.join(shared, 'corpora', 'keps', 'keps')
const rfcTemplate = path.join(rfcs, '0000-template.md')
const kepTemplate = path.join(keps, 'NNNN-kep-template', 'README.md')

function rfcFiles(): string[] {
  return readdirSync(path.join(rfcs, 'text'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(rfcs, 'text', name))
}

function kepFiles(): string[] {
  const files: string[] = []
  for (const sig of readdirSync(keps)
    .filter((name) => name.startsWith('sig-'))
    .sort()) {
    for (const kep of readdirSync(path.join(keps, sig)).sort()) {
      const file = path.join(keps, sig, kep, 'README.md')
      if (existsSync(file)) files.push(file)
    }
  }
  return files
}

/**
 * An independent count of a document's headings: another CommonMark parser
 * (markdown-it), so code blocks, HTML comments and broken fences are read the
 * way CommonMark reads them, without designlint's parser or alignment.
 */
const markdownIt = new MarkdownIt('commonmark')
function headingTexts(text: string): Set<string> {
  const result = new Set<string>()
  const tokens = markdownIt.parse(text, {})
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open' && token.level === 0) result.add(normalizeHeading(tokens[index + 1].content))
  })
  return result
}

/** Template sections that designlint reports as not there (missing or not matching). */
function reportedMissing(messages: Array<{ruleId?: string | undefined; reason: string}>): Set<string> {
  const result = new Set<string>()
  for (const message of messages) {
    if (message.ruleId !== 'required-sections') continue
    const quoted = /^Missing section "#+ ([^"]+)"|the template's "#+ ([^"]+)"/.exec(message.reason)
    if (quoted) result.add(normalizeHeading(quoted[1] ?? quoted[2]))
  }
  return result
}

const hasRfcs = existsSync(rfcTemplate)
const hasKeps = existsSync(kepTemplate)
// `npm run test:corpora` (and CI) asks for the corpora: without them it fails loudly instead of skipping.
if (process.env.DESIGNLINT_REQUIRE_CORPORA === '1' && !(hasRfcs && hasKeps)) {
  throw new Error(`DESIGNLINT_REQUIRE_CORPORA=1, but the corpora are not in ${path.join(shared, 'corpora')}`)
}

describe.skipIf(!hasRfcs)('Rust RFCs against 0000-template.md', () => {
  // Only read when ../shared is there: a skipped suite's body still runs.
  const preset = hasRfcs ? loadPreset(rfcTemplate) : undefined!
  const processor = createProcessor({preset: rfcTemplate, config: false})
  const files = hasRfcs ? rfcFiles() : []

  it('compiles the template to its nine sections', () => {
    expect(preset.sections.map((section) => section.title)).toEqual([
      'Summary',
      'Motivation',
      'Guide-level explanation',
      'Reference-level explanation',
      'Drawbacks',
      'Rationale and alternatives',
      'Prior art',
      'Unresolved questions',
      'Future possibilities',
    ])
  })

  it('lints every RFC without a crash, and required-sections agrees with an independent heading count', () => {
    expect(files.length).toBeGreaterThan(600)
    const disagreements: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const result = lintText(processor, text, path.relative(rfcs, file))
      expect(result.messages.filter((message) => message.fatal && !message.ruleId?.match(/^[a-z-]+$/))).toEqual([])
      expect(result.messages.some((message) => message.ruleId === 'crash' || message.ruleId === 'preset')).toBe(false)
      const has = headingTexts(text)
      const missing = reportedMissing(result.messages)
      for (const section of preset.sections) {
        const title = normalizeHeading(section.title)
        if (has.has(title) === missing.has(title)) disagreements.push(`${path.basename(file)}: ${section.title}`)
      }
    }
    expect(disagreements).toEqual([])
  }, 180_000)

  it('an alias annotation, in a copy of the template, takes the older RFCs\' "Detailed design" and "Alternatives"', () => {
    const annotated = readFileSync(rfcTemplate, 'utf8')
      .replace('## Reference-level explanation\n', '## Reference-level explanation\n<!-- designlint: alias Detailed design -->\n')
      .replace('## Rationale and alternatives\n', '## Rationale and alternatives\n<!-- designlint: alias Alternatives -->\n')
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'designlint-rfc-')), 'template.md')
    writeFileSync(copy, annotated)
    const plain = createProcessor({preset: rfcTemplate, config: false})
    const aliased = createProcessor({preset: copy, config: false})
    let before = 0
    let after = 0
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      if (!headingTexts(text).has(normalizeHeading('Detailed design'))) continue
      const count = (processor: ReturnType<typeof createProcessor>) =>
        [...reportedMissing(lintText(processor, text, file).messages)].filter(
          (title) => title === normalizeHeading('Reference-level explanation'),
        ).length
      before += count(plain)
      after += count(aliased)
    }
    expect(before).toBeGreaterThan(100)
    expect(after).toBe(0)
  }, 180_000)
})

describe.skipIf(!hasKeps)('Kubernetes KEPs against the KEP template', () => {
  const preset = hasKeps ? loadPreset(kepTemplate) : undefined!
  const processor = createProcessor({preset: kepTemplate, config: false})
  const files = hasKeps ? kepFiles() : []

  it('lints every KEP without a crash, and top-level required-sections agree with an independent heading count', () => {
    expect(files.length).toBeGreaterThan(600)
    const disagreements: string[] = []
    const topLevel = (preset.title?.children ?? preset.sections).filter((section) => !section.optional && !section.repeatable)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const result = lintText(processor, text, path.relative(keps, file))
      expect(result.messages.some((message) => message.ruleId === 'crash' || message.ruleId === 'preset')).toBe(false)
      const has = headingTexts(text)
      const missing = reportedMissing(result.messages)
      for (const section of topLevel) {
        const title = normalizeHeading(section.title)
        if (has.has(title) === missing.has(title)) disagreements.push(`${path.relative(keps, file)}: ${section.title}`)
      }
    }
    expect(disagreements).toEqual([])
  }, 240_000)
})
