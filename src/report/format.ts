/**
 * Output formats. `stylish` is vfile-reporter's; `json` follows
 * vfile-reporter-json's shape (an array of files with `path` and `messages`),
 * with each message's end and quick-fix data (`expected`, `actual`) kept.
 */
import {formatGithub, formatJunit, formatMarkdown, formatSarif} from './ci-formats.js'
import type {VFile} from 'vfile'
import {sortedMessages} from './order.js'

export const formats = ['stylish', 'json', 'github', 'sarif', 'junit', 'markdown'] as const
export type Format = (typeof formats)[number]

export interface FormatOptions {
  quiet?: boolean
  color?: boolean
  /** designlint's version, for SARIF. */
  version?: string
}

export async function formatResults(format: Format, files: VFile[], options: FormatOptions = {}): Promise<string> {
  switch (format) {
    case 'json':
      return formatJson(files, options)
    case 'stylish': {
      const {reporter} = await import('vfile-reporter')
      return reporter(files, {quiet: options.quiet === true, color: options.color === true})
    }
    case 'github':
      return formatGithub(files)
    case 'sarif':
      return formatSarif(files, options.version ?? '0.0.0')
    case 'junit':
      return formatJunit(files)
    case 'markdown':
      return formatMarkdown(options.quiet ? files.filter((file) => file.messages.length > 0) : files)
  }
}

export interface JsonMessage {
  ruleId: string | undefined
  source: string | undefined
  reason: string
  severity: 'error' | 'warning' | 'info'
  fatal: boolean | null | undefined
  line: number | undefined
  column: number | undefined
  endLine: number | undefined
  endColumn: number | undefined
  url: string | undefined
  expected: string[] | undefined
  actual: string | undefined
  note: string | undefined
}

export interface JsonFile {
  path: string
  cwd: string
  messages: JsonMessage[]
}

function formatJson(files: VFile[], options: FormatOptions): string {
  const result: JsonFile[] = []
  for (const file of files) {
    if (options.quiet && file.messages.length === 0) continue
    result.push({
      path: file.path ?? '<stdin>',
      cwd: file.cwd,
      messages: sortedMessages(file).map((message) => ({
        ruleId: message.ruleId,
        source: message.source,
        reason: message.reason,
        severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
        fatal: message.fatal,
        line: message.place && 'start' in message.place ? message.place.start.line : message.line,
        column: message.place && 'start' in message.place ? message.place.start.column : message.column,
        endLine: message.place && 'end' in message.place ? message.place.end.line : message.line,
        endColumn: message.place && 'end' in message.place ? message.place.end.column : message.column,
        url: message.url,
        expected: message.expected,
        actual: message.actual,
        note: message.note,
      })),
    })
  }
  return JSON.stringify(result, null, 2)
}

/** Count errors (fatal) and warnings in results. */
export function countFindings(files: VFile[]): {errors: number; warnings: number} {
  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal) errors++
      else if (message.fatal === false) warnings++
    }
  }
  return {errors, warnings}
}
