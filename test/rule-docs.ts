/**
 * Rule pages as tests: the parser and runner behind test/rule-docs.test.ts.
 *
 * A rule page (`rules/<id>.md`) has a `## Examples` section with one
 * `### <name>` per example. An example is made of fenced code blocks, told
 * apart by language and meta:
 *
 * | fence | what it is |
 * | --- | --- |
 * | `markdown template` | the template the example's documents are checked against |
 * | `json config` | designlint options for the example, merged into the lint options |
 * | `markdown pass` | a document with no finding at all, from any rule |
 * | `markdown fail` | a document with exactly the page rule's findings of the next block |
 * | `text findings` | right after a fail block: one finding a line (see `findingLine`) |
 *
 * Parsing never throws: what is wrong with a page is collected as problems,
 * each naming its line in the page.
 *
 * The reference part of a page is checked against the rule it documents
 * (`checkReference`): a `## Messages` section before `## Examples` with one
 * `### <message-id>` per message of the rule, so each finding's link
 * (`rules/<id>.md#<message-id>`) lands on its entry; a fail example showing
 * each message; and, for a rule with options, an `## Options` section with
 * one `### <name>` per option, each set in some example's `json config`.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Code, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Options} from '../src/plugin/plugin.js'
import type {RuleMeta} from '../src/rule/define.js'
import {parseMarkdown} from '../src/markdown/parse.js'
import {withNote} from '../src/report/common.js'
import {findingLine as baseFindingLine, lint} from './helpers.js'

/**
 * Whether finding lines name the message as well (`rule-id/message-id`) when
 * a finding carries a `messageId`. The check that each message is shown by
 * an example reads these ids, so it is skipped while this is off; after
 * flipping it, run the update mode once to rewrite the pages.
 */
export const showMessageIds = true

/** What comes between a finding's reason and its note in a finding line. */
export const noteSeparator = ' — '

/** The name of the environment variable that turns on the update mode. */
export const updateVariable = 'UPDATE_RULE_DOCS'

/** What each kind of block is fenced as: `[language, meta]`. */
const kinds = {
  template: ['markdown', 'template'],
  config: ['json', 'config'],
  pass: ['markdown', 'pass'],
  fail: ['markdown', 'fail'],
  findings: ['text', 'findings'],
} as const

/** A kind of block in an example. */
export type BlockKind = keyof typeof kinds

/** A document of an example that is linted: a pass or a fail block. */
export interface Sample {
  kind: 'pass' | 'fail'
  /** The document, as fenced (line 1 is the fence's first line). */
  value: string
  /** Line of the opening fence in the page. */
  line: number
  /** For a fail block: the findings block after it, if there is one. */
  findings?: FindingsBlock | undefined
  /** For a fail block: where a new findings block goes (offset in the page). */
  end: number
}

/** The findings block of a fail sample. */
export interface FindingsBlock {
  lines: string[]
  line: number
  /** Offsets of the whole fenced block in the page. */
  start: number
  end: number
}

/** One `### <name>` under `## Examples`. */
export interface Example {
  name: string
  line: number
  template?: string | undefined
  config?: Options | undefined
  samples: Sample[]
}

/** A heading of the page (not one inside a fenced block). */
export interface PageHeading {
  depth: number
  text: string
  line: number
  /** For a heading below level 2: the title of the `##` section it is in. */
  section?: string | undefined
}

/** A parsed rule page. */
export interface RulePage {
  ruleId: string
  text: string
  /** Every heading of the page, in order. */
  headings: PageHeading[]
  examples: Example[]
  /** What is wrong with the page's examples, one line each (`line N: …`). */
  problems: string[]
}

/** The kind of a code block, from its language and meta; undefined for others. */
export function blockKind(node: Code): BlockKind | undefined {
  const lang = (node.lang ?? '').toLowerCase()
  const meta = (node.meta ?? '').trim().toLowerCase()
  for (const [kind, [language, word]] of Object.entries(kinds)) {
    if (lang === language && meta === word) return kind as BlockKind
  }
  return undefined
}

