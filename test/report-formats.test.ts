/** Output formats, checked against their real consumers' rules. */
import {ruleIds} from '../rules/index.js'
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import type {TableCell} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {toString} from 'mdast-util-to-string'
import {gfmTable} from 'micromark-extension-gfm-table'
import type {Log} from 'sarif'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {countFindings, formatResults, type JsonFile} from '../src/report/format.js'
import {escapeData, escapeProperty} from '../src/report/github.js'
import {sortedMessages} from '../src/report/order.js'
import type {RuleInfo} from '../src/report/rule-info.js'
import {formatSarif, sarifTemplate} from '../src/report/sarif.js'

const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared')
const schemaFile = path.join(shared, 'schemas', 'sarif-schema-2.1.0.json')
const draftNote = 'a warning while the Status is "Draft"; an error once in review'
const tableValues = 'https://github.com/designlint/designlint/blob/main/rules/table-values.md'

/**
 * Two documents as designlint reports them: one with an error (message id
 * and data), a draft's warning (with a note), an info message and a finding
 * with no place; one clean.
 */
function results(): VFile[] {
  const doc = new VFile({path: 'examples/notification-preferences.md', cwd: '/repo'})
  const cell = doc.message('Cell "Hgh" in column "Impact" is not one of "High", "Med" or "Low": did you mean "High"?', {
    place: {start: {line: 235, column: 46}, end: {line: 235, column: 49}},
    ruleId: 'table-values',
    source: 'designlint',
  })
  cell.fatal = true
  cell.messageId = 'not-a-choice'
  cell.data = {cell: 'Hgh', column: 'Impact', choices: '"High", "Med" or "Low"', suggestion: 'High'}
  cell.url = tableValues
  const placeholder = doc.message('Placeholder "[TBD]" is left in "## Overview"', {
    place: {line: 15, column: 3},
    ruleId: 'no-placeholders',
    source: 'designlint',
  })
  placeholder.messageId = 'placeholder'
  placeholder.data = {placeholder: '[TBD]', section: '## Overview'}
  placeholder.note = draftNote
  doc.info('Picked the preset "standard" from the front matter', {place: {line: 1, column: 1}, ruleId: 'preset', source: 'designlint'})
  const nowhere = doc.message('The document could not be read', {ruleId: 'parse', source: 'designlint'})
  nowhere.fatal = true
  const clean = new VFile({path: 'examples/rate-limiter.md', cwd: '/repo'})
  return [doc, clean]
}

/** Rule metadata as the registry will give it, messages included. */
function info(id: string): RuleInfo | undefined {
  const rules: Record<string, RuleInfo> = {
    'table-values': {
      description: "Template table cells are filled and within the template's choices.",
      url: tableValues,
      messages: {
        'not-a-choice': 'Cell "{cell}" in column "{column}" is not one of {choices}: did you mean "{suggestion}"?',
        empty: 'Cell in column "{column}" is empty {like {}}',
      },
    },
    'no-placeholders': {
      description: 'No placeholder of the template is left.',
      url: 'https://github.com/designlint/designlint/blob/main/rules/no-placeholders.md',
      messages: {placeholder: 'Placeholder "{placeholder}" is left in "{section}"'},
    },
  }
  return rules[id]
}

type AjvClass = new (options: object) => {compile(schema: unknown): {(data: unknown): boolean; errors?: unknown[] | null}}

let validator: ReturnType<InstanceType<AjvClass>['compile']> | undefined

function validateSarif(log: unknown): void {
  // A real JSON Schema (draft-04) validator: ajv with its draft-04 build.
  // Without ajv-formats it cannot check `uri` or `date-time`: skip formats rather than warn of each.
  const Ajv = (createRequire(import.meta.url)('ajv-draft-04') as {default: AjvClass}).default
  validator ??= new Ajv({allErrors: true, strict: false, validateFormats: false}).compile(JSON.parse(readFileSync(schemaFile, 'utf8')))
  const validate = validator
  const valid = validate(log)
  expect(validate.errors ?? []).toEqual([])
  expect(valid).toBe(true)
}

