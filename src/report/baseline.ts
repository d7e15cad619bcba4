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
import nodePath from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {DesignlintError, fileError, firstLineOf, systemErrorCode} from '../util/errors.js'
import {removeStaleTemporaryFiles, writeFileAtomic} from '../util/write-file.js'

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

/**
 * What identifies a finding of a file named `file`, whatever line it is on:
 * the file, rule, message id and the values in its message (its text when it
 * has no id; with `byReason`, always its text). Baselines match findings on
 * it, and the Code Quality format's fingerprints are made from it.
 */
export function messageIdentity(file: string, message: VFileMessage, byReason = false): string {
  if (byReason) return identity(file, {ruleId: message.ruleId ?? '', reason: message.reason})
  return identity(file, {ruleId: message.ruleId ?? '', messageId: message.messageId, data: message.data, reason: message.reason})
}

/**
 * The folder a baseline's file names are relative to: the git repository
 * that holds the baseline (the nearest folder above it with a `.git`), else
 * the baseline's own folder. So a run from a subfolder matches the same
 * findings as one from the top.
 */
export function baselineRoot(baselineFile: string): string {
  const start = nodePath.dirname(nodePath.resolve(baselineFile))
  for (let dir = start; ; dir = nodePath.dirname(dir)) {
    if (existsSync(nodePath.join(dir, '.git'))) return dir
    if (nodePath.dirname(dir) === dir) return start
  }
}

/** A file's name in a baseline: relative to `root` when given, else as the file names itself. */
function filePath(file: VFile, root: string | undefined): string {
  if (!file.path) return '<stdin>'
  const name = root ? nodePath.relative(root, nodePath.resolve(file.cwd, file.path)) : file.path
  return name.replace(/\\/g, '/')
}

/** Record the current findings; file names relative to `root` (see {@link baselineRoot}) when given. */
export function createBaseline(files: VFile[], root?: string): Baseline {
  const counts = new Map<string, BaselineEntry>()
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === undefined || message.fatal === null) continue
      const entry: BaselineEntry = {file: filePath(file, root), ruleId: message.ruleId ?? '', count: 0}
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
  writeFileAtomic(path, JSON.stringify(baseline, null, 2) + '\n', {force: true})
}

/**
 * Read a baseline; undefined when there is none. A file that is not a
 * baseline, or holds an entry of the wrong shape, is a {@link BaselineError}.
 * Temporary files left by an interrupted write of it are removed.
 */
export function readBaseline(path: string): Baseline | undefined {
  removeStaleTemporaryFiles(path)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (systemErrorCode(error) === 'ENOENT') return undefined
    throw new BaselineError(fileError('read', path, error).message)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${path}: ${firstLineOf(error)}`)
  }
  const baseline = data as Baseline
  if (baseline?.tool !== 'designlint' || !Array.isArray(baseline.findings)) {
    throw new BaselineError(`${path} is not a designlint baseline (expected {"tool": "designlint", "findings": [...]})`)
  }
  const wrong = baseline.findings.findIndex((entry) => !isBaselineEntry(entry))
  if (wrong !== -1) {
    throw new BaselineError(
      `${path} is damaged: findings[${wrong}] is not a finding (expected {"file", "ruleId", "count", …}); record it again with --update-baseline`,
    )
  }
  return baseline
}

function isStringRecord(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string')
  )
}

/** Whether an entry of a baseline file has the shape {@link BaselineEntry} says. */
function isBaselineEntry(entry: unknown): entry is BaselineEntry {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false
  const {file, ruleId, messageId, data, reason, count} = entry as Record<string, unknown>
  return (
    typeof file === 'string' &&
    typeof ruleId === 'string' &&
    Number.isInteger(count) &&
    (count as number) > 0 &&
    (messageId === undefined || typeof messageId === 'string') &&
    (data === undefined || isStringRecord(data)) &&
    (reason === undefined || typeof reason === 'string')
  )
}

/** Drop the findings the baseline records (file names relative to `root`, when given); return how many were dropped. */
export function applyBaseline(files: VFile[], baseline: Baseline, root?: string): number {
  // Version 1 recorded findings by their text.
  const byReason = baseline.version === 1
  const allowed = new Map<string, number>()
  for (const entry of baseline.findings)
    allowed.set(identity(entry.file, byReason ? {ruleId: entry.ruleId, reason: entry.reason} : entry), entry.count)
  let dropped = 0
  for (const file of files) {
    const name = filePath(file, root)
    file.messages = file.messages.filter((message) => {
      const id = messageIdentity(name, message, byReason)
      const left = allowed.get(id) ?? 0
      if (left <= 0) return true
      allowed.set(id, left - 1)
      dropped++
      return false
    })
  }
  return dropped
}