/** Parse a rule page into its examples and the problems found on the way. */
export function parseRulePage(text: string, ruleId: string): RulePage {
  const tree: Root = parseMarkdown(text)
  const page: RulePage = {ruleId, text, headings: [], examples: [], problems: []}
  const problem = (line: number, message: string) => page.problems.push(`line ${line}: ${message}`)
  let inExamples = false
  let sawExamples = false
  let example: Example | undefined
  let lastFail: Sample | undefined
  let section: string | undefined

  for (const node of tree.children) {
    const line = node.position?.start.line ?? 0
    if (node.type === 'heading') {
      const title = toString(node).trim()
      if (node.depth <= 2) section = node.depth === 2 ? title : undefined
      page.headings.push({depth: node.depth, text: title, line, ...(node.depth > 2 ? {section} : {})})
      if (node.depth <= 2) {
        example = undefined
        inExamples = node.depth === 2 && title === 'Examples'
        if (inExamples && sawExamples) problem(line, 'a second "## Examples" section')
        if (inExamples) sawExamples = true
      } else if (inExamples && node.depth === 3) {
        if (page.examples.some((other) => other.name === title)) problem(line, `a second example named "${title}"`)
        example = {name: title, line, samples: []}
        page.examples.push(example)
      }
      lastFail = undefined
      continue
    }
    if (node.type !== 'code') continue
    const kind = blockKind(node)
    if (!inExamples || !example) {
      if (kind) problem(line, `a \`${kinds[kind].join(' ')}\` block outside an example (put it under a "### <name>" in "## Examples")`)
      continue
    }
    if (!kind) {
      const fence = [node.lang, node.meta].filter(Boolean).join(' ') || '(no language)'
      problem(line, `unknown block \`${fence}\` in example "${example.name}": expected one of ${knownFences()}`)
      lastFail = undefined
      continue
    }
    const previousFail = lastFail
    lastFail = undefined
    if (kind === 'findings') {
      if (!previousFail) {
        problem(line, `a findings block that does not follow a fail block, in example "${example.name}"`)
        continue
      }
      previousFail.findings = {
        lines: node.value.split('\n').filter((entry) => entry.trim() !== ''),
        line,
        start: node.position?.start.offset ?? 0,
        end: node.position?.end.offset ?? 0,
      }
      continue
    }
    if (kind === 'template' || kind === 'config') {
      if (example[kind] !== undefined) problem(line, `a second ${kind} block in example "${example.name}"`)
      if (kind === 'template') example.template = node.value + '\n'
      else example.config = parseConfig(node.value, (message) => problem(line, message))
      continue
    }
    const sample: Sample = {kind, value: node.value + '\n', line, end: node.position?.end.offset ?? 0}
    example.samples.push(sample)
    if (kind === 'fail') lastFail = sample
  }

  checkPage(page, sawExamples, problem)
  return page
}

function knownFences(): string {
  return Object.values(kinds)
    .map((pair) => '`' + pair.join(' ') + '`')
    .join(', ')
}

function parseConfig(value: string, problem: (message: string) => void): Options | undefined {
  try {
    const parsed: unknown = JSON.parse(value)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Options
    problem('a config block must hold a JSON object')
  } catch (error) {
    problem('a config block that is not JSON: ' + (error as Error).message)
  }
  return undefined
}

/** What every page must have, beyond well-formed blocks. */
function checkPage(page: RulePage, sawExamples: boolean, problem: (line: number, message: string) => void): void {
  if (!sawExamples) problem(1, 'no "## Examples" section')
  else if (page.examples.length === 0) problem(1, 'no example: expected a "### <name>" under "## Examples"')
  for (const example of page.examples) {
    if (example.samples.length === 0) problem(example.line, `example "${example.name}" has no pass or fail block`)
    if (example.template === undefined && typeof example.config?.preset !== 'string') {
      problem(example.line, `example "${example.name}" has no template block (or "preset" in its config)`)
    }
    if (example.template !== undefined && example.config?.preset !== undefined) {
      problem(example.line, `example "${example.name}" has both a template block and "preset" in its config`)
    }
    for (const sample of example.samples) {
      if (sample.kind !== 'fail') continue
      if (!sample.findings) {
        problem(sample.line, `a fail block without a findings block after it, in example "${example.name}" (${updateVariable}=1 writes it)`)
      } else if (sample.findings.lines.length === 0) {
        problem(sample.findings.line, `an empty findings block, in example "${example.name}": a fail document must give a finding`)
      }
    }
  }
  const both = page.examples.some(
    (example) => example.samples.some((sample) => sample.kind === 'pass') && example.samples.some((sample) => sample.kind === 'fail'),
  )
  if (page.examples.length > 0 && !both) problem(1, 'no example with both a pass and a fail block')
}

/** What a page's reference part is checked against: the rule's id, messages and options. */
export type PageRule = Pick<RuleMeta, 'id' | 'messages' | 'options'>

