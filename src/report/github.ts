/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice`
 * per finding, which the runner turns into an inline annotation.
 */
import type {VFile} from 'vfile'
import {filePath, severity, span, withNote} from './common.js'
import {sortedMessages} from './order.js'

/** Escape the message part of a workflow command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a property value of a workflow command. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

const commands = {error: 'error', warning: 'warning', info: 'notice'} as const

/**
 * `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`, the
 * message being the reason, then the note (if any) on a line of its own.
 */
export function formatGithub(files: VFile[]): string {
  const lines: string[] = []
  for (const file of files) {
    for (const message of sortedMessages(file)) {
      const {line, column, endLine, endColumn} = span(message)
      const properties = [
        `file=${escapeProperty(filePath(file))}`,
        `line=${line}`,
        `endLine=${endLine}`,
        `col=${column}`,
        `endColumn=${endColumn}`,
        `title=${escapeProperty(`designlint ${message.ruleId ?? ''}`.trim())}`,
      ]
      lines.push(`::${commands[severity(message)]} ${properties.join(',')}::${escapeData(withNote(message.reason, message, '\n'))}`)
    }
  }
  return lines.join('\n')
}
