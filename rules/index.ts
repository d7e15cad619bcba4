/**
 * The registry: every designlint rule, in the order rules run and are
 * documented. Rule ids, descriptions, documentation links, SARIF rule
 * metadata and which findings follow the document's status all derive from
 * the rule modules listed here.
 */
import type {DesignlintRule, RuleMeta} from '../src/rule/define.js'
import fieldFormat from './field-format.js'
import fieldValues from './field-values.js'
import headingLevel from './heading-level.js'
import headingNumbering from './heading-numbering.js'
import noEmptySections from './no-empty-sections.js'
import noPlaceholders from './no-placeholders.js'
import noTemplateText from './no-template-text.js'
import requiredDiagrams from './required-diagrams.js'
import requiredFields from './required-fields.js'
import requiredSections from './required-sections.js'
import requiredTables from './required-tables.js'
import sectionOrder from './section-order.js'
import tableColumns from './table-columns.js'
import tableValues from './table-values.js'

export const rules: readonly DesignlintRule[] = [
  requiredSections,
  sectionOrder,
  headingLevel,
  headingNumbering,
  noEmptySections,
  noPlaceholders,
  noTemplateText,
  requiredFields,
  fieldValues,
  fieldFormat,
  requiredTables,
  tableColumns,
  tableValues,
  requiredDiagrams,
]

/** Every rule's metadata, in registry order. */
export const ruleMetas: readonly RuleMeta[] = rules.map((rule) => rule.meta)

/** Stable public rule ids, in registry order. */
export const ruleIds: readonly string[] = ruleMetas.map((meta) => meta.id)

const byId = new Map(ruleMetas.map((meta) => [meta.id, meta]))

/** A rule's metadata by id. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id)
}
