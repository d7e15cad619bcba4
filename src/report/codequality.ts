/**
 * GitLab Code Quality (`artifacts:reports:codequality`): a JSON array with
 * one issue per finding, the subset of the Code Climate spec GitLab reads:
 * description, check_name, fingerprint, severity and location.path with
 * location.lines.begin. GitLab tells new findings from old ones in a merge
 * request by their fingerprint, so it must not move with the finding's line:
 * it is a hash of what identifies the finding in a baseline (file, rule,
 * message id and the values in the message), with a counter for a finding
 * that appears more than once.
 */
import {hexDigest} from '../util/hash.js'
import type {VFile} from 'vfile'
import {messageIdentity} from './baseline.js'
import {filePath, severity, span, withNote, type Severity} from './common.js'
import {sortedMessages} from './order.js'

/** GitLab's severities, from the least to the worst. */
export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker'

/** One issue of a Code Quality report. */
export interface CodeQualityIssue {
  description: string
  check_name: string
  fingerprint: string
  severity: CodeQualitySeverity
  location: {path: string; lines: {begin: number; end?: number}}
}

/**
 * Errors are `major` (what fails the check), warnings `minor`, information
 * (what "auto" matched) `info`; `critical` and `blocker` are left to tools
 * whose findings break things.
 */
const severities: Record<Severity, CodeQualitySeverity> = {error: 'major', warning: 'minor', info: 'info'}

/** The fingerprint of the `occurrence`-th finding (from 0) with a given identity. */
function fingerprint(identity: string, occurrence: number): string {
  return hexDigest('md5', `${identity}\n${occurrence}`)
}

/** The Code Quality report of the files' findings, as JSON text. */
export function formatCodeQuality(files: VFile[]): string {
  const issues: CodeQualityIssue[] = []
  for (const file of files) {
    const path = filePath(file)
    // Identical findings (same rule, message id and values) are told apart by
    // their order in the file, which edits above them do not change.
    const seen = new Map<string, number>()
    for (const message of sortedMessages(file)) {
      const identity = messageIdentity(path, message)
      const occurrence = seen.get(identity) ?? 0
      seen.set(identity, occurrence + 1)
      const {line, endLine} = span(message)
      const issue: CodeQualityIssue = {
        description: withNote(message.reason, message, ' '),
        check_name: message.ruleId ?? 'designlint',
        fingerprint: fingerprint(identity, occurrence),
        severity: severities[severity(message)],
        location: {path, lines: endLine > line ? {begin: line, end: endLine} : {begin: line}},
      }
      issues.push(issue)
    }
  }
  return JSON.stringify(issues, null, 2)
}