/**
 * The anchor GitHub gives a heading: lower-cased, punctuation other than
 * `-` and `_` dropped, spaces as hyphens (a repeated anchor gets `-1`,
 * `-2`…, so the first heading with it owns the plain one).
 */
export function headingAnchor(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-')
}

/** The `rule-id/message-id` of a finding line, when it names one. */
const findingId = /^\S+ (?:error|warning|info) ([^\s/]+)\/(\S+) /

/**
 * What is wrong with the page's reference part, given its rule: the title
 * is `# <id>`; `## Messages` comes before `## Examples` and has one
 * `### <message-id>` per message of the rule and no other, each owning the
 * anchor a finding's link points to (`#<message-id>`); every message is shown
 * by a fail example; and a rule with options has `## Options` with one
 * `### <name>` per option, each set in some example's config.
 */
export function checkReference(page: RulePage, rule: PageRule): string[] {
  const problems: string[] = []
  const problem = (line: number, message: string) => problems.push(`line ${line}: ${message}`)
  const {headings} = page
  const title = headings[0]
  if (title?.depth !== 1 || title.text !== rule.id) {
    problem(
      title?.line ?? 1,
      `the page's first heading is ${title ? `"${'#'.repeat(title.depth)} ${title.text}"` : 'missing'}: expected "# ${rule.id}"`,
    )
  }
  const section = (name: string) => headings.find((heading) => heading.depth === 2 && heading.text === name)
  const under = (name: string) => headings.filter((heading) => heading.depth === 3 && heading.section === name)
  const examples = section('Examples')

  const ids = Object.keys(rule.messages)
  const messages = section('Messages')
  if (!messages) {
    problem(1, `no "## Messages" section: expected one "### <message-id>" for each of ${ids.map((id) => `"${id}"`).join(', ')}`)
  } else {
    if (examples && examples.line < messages.line) problem(messages.line, '"## Messages" comes after "## Examples": put it before')
    checkEntries(under('Messages'), ids, 'Messages', 'message', rule.id, messages.line, problem)
    for (const entry of under('Messages')) {
      if (!ids.includes(entry.text)) continue
      const owner = headings.find((heading) => headingAnchor(heading.text) === entry.text)
      if (owner && owner !== entry) {
        problem(
          owner.line,
          `heading "${owner.text}" takes the anchor #${entry.text} before "### ${entry.text}" under "## Messages" does: rename it`,
        )
      }
    }
  }

  if (showMessageIds) {
    const shown = new Set<string>()
    for (const example of page.examples) {
      for (const sample of example.samples) {
        for (const entry of sample.findings?.lines ?? []) {
          const found = findingId.exec(entry)
          if (found && found[1] === rule.id) shown.add(found[2])
        }
      }
    }
    for (const id of ids) {
      if (shown.has(id)) continue
      const entry = under('Messages').find((heading) => heading.text === id)
      problem(entry?.line ?? 1, `message "${id}" is shown by no fail example: add one under "## Examples"`)
    }
  }

  const names = Object.keys(rule.options)
  const options = section('Options')
  if (names.length === 0) {
    if (options) problem(options.line, `an "## Options" section, but ${rule.id} takes no options`)
    return problems
  }
  if (!options) {
    problem(1, `no "## Options" section: expected one "### <name>" for each of ${names.map((name) => `"${name}"`).join(', ')}`)
  } else {
    checkEntries(under('Options'), names, 'Options', 'option', rule.id, options.line, problem)
  }
  for (const name of names) {
    const set = page.examples.some((example) => {
      const setting: unknown = example.config?.rules?.[rule.id]
      const given: unknown = Array.isArray(setting) ? setting[1] : undefined
      return typeof given === 'object' && given !== null && name in given
    })
    if (!set) problem(options?.line ?? 1, `option "${name}" is set by no example's config: add one under "## Examples"`)
  }
  return problems
}

/** The `###` headings of a reference section against the names they must be: each once, none else. */
function checkEntries(
  entries: PageHeading[],
  names: string[],
  section: string,
  what: string,
  ruleId: string,
  sectionLine: number,
  problem: (line: number, message: string) => void,
): void {
  const seen = new Set<string>()
  for (const entry of entries) {
    if (!names.includes(entry.text)) {
      problem(
        entry.line,
        `"### ${entry.text}" under "## ${section}" names no ${what} of ${ruleId} (it has ${names.map((name) => `"${name}"`).join(', ')})`,
      )
    } else if (seen.has(entry.text)) {
      problem(entry.line, `a second "### ${entry.text}" under "## ${section}"`)
    }
    seen.add(entry.text)
  }
  for (const name of names) {
    if (!seen.has(name)) problem(sectionLine, `${what} "${name}" has no "### ${name}" heading under "## ${section}"`)
  }
}