describe('order and counts', () => {
  it('sorts by place, then errors before warnings before info, as vfile-sort does', () => {
    const file = new VFile({path: 'a.md'})
    file.info('c', {place: {line: 2, column: 1}, ruleId: 'c'})
    file.message('b', {place: {line: 2, column: 1}, ruleId: 'b'})
    file.message('a', {place: {line: 2, column: 1}, ruleId: 'z'}).fatal = true
    file.message('first', {place: {line: 1, column: 9}, ruleId: 'y'})
    expect(sortedMessages(file).map((message) => message.reason)).toEqual(['first', 'a', 'b', 'c'])
  })

  it('counts errors and warnings; info messages are neither', () => {
    expect(countFindings(results())).toEqual({errors: 2, warnings: 1})
    expect(countFindings([new VFile()])).toEqual({errors: 0, warnings: 0})
  })
})

describe('--format sarif', () => {
  const log = JSON.parse(formatSarif(results(), '1.2.3', info)) as Log
  const [run] = log.runs
  const rules = run.tool.driver.rules ?? []
  const rule = (id: string) => rules.find((candidate) => candidate.id === id)!
  const found = run.results ?? []

  it.skipIf(!existsSync(schemaFile))('validates against the SARIF 2.1.0 JSON schema', () => {
    validateSarif(log)
    validateSarif(JSON.parse(formatSarif(results(), '1.2.3')))
    validateSarif(JSON.parse(formatSarif([new VFile({path: 'a.md'})], '1.2.3')))
  })

  it('lists every rule of the registry, then the ids that are not rules, with metadata and help links; results point at them', () => {
    expect(run.tool.driver).toMatchObject({name: 'designlint', version: '1.2.3'})
    expect(rules.map((rule) => rule.id)).toEqual([...ruleIds, 'parse', 'preset'])
    expect(rule('table-values')).toMatchObject({
      id: 'table-values',
      name: 'TableValues',
      helpUri: tableValues,
      shortDescription: {text: info('table-values')!.description},
    })
    expect(rule('preset').helpUri).toBeUndefined()
    expect(rule('preset').shortDescription?.text).toMatch(/preset/)
    for (const result of found) expect(rules[result.ruleIndex!].id).toBe(result.ruleId)
  })

  it('maps severities to levels and places to regions', () => {
    expect(found.map((result) => [result.ruleId, result.level])).toEqual([
      ['parse', 'error'],
      ['preset', 'note'],
      ['no-placeholders', 'warning'],
      ['table-values', 'error'],
    ])
    expect(found[3].locations?.[0].physicalLocation).toEqual({
      artifactLocation: {uri: 'examples/notification-preferences.md', uriBaseId: '%SRCROOT%'},
      region: {startLine: 235, startColumn: 46, endLine: 235, endColumn: 49},
    })
    expect(found[0].locations?.[0].physicalLocation?.region).toEqual({startLine: 1, startColumn: 1, endLine: 1, endColumn: 1})
  })

  it('carries the message id, its data and the note', () => {
    const cell = found[3]
    expect(cell.message.text).toBe(results()[0].messages[0].reason)
    expect(cell.message.id).toBe('not-a-choice')
    expect(cell.properties).toEqual({
      messageId: 'not-a-choice',
      data: {cell: 'Hgh', column: 'Impact', choices: '"High", "Med" or "Low"', suggestion: 'High'},
    })
    expect(found[2].message).toMatchObject({id: 'placeholder', text: 'Placeholder "[TBD]" is left in "## Overview"'})
    expect(found[2].properties).toEqual({messageId: 'placeholder', data: {placeholder: '[TBD]', section: '## Overview'}, note: draftNote})
    expect(found[1].message).toEqual({text: 'Picked the preset "standard" from the front matter'})
    expect(found[1].properties).toBeUndefined()
  })

  it("gives rules their message strings, which the results' arguments fill to the same text", () => {
    const strings = rule('table-values').messageStrings!
    expect(strings['not-a-choice'].text).toBe('Cell "{0}" in column "{1}" is not one of {2}: did you mean "{3}"?')
    expect(strings.empty.text).toBe('Cell in column "{0}" is empty {{like {{}}}}')
    expect(rule('parse').messageStrings).toBeUndefined()
    // What a SARIF viewer does with `message.id` and `arguments` (§3.11.5).
    for (const result of found.filter((entry) => entry.message.arguments)) {
      const rule = rules[result.ruleIndex!]
      const template = rule.messageStrings![result.message.id!].text
      const filled = template.replace(/\{\{|\}\}|\{(\d+)\}/g, (token, index?: string) =>
        index === undefined ? token[0] : result.message.arguments![Number(index)],
      )
      expect(filled).toBe(result.message.text)
    }
    expect(found.filter((entry) => entry.message.arguments)).toHaveLength(2)
  })

  it('turns named slots into numbered placeholders once per name', () => {
    expect(sarifTemplate('{a} and {b}, then {a} again in {x-y}')).toEqual({
      text: '{0} and {1}, then {0} again in {{x-y}}',
      names: ['a', 'b'],
    })
  })

  it('without rule messages, keeps the message id but no arguments or message strings', async () => {
    const withoutMessages = (id: string) => {
      const known = info(id)
      return known && {...known, messages: {}}
    }
    const plain = JSON.parse(formatSarif(results(), '1.2.3', withoutMessages)) as Log
    const [only] = plain.runs
    expect(only.tool.driver.rules?.every((rule) => rule.messageStrings === undefined)).toBe(true)
    const cell = only.results!.find((result) => result.ruleId === 'table-values')!
    expect(cell.message).toEqual({text: cell.message.text, id: 'not-a-choice'})
    expect(only.tool.driver.rules?.find((rule) => rule.id === 'table-values')?.helpUri).toBe(tableValues)
  })
})

