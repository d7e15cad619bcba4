/** Every designlint rule, by its public id. */
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
import type {RuleId} from '../src/rule/meta.js'

export const rules = {
  'required-sections': requiredSections,
  'section-order': sectionOrder,
  'heading-level': headingLevel,
  'heading-numbering': headingNumbering,
  'no-empty-sections': noEmptySections,
  'no-placeholders': noPlaceholders,
  'no-template-text': noTemplateText,
  'required-fields': requiredFields,
  'field-values': fieldValues,
  'field-format': fieldFormat,
  'required-tables': requiredTables,
  'table-columns': tableColumns,
  'table-values': tableValues,
  'required-diagrams': requiredDiagrams,
} satisfies Record<RuleId, unknown>
