/**
 * The one place the reporters learn about rules: what a rule checks, where
 * its documentation is, and the text of its messages by message id.
 */
import {ruleIds, ruleMeta} from '../../rules/index.js'

/** What the reporters show of a rule. */
export interface RuleInfo {
  /** One line on what the rule checks. */
  description: string
  /** The rule's documentation page. */
  url: string
  /** Message templates by message id, with `{name}` slots (may be empty). */
  messages: Readonly<Record<string, string>>
}

/** Look up a rule by id; `undefined` for ids that are not rules (`preset`). */
export type RuleInfoLookup = (id: string) => RuleInfo | undefined

/** What designlint knows of the rule `id`, if it is one of its rules. */
export function ruleInfo(id: string): RuleInfo | undefined {
  const meta = ruleMeta(id)
  return meta ? {description: meta.description, url: meta.url, messages: meta.messages} : undefined
}

/** Every rule's id, in registry order (SARIF lists them all). */
export function knownRuleIds(): readonly string[] {
  return ruleIds
}
