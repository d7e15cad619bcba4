/**
 * Adopting designlint on a repository that already has documents: a baseline
 * file records today's findings, and later runs report only new ones. A
 * finding is matched by file, rule and message (not by line, so edits above
 * it do not bring it back); a finding that appears more often than recorded
 * is new.
 */
import {existsSync, readFileSync} from 'node:fs'
import type {VFile} from 'vfile'
import {writeFileAtomic} from '../util/write-file.js'
import {DesignlintError} from '../util/errors.js'

export interface BaselineEntry {
  file: string
  ruleId: string
  reason: string
  count: number
}

export interface Baseline {
  tool: 'designlint'
  version: 1
  findings: BaselineEntry[]
}

/** A baseline file that cannot be read: a usage error. */
export class BaselineError extends DesignlintError {
  override name = 'BaselineError'
}

function key(file: string, ruleId: string, reason: string): string {
  return JSON.stringify([file, ruleId, reason])
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
      const entry = {file: filePath(file), ruleId: message.ruleId ?? '', reason: message.reason, count: 0}
      const id = key(entry.file, entry.ruleId, entry.reason)
      const existing = counts.get(id) ?? entry
      existing.count++
      counts.set(id, existing)
    }
  }
  const findings = [...counts.values()].sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.reason.localeCompare(b.reason))
  return {tool: 'designlint', version: 1, findings}
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
  if (!baseline || baseline.tool !== 'designlint' || !Array.isArray(baseline.findings)) {
    throw new BaselineError(`${path} is not a designlint baseline (expected {"tool": "designlint", "findings": [...]})`)
  }
  return baseline
}

/** Drop the findings the baseline records; return how many were dropped. */
export function applyBaseline(files: VFile[], baseline: Baseline): number {
  const allowed = new Map<string, number>()
  for (const entry of baseline.findings) allowed.set(key(entry.file, entry.ruleId, entry.reason), entry.count)
  let dropped = 0
  for (const file of files) {
    file.messages = file.messages.filter((message) => {
      const id = key(filePath(file), message.ruleId ?? '', message.reason)
      const left = allowed.get(id) ?? 0
      if (left <= 0) return true
      allowed.set(id, left - 1)
      dropped++
      return false
    })
  }
  return dropped
}
