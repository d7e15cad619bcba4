/**
 * Adopting designlint on a repository that already has documents: a baseline
 * file records today's findings, and later runs report only new ones. A
 * finding is matched by file, rule, message id and the values in its message
 * (its `data`): never by line, so edits above it do not bring it back, and
 * never by wording or severity, so a document whose Status goes from Draft to
 * In Review (warnings become errors) brings back no recorded finding. A
 * finding that appears more often than recorded is new. Messages without an
 * id (an unreadable file) are matched by their text.
 */
import {existsSync, readFileSync} from 'node:fs'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {DesignlintError} from '../util/errors.js'
import {writeFileAtomic} from '../util/write-file.js'

export interface BaselineEntry {
  file: string
  ruleId: string
  messageId?: string
  data?: Record<string, string>
  /** For a message without an id (and in version 1 baselines): its text. */
  reason?: string
  count: number
}

export interface Baseline {
  tool: 'designlint'
  version: 1 | 2
  findings: BaselineEntry[]
}

/** A baseline file that cannot be read: a usage error. */
export class BaselineError extends DesignlintError {
  override name = 'BaselineError'
}

/** The draft note version 1 baselines kept in the reason. */
const oldDraftNote = / \(a warning while [^)]*; an error once in review\)$/

function sortedData(data: Record<string, string> | undefined): Array<[string, string]> {
  return Object.entries(data ?? {}).sort(([a], [b]) => a.localeCompare(b))
}

/** What identifies a finding across runs. */
function identity(
  file: string,
  entry: {ruleId: string; messageId?: string | undefined; data?: Record<string, string> | undefined; reason?: string | undefined},
): string {
  if (entry.messageId) return JSON.stringify([file, entry.ruleId, entry.messageId, sortedData(entry.data)])
  return JSON.stringify([file, entry.ruleId, (entry.reason ?? '').replace(oldDraftNote, '')])
}

function messageIdentity(file: string, message: VFileMessage, byReason: boolean): string {
  if (byReason) return identity(file, {ruleId: message.ruleId ?? '', reason: message.reason})
  return identity(file, {ruleId: message.ruleId ?? '', messageId: message.messageId, data: message.data, reason: message.reason})
}

function filePath(file: VFile): string {
  return (file.path ?? '<stdin>').replace(/\\/g, '/')
}

/** Record the current findings. */
export function createBaseline(files: VFile[]): Baseline {
  const counts = new Map<string, BaselineEntry>()
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === undefined || message.fatal === null) continue
      const entry: BaselineEntry = {file: filePath(file), ruleId: message.ruleId ?? '', count: 0}
      if (message.messageId) {
        entry.messageId = message.messageId
        entry.data = Object.fromEntries(sortedData(message.data))
      } else {
        entry.reason = message.reason
      }
      const id = identity(entry.file, entry)
      const existing = counts.get(id) ?? entry
      existing.count++
      counts.set(id, existing)
    }
  }
  const findings = [...counts.values()].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.ruleId.localeCompare(b.ruleId) ||
      (a.messageId ?? '').localeCompare(b.messageId ?? '') ||
      JSON.stringify(a.data ?? a.reason).localeCompare(JSON.stringify(b.data ?? b.reason)),
  )
  return {tool: 'designlint', version: 2, findings}
}

export function writeBaseline(path: string, baseline: Baseline): void {
  writeFileAtomic(path, JSON.stringify(baseline, null, 2) + '\n', true)
}

export function readBaseline(path: string): Baseline | undefined {
  if (!existsSync(path)) return undefined
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${path}: ${String((error as Error).message).split('\n')[0]}`)
  }
  const baseline = data as Baseline
  if (baseline?.tool !== 'designlint' || !Array.isArray(baseline.findings)) {
    throw new BaselineError(`${path} is not a designlint baseline (expected {"tool": "designlint", "findings": [...]})`)
  }
  return baseline
}

/** Drop the findings the baseline records; return how many were dropped. */
export function applyBaseline(files: VFile[], baseline: Baseline): number {
  // Version 1 recorded findings by their text.
  const byReason = baseline.version === 1
  const allowed = new Map<string, number>()
  for (const entry of baseline.findings)
    allowed.set(identity(entry.file, byReason ? {ruleId: entry.ruleId, reason: entry.reason} : entry), entry.count)
  let dropped = 0
  for (const file of files) {
    file.messages = file.messages.filter((message) => {
      const id = messageIdentity(filePath(file), message, byReason)
      const left = allowed.get(id) ?? 0
      if (left <= 0) return true
      allowed.set(id, left - 1)
      dropped++
      return false
    })
  }
  return dropped
}
