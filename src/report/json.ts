/**
 * JSON: vfile-reporter-json's shape (an array of files with `path` and
 * `messages`), with each message's end, quick-fix data (`expected`,
 * `actual`), message id, its data and its note kept.
 */
import type {VFile} from 'vfile'
import {severity, span, type Severity} from './common.js'
import {sortedMessages} from './order.js'

/** One finding in the JSON output. */
export interface JsonMessage {
  ruleId: string | undefined
  /** The rule's id for this kind of finding (`missing-section`). */
  messageId: string | undefined
  /** The values filled into the message's text. */
  data: Record<string, string> | undefined
  source: string | undefined
  reason: string
  /** Why the finding has its severity (a draft's warnings), when it says. */
  note: string | undefined
  severity: Severity
  fatal: boolean | null | undefined
  line: number | undefined
  column: number | undefined
  endLine: number | undefined
  endColumn: number | undefined
  url: string | undefined
  expected: string[] | undefined
  actual: string | undefined
}

/** One file in the JSON output. */
export interface JsonFile {
  path: string
  cwd: string
  messages: JsonMessage[]
}

/** The files and their findings as JSON; `quiet` leaves out clean files. */
export function formatJson(files: VFile[], options: {quiet?: boolean | undefined} = {}): string {
  const result: JsonFile[] = []
  for (const file of files) {
    if (options.quiet && file.messages.length === 0) continue
    result.push({
      path: file.path ?? '<stdin>',
      cwd: file.cwd,
      messages: sortedMessages(file).map((message) => {
        const placed = message.place !== undefined && message.place !== null
        const {line, column, endLine, endColumn} = span(message)
        return {
          ruleId: message.ruleId,
          messageId: message.messageId,
          data: message.data,
          source: message.source,
          reason: message.reason,
          note: message.note,
          severity: severity(message),
          fatal: message.fatal,
          line: placed ? line : undefined,
          column: placed ? column : undefined,
          endLine: placed ? endLine : undefined,
          endColumn: placed ? endColumn : undefined,
          url: message.url,
          expected: message.expected,
          actual: message.actual,
        }
      }),
    })
  }
  return JSON.stringify(result, null, 2)
}
