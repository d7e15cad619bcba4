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

/** One line on what each rule checks (SARIF rule metadata, listings). */
export const ruleDescriptions: Record<RuleId, string> = {
  'required-sections': 'Every section of the template is in the document; the title keeps its fixed words.',
  'section-order': "Sections keep the template's order and parent.",
  'heading-level': "Each section's heading is at the template's depth.",
  'heading-numbering': "Numbered levels are numbered consecutively, with the parent's number as prefix.",
  'no-empty-sections': 'Each section has content of its own or subsections.',
  'no-placeholders': 'No placeholder of the template is left ([...], <...>, {...}, YYYY-MM-DD, TBD items).',
  'no-template-text': "No instruction or example text of the template is left as written.",
  'required-fields': "The template's metadata fields are present and filled.",
  'field-values': 'A choice field holds exactly one allowed value.',
  'field-format': 'Dates are real dates and versions look like versions; front matter is valid YAML.',
  'required-tables': "The template's tables are in their sections, with rows.",
  'table-columns': "Template tables have every template column.",
  'table-values': "Template table cells are filled and within the template's choices.",
  'required-diagrams': "The template's diagrams (mermaid of the same type, or ASCII art) are there and filled.",
}

/** The message source of every designlint finding. */
export const source = 'designlint'

const docsBase = 'https://github.com/designlint/designlint/blob/main/rules/'

/** The documentation page of a rule. */
export function ruleUrl(id: string): string {
  return docsBase + id + '.md'
}
