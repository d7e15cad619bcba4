/**
 * Formats that CI systems read: GitHub Actions workflow commands (inline
 * annotations), SARIF 2.1.0 (code scanning), JUnit XML (test reports), and a
 * Markdown summary (job summaries, pull request comments).
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {ruleDescriptions, ruleIds, ruleUrl} from '../rule/meta.js'
import {sortedMessages} from './order.js'

function span(message: VFileMessage): {line: number; column: number; endLine: number; endColumn: number} {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : start
  const line = start?.line ?? 1
  const column = start?.column ?? 1
  return {line, column, endLine: end?.line ?? line, endColumn: end?.column ?? column}
}

function severity(message: VFileMessage): 'error' | 'warning' | 'note' {
  return message.fatal ? 'error' : message.fatal === false ? 'warning' : 'note'
}

/** The file's path as reporters show it, with forward slashes. */
function filePath(file: VFile): string {
  return (file.path ?? '<stdin>').split(path.sep).join('/')
}

/** Escape the message part of a workflow command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a property value of a workflow command. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** GitHub Actions: `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`. */
export function formatGithub(files: VFile[]): string {
  const lines: string[] = []
  for (const file of files) {
    for (const message of sortedMessages(file)) {
      const {line, column, endLine, endColumn} = span(message)
      const kind = severity(message) === 'note' ? 'notice' : severity(message)
      const properties = [
        `file=${escapeProperty(filePath(file))}`,
        `line=${line}`,
        `endLine=${endLine}`,
        `col=${column}`,
        `endColumn=${endColumn}`,
        `title=${escapeProperty(`designlint ${message.ruleId ?? ''}`.trim())}`,
      ]
      lines.push(`::${kind} ${properties.join(',')}::${escapeData(message.reason)}`)
    }
  }
  return lines.join('\n')
}

/** SARIF 2.1.0, one run, with rule metadata and help links. */
export function formatSarif(files: VFile[], version: string): string {
  const ids: string[] = [...ruleIds]
  for (const file of files) for (const message of file.messages) if (message.ruleId && !ids.includes(message.ruleId)) ids.push(message.ruleId)
  const rules = ids.map((id) => {
    const known = (ruleIds as readonly string[]).includes(id)
    return {
      id,
      name: id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase()),
      shortDescription: {text: known ? ruleDescriptions[id as keyof typeof ruleDescriptions] : `designlint could not check the file (${id}).`},
      ...(known ? {helpUri: ruleUrl(id), help: {text: `See ${ruleUrl(id)}`}} : {}),
      defaultConfiguration: {level: 'error' as const},
    }
  })
  const results = files.flatMap((file) =>
    sortedMessages(file).map((message) => {
      const {line, column, endLine, endColumn} = span(message)
      const ruleId = message.ruleId ?? 'designlint'
      return {
        ruleId,
        ruleIndex: ids.indexOf(ruleId),
        level: severity(message),
        message: {text: message.reason},
        locations: [
          {
            physicalLocation: {
              artifactLocation: {uri: encodeURI(filePath(file)), uriBaseId: '%SRCROOT%'},
              region: {startLine: line, startColumn: column, endLine, endColumn},
            },
          },
        ],
      }
    }),
  )
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'designlint',
            version,
            informationUri: 'https://github.com/designlint/designlint',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
  return JSON.stringify(sarif, null, 2)
}

function xml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * JUnit XML: a test suite per file; each error is a failed test case, each
 * warning a passing one with the warning in its output, and a clean file one
 * passing test case.
 */
export function formatJunit(files: VFile[]): string {
  const suites: string[] = []
  let tests = 0
  let failures = 0
  for (const file of files) {
    const name = filePath(file)
    const cases: string[] = []
    let suiteFailures = 0
    for (const message of sortedMessages(file)) {
      const {line, column} = span(message)
      const title = `${line}:${column} ${message.ruleId ?? 'designlint'}`
      if (message.fatal) {
        suiteFailures++
        cases.push(
          `    <testcase classname="${xml(name)}" name="${xml(title)}"><failure type="${xml(message.ruleId ?? 'designlint')}" message="${xml(message.reason)}">${xml(`${name}:${line}:${column} ${message.reason}`)}</failure></testcase>`,
        )
      } else {
        cases.push(`    <testcase classname="${xml(name)}" name="${xml(title)}"><system-out>${xml(`${severity(message)}: ${message.reason}`)}</system-out></testcase>`)
      }
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(name)}" name="designlint"/>`)
    tests += cases.length
    failures += suiteFailures
    suites.push(`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${suiteFailures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`)
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="designlint" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>`
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** A Markdown summary: totals, then a table of findings. */
export function formatMarkdown(files: VFile[]): string {
  const messages = files.flatMap((file) => sortedMessages(file).map((message) => ({file, message})))
  const errors = messages.filter(({message}) => message.fatal).length
  const warnings = messages.filter(({message}) => message.fatal === false).length
  const checked = `${files.length} ${files.length === 1 ? 'document' : 'documents'}`
  if (messages.length === 0) return `### designlint: no findings\n\nChecked ${checked}.\n`
  const withFindings = files.filter((file) => file.messages.length > 0).length
  const rows = messages.map(({file, message}) => {
    const {line, column} = span(message)
    const rule = message.ruleId && (ruleIds as readonly string[]).includes(message.ruleId) ? `[${message.ruleId}](${ruleUrl(message.ruleId)})` : (message.ruleId ?? '')
    return `| \`${cell(filePath(file))}:${line}:${column}\` | ${severity(message)} | ${rule} | ${cell(message.reason)} |`
  })
  return [
    `### designlint: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
    '',
    `Checked ${checked}; ${withFindings} with findings.`,
    '',
    '| where | severity | rule | finding |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n')
}