/**
 * One finding as a line: `line:column-endLine:endColumn severity rule-id/message-id reason`,
 * then ` — ` and the note when the finding has one (a draft's warning says
 * why it is a warning), as the markdown summary writes it.
 */
export function findingLine(message: VFileMessage): string {
  const id = showMessageIds && message.messageId ? `${message.ruleId}/${message.messageId}` : message.ruleId
  return withNote(baseFindingLine(message, id), message, noteSeparator)
}

/** Where an example's templates are written while the runner lives. */
export class TemplateFolder {
  readonly folder = mkdtempSync(path.join(tmpdir(), 'designlint-rule-docs-'))
  private count = 0

  /** Write a template and return its path. */
  write(ruleId: string, value: string): string {
    this.count += 1
    const file = path.join(this.folder, `${ruleId}-${this.count}.md`)
    writeFileSync(file, value)
    return file
  }

  /** Remove the folder and every template in it. */
  remove(): void {
    rmSync(this.folder, {recursive: true, force: true})
  }
}

/** The lint options of an example: its config, with its template as preset. */
export function exampleOptions(example: Example, templates: TemplateFolder, ruleId: string): Options {
  const options: Options = {...example.config}
  if (example.template !== undefined) options.preset = templates.write(ruleId, example.template)
  return options
}

/** What a sample gives: every finding line, and the lines compared for it. */
export interface SampleResult {
  all: string[]
  compared: string[]
}

/**
 * Lint a sample. A pass sample compares every finding; a fail sample only
 * the findings of the page's rule.
 */
export function runSample(sample: Sample, options: Options, ruleId: string): SampleResult {
  const file: VFile = lint(sample.value, options)
  const all = file.messages.map(findingLine)
  const mine = sample.kind === 'pass' ? file.messages : file.messages.filter((message) => message.ruleId === ruleId)
  return {all, compared: mine.map(findingLine)}
}

/**
 * Compare the expected finding lines with the actual ones: undefined when
 * they are the same, else a readable line diff (`-` expected, `+` actual).
 */
export function compareFindings(expected: string[], actual: string[]): string | undefined {
  if (expected.length === actual.length && expected.every((entry, index) => entry === actual[index])) return undefined
  return diffLines(expected, actual).join('\n')
}

/** A line diff by longest common subsequence: ` ` same, `-` only expected, `+` only actual. */
export function diffLines(expected: string[], actual: string[]): string[] {
  const rows = expected.length
  const columns = actual.length
  // common[i][j]: the longest common run of expected[i..] and actual[j..].
  const common = Array.from({length: rows + 1}, () => new Array<number>(columns + 1).fill(0))
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      common[i][j] = expected[i] === actual[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1])
    }
  }
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < rows || j < columns) {
    if (i < rows && j < columns && expected[i] === actual[j]) {
      out.push('  ' + expected[i])
      i++
      j++
    } else if (i < rows && (j === columns || common[i + 1][j] >= common[i][j + 1])) {
      out.push('- ' + expected[i])
      i++
    } else {
      out.push('+ ' + actual[j])
      j++
    }
  }
  return out
}

/**
 * The page with the findings blocks of the given fail samples set to their
 * new lines; a fail sample without a findings block gets one after it.
 */
export function rewriteFindings(text: string, updates: Array<{sample: Sample; lines: string[]}>): string {
  const edits: Array<{start: number; end: number; value: string}> = []
  for (const {sample, lines} of updates) {
    const body = lines.map((entry) => entry + '\n').join('')
    if (sample.findings) {
      const block = text.slice(sample.findings.start, sample.findings.end)
      const open = block.slice(0, block.indexOf('\n'))
      const close = block.slice(block.lastIndexOf('\n') + 1)
      edits.push({start: sample.findings.start, end: sample.findings.end, value: `${open}\n${body}${close}`})
    } else {
      const fence = body.includes('```') ? '~~~~' : '```'
      edits.push({start: sample.end, end: sample.end, value: `\n\n${fence}text findings\n${body}${fence}`})
    }
  }
  let result = text
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.value + result.slice(edit.end)
  }
  return result
}
