/** Every designlint rule, by its public id. */
import headingLevel from './heading-level.js'
import headingNumbering from './heading-numbering.js'
import noEmptySections from './no-empty-sections.js'
import requiredSections from './required-sections.js'
import sectionOrder from './section-order.js'
import type {RuleId} from '../src/meta.js'

export const rules = {
  'required-sections': requiredSections,
  'section-order': sectionOrder,
  'heading-level': headingLevel,
  'heading-numbering': headingNumbering,
  'no-empty-sections': noEmptySections,
} satisfies Record<RuleId, unknown>