describe('--format github', () => {
  it('writes one workflow command per finding with file, line, col, endLine, endColumn and title', async () => {
    const lines = (await formatResults('github', results())).split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toBe(
      '::error file=examples/notification-preferences.md,line=1,endLine=1,col=1,endColumn=1,title=designlint parse::The document could not be read',
    )
    expect(lines[1]).toMatch(/^::notice file=examples\/notification-preferences\.md,line=1,/)
    expect(lines[3]).toBe(
      '::error file=examples/notification-preferences.md,line=235,endLine=235,col=46,endColumn=49,title=designlint table-values::Cell "Hgh" in column "Impact" is not one of "High", "Med" or "Low": did you mean "High"?',
    )
  })

  it('puts the note on a line of its own after the reason', async () => {
    const lines = (await formatResults('github', results())).split('\n')
    expect(lines[2]).toBe(
      '::warning file=examples/notification-preferences.md,line=15,endLine=15,col=3,endColumn=3,title=designlint no-placeholders::Placeholder "[TBD]" is left in "## Overview"%0A' +
        draftNote,
    )
  })

  it('escapes as the runner requires', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext')
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A')
  })
})

/** The characters of `text` that XML 1.0 does not allow. */
function forbidden(text: string): string[] {
  return [...text].filter((char) => {
    const code = char.codePointAt(0) ?? 0
    return (
      (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) ||
      (code >= 0xd800 && code <= 0xdfff) ||
      code === 0xfffe ||
      code === 0xffff
    )
  })
}

