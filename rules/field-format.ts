/**
 * field-format: dates are real calendar dates (ISO `2026-03-14` where the
 * template writes `YYYY-MM-DD`), versions look like versions (`1.0`,
 * `2.1.3`). Front matter that YAML rejects, or that YAML reads as another
 * type (`version: 1.0` is the number 1), is a finding, never a crash.
 */
import type {Root} from 'mdast'
import {lintRule} from 'unified-lint-rule'
import {getAnalysis} from '../src/analysis/analysis.js'
import {findField} from '../src/analysis/fields.js'
import {report} from '../src/rule/wording.js'
import {ruleUrl} from '../src/rule/meta.js'
import {hasPlaceholder} from '../src/util/placeholders.js'
import {dateProblem} from '../src/util/dates.js'

const fieldFormat = lintRule<Root, undefined>(
  {origin: 'designlint:field-format', url: ruleUrl('field-format')},
  function (_, file) {
    const analysis = getAnalysis(file)
    if (!analysis) return
    const {doc, preset} = analysis
    if (doc.frontmatterError && doc.frontmatterSpan) {
      report(file, `Front matter is not valid YAML: ${doc.frontmatterError}; expected "key: value" lines`, doc.frontmatterSpan)
    }
    for (const spec of preset.fields) {
      if (!spec.format) continue
      const field = findField(doc, spec)
      if (!field || !field.value || hasPlaceholder(field.value)) continue
      if (field.region === 'frontmatter' && typeof field.raw !== 'string') {
        const type = field.raw instanceof Date ? 'a timestamp' : Array.isArray(field.raw) ? 'a list' : `a ${typeof field.raw}`
        report(file, `Front matter "${field.name}" is ${type} in YAML (${field.value}): expected a quoted string such as "${spec.format === 'version' ? '1.0' : '2026-03-14'}"`, field.valueSpan)
        continue
      }
      if (spec.format === 'version') {
        if (!/^v?\d+(?:\.\d+){0,3}(?:[-+][0-9A-Za-z.-]+)?$/.test(field.value)) {
          report(file, `Field "${spec.name}" is "${field.value}": expected a version such as "1.0" or "2.1.3"`, field.valueSpan, {actual: field.value})
        }
        continue
      }
      const problem = dateProblem(field.value, spec.format === 'iso-date')
      if (problem) report(file, `Field "${spec.name}" is "${field.value}": ${problem}`, field.valueSpan, {actual: field.value})
    }
  },
)

export default fieldFormat
