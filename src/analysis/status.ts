/**
 * The document's own status decides how strict content rules are: while it
 * is a draft (a draft status, or no status yet), placeholders, template text
 * and empty sections are warnings; from the first review status on they are
 * errors.
 */
import type {DocField, DocModel, Preset} from '../template/types.js'
import {containsPlaceholder} from '../util/placeholders.js'
import {matchesChoice} from '../util/choices.js'

export interface DocStatus {
  /** The status as written, if any. */
  value?: string
  draft: boolean
  /** Where it was read, for messages: `Status "Draft"`, `no Status`. */
  describe: string
  field?: DocField
}

/** Rules whose findings are warnings while a document is a draft. */
export const strictnessRules = new Set(['no-placeholders', 'no-template-text', 'no-empty-sections'])

/**
 * Findings of other rules that are about template content left in (a diagram
 * or a choice cell left as the template wrote it): strict like the rules above.
 */
const contentFindings = new WeakSet<object>()

/** Mark a message as a template-content finding. */
export function markContent<T extends object>(message: T): T {
  contentFindings.add(message)
  return message
}

/** Whether the document's status decides this message's severity. */
export function isContentFinding(message: {ruleId?: string | undefined}): boolean {
  return (message.ruleId !== undefined && strictnessRules.has(message.ruleId)) || contentFindings.has(message)
}

/** Read a document's status. */
export function documentStatus(preset: Preset, doc: DocModel, draftStatuses: string[] = preset.draftStatuses): DocStatus {
  const field = doc.fields.find((candidate) => candidate.key === 'status')
  const value = field?.value.trim()
  if (!field || !value || containsPlaceholder(value) || /\|/.test(value)) {
    return {draft: true, describe: field && value ? 'the Status is not set to one value' : 'there is no Status', ...(field ? {field} : {})}
  }
  const draft = draftStatuses.some((status) => matchesChoice(value, {values: [status], open: false}))
  return {value, draft, describe: `the Status is "${value}"`, field}
}