describe('--format junit', () => {
  const parser = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '', textNodeName: 'text'})

  it('is well-formed JUnit XML: a suite per file, errors as failures, notes in the output', async () => {
    const xml = await formatResults('junit', results())
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = parser.parse(xml)
    const suites = parsed.testsuites.testsuite as Array<{name: string; tests: string; failures: string; testcase: unknown}>
    expect(suites.map((suite) => suite.name)).toEqual(['examples/notification-preferences.md', 'examples/rate-limiter.md'])
    expect(parsed.testsuites).toMatchObject({name: 'designlint', tests: '5', failures: '2', errors: '0'})
    expect(suites[0]).toMatchObject({tests: '4', failures: '2'})
    expect(suites[1]).toMatchObject({tests: '1', failures: '0', testcase: {classname: 'examples/rate-limiter.md', name: 'designlint'}})
    const cases = suites[0].testcase as Array<{
      name: string
      failure?: {type: string; message: string; text: string}
      'system-out'?: string
    }>
    expect(cases.map((entry) => entry.name)).toEqual(['1:1 parse', '1:1 preset', '15:3 no-placeholders', '235:46 table-values'])
    expect(cases[3].failure).toMatchObject({
      type: 'table-values',
      text: expect.stringMatching(/^examples\/notification-preferences\.md:235:46 Cell "Hgh"/),
    })
    expect(cases[2]['system-out']).toBe('warning: Placeholder "[TBD]" is left in "## Overview"\n' + draftNote)
    expect(cases[1]['system-out']).toBe('info: Picked the preset "standard" from the front matter')
  })

  it('escapes the characters XML 1.0 forbids in what a finding quotes, and drops them elsewhere', async () => {
    const file = new VFile({path: 'bad\u0007name.md'})
    const reason =
      'Null \u0000, escape \u001b[31mred\u001b[39m, backspace \u0008, lone \ud800 and \udfff, \ufffe\uffff; kept: tab\t, <&>, "quotes", \ud83d\ude00'
    const message = file.message(reason, {place: {line: 3, column: 1}, ruleId: 'no-\u0001placeholders'})
    message.fatal = true
    message.note = 'note \u0000 with NUL'
    file.message(reason, {place: {line: 4, column: 1}, ruleId: 'field-format'}).note = 'warn\u001b note'
    const xml = await formatResults('junit', [file])
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(forbidden(xml)).toEqual([])
    expect(forbidden(reason)).toHaveLength(8)
    const clean =
      'Null \\u0000, escape \\u001B[31mred\\u001B[39m, backspace \\u0008, lone \\uD800 and \\uDFFF, \\uFFFE\\uFFFF; kept: tab\t, <&>, "quotes", \ud83d\ude00'
    const suite = parser.parse(xml).testsuites.testsuite
    expect(suite.name).toBe('bad\\u0007name.md')
    const [failed, warned] = suite.testcase
    expect(failed.failure.message).toBe(clean)
    // A rule id is designlint's, not the document's: what XML cannot hold is dropped.
    expect(failed.failure.type).toBe('no-placeholders')
    expect(failed.failure.text).toBe(`bad\\u0007name.md:3:1 ${clean}\nnote \\u0000 with NUL`)
    expect(warned['system-out']).toBe(`warning: ${clean}\nwarn\\u001B note`)
  })
})

/** The finding cells of a Markdown summary, read back as text. */
function findingCells(markdown: string): string[][] {
  const tree = fromMarkdown(markdown, {extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()]})
  const rows: string[][] = []
  visit(tree, 'tableRow', (row) => {
    rows.push(row.children.map((cell: TableCell) => toString(cell)))
  })
  return rows
}

