/** Public names: the rule ids and where their docs live. */

/** Stable public rule ids, in the order rules run and are documented. */
export const ruleIds = [
  'required-sections',
  'section-order',
  'heading-level',
  'heading-numbering',
  'no-empty-sections',
  'no-placeholders',
  'no-template-text',
  'required-fields',
  'field-values',
  'field-format',
  'required-tables',
  'table-columns',
  'table-values',
  'required-diagrams',
] as const

export type RuleId = (typeof ruleIds)[number]

/** The message source of every designlint finding. */
export const source = 'designlint'

const docsBase = 'https://github.com/designlint/designlint/blob/main/rules/'

/** The documentation page of a rule. */
export function ruleUrl(id: string): string {
  return docsBase + id + '.md'
}
