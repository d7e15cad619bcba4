/**
 * The document's own status decides how strict content rules are: while it
 * is a draft (a draft status, or no status yet), placeholders, template text
 * and empty sections are warnings; from the first review status on they are
 * errors.
 */
import type {Preset} from '../template/types.js'
import {containsPlaceholder} from '../util/placeholders.js'
import {matchesChoice} from '../util/choices.js'
import type {DocField} from '../document/types.js'

export interface DocStatus {
  /** The status as written, if any. */
  value?: string
  draft: boolean
  /** Where it was read, for messages: `Status "Draft"`, `no Status`. */
  describe: string
  field?: DocField
}

/** Read a document's status. */
export function documentStatus(preset: Preset, fields: readonly DocField[], draftStatuses: string[] = preset.draftStatuses): DocStatus {
  const field = fields.find((candidate) => candidate.key === 'status')
  // "**Accepted**", "*Implemented (Swift 5.1)*": the status, its emphasis aside.
  const value = field?.value.replace(/^([*_`]+)(.+?)\1(?=\s|$)/, '$2').trim()
  if (!field || !value || containsPlaceholder(value) || /\|/.test(value)) {
    return {draft: true, describe: field && value ? 'the Status is not set to one value' : 'there is no Status', ...(field ? {field} : {})}
  }
  const draft = draftStatuses.some((status) => matchesChoice(value, {values: [status], open: false}))
  return {value, draft, describe: `the Status is "${value}"`, field}
}