describe('--format markdown', () => {
  it('summarises totals and lists findings with rule links and notes', async () => {
    const markdown = await formatResults('markdown', results())
    expect(markdown).toMatch(
      /^### designlint: 2 errors, 1 warning\n\nChecked 2 documents; 1 with findings\.\n\n\| where \| severity \| rule \| finding \|\n/,
    )
    expect(markdown).toContain(`| \`examples/notification-preferences.md:235:46\` | error | [table-values](${tableValues}) | Cell "Hgh"`)
    expect(markdown).toContain(`| info | preset | Picked the preset`)
    expect(findingCells(markdown)).toEqual([
      ['where', 'severity', 'rule', 'finding'],
      ['examples/notification-preferences.md:1:1', 'error', 'parse', 'The document could not be read'],
      ['examples/notification-preferences.md:1:1', 'info', 'preset', 'Picked the preset "standard" from the front matter'],
      [
        'examples/notification-preferences.md:15:3',
        'warning',
        'no-placeholders',
        `Placeholder "[TBD]" is left in "## Overview" — ${draftNote}`,
      ],
      ['examples/notification-preferences.md:235:46', 'error', 'table-values', results()[0].messages[0].reason],
    ])
  })

  it('says so when there are no findings; quiet leaves out clean files', async () => {
    expect(await formatResults('markdown', [new VFile({path: 'examples/rate-limiter.md'})])).toBe(
      '### designlint: no findings\n\nChecked 1 document.\n',
    )
    expect(await formatResults('markdown', results(), {quiet: true})).toMatch(
      /^### designlint: 2 errors, 1 warning\n\nChecked 1 document; 1 with findings\./,
    )
  })

  it('leaves escaping to mdast-util-to-markdown: any reason reads back as written', async () => {
    const reason = 'Pipe | in `code` with *stars*, _under_, <div>, [link](x), \\ back, # hash, 1. list, & amp\nand a new line'
    const file = new VFile({path: 'a|b `c`.md'})
    file.message(reason, {place: {line: 2, column: 1}, ruleId: 'no-template-text'}).note = 'note with | pipe'
    const markdown = await formatResults('markdown', [file])
    expect(findingCells(markdown)[1]).toEqual(['a|b `c`.md:2:1', 'warning', 'no-template-text', `${reason} — note with | pipe`])
  })
})

describe('--format json', () => {
  it('carries message ids, data and notes, and every place', async () => {
    const [doc, clean] = JSON.parse(await formatResults('json', results())) as JsonFile[]
    expect(clean).toEqual({path: 'examples/rate-limiter.md', cwd: '/repo', messages: []})
    expect(doc.messages.map((message) => message.severity)).toEqual(['error', 'info', 'warning', 'error'])
    expect(doc.messages[2]).toEqual({
      ruleId: 'no-placeholders',
      messageId: 'placeholder',
      data: {placeholder: '[TBD]', section: '## Overview'},
      source: 'designlint',
      reason: 'Placeholder "[TBD]" is left in "## Overview"',
      note: draftNote,
      severity: 'warning',
      fatal: false,
      line: 15,
      column: 3,
      endLine: 15,
      endColumn: 3,
    })
    expect(doc.messages[3]).toMatchObject({messageId: 'not-a-choice', line: 235, column: 46, endLine: 235, endColumn: 49, url: tableValues})
    expect(doc.messages[0]).not.toHaveProperty('line')
    expect(JSON.parse(await formatResults('json', results(), {quiet: true}))).toHaveLength(1)
  })
})

describe('--format stylish', () => {
  it('shows the note under its finding, and not the url', async () => {
    const report = await formatResults('stylish', results(), {color: false})
    const lines = report.split('\n')
    const at = lines.findIndex((line) => line.includes('Placeholder "[TBD]"'))
    expect(lines[at]).toMatch(/^15:3\s+warning\s+Placeholder "\[TBD\]" is left in "## Overview"\s+no-placeholders\s+designlint$/)
    expect(lines.slice(at + 1, at + 3)).toEqual(['  [note]:', `    ${draftNote}`])
    expect(report).not.toContain('[url]')
    expect(report).not.toContain(tableValues)
    expect(report).toContain('examples/rate-limiter.md: no issues found')
    expect(lines.at(-1)).toBe('4 messages (✖ 2 errors, ⚠ 1 warning)')
    expect(report).not.toContain('\u001b[')
  })

  it('leaves the messages themselves alone', async () => {
    const files = results()
    await formatResults('stylish', files, {color: false})
    expect(files[0].messages[0].url).toBe(tableValues)
    expect(files[0].messages.length).toBe(4)
  })

  it('uses colour when told to, and quiet leaves out clean files', async () => {
    expect(await formatResults('stylish', results(), {color: true})).toContain('\u001b[31merror\u001b[39m')
    expect(await formatResults('stylish', results(), {color: false, quiet: true})).not.toContain('rate-limiter')
  })
})
