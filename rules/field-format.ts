/**
 * field-format: dates are real calendar dates (ISO `2026-03-14` where the
 * template writes `YYYY-MM-DD`), versions look like versions (`1.0`,
 * `2.1.3`). Front matter that YAML rejects, or that YAML reads as another
 * type (`version: 1.0` is the number 1), is a finding, never a crash.
 */
import {findField} from '../src/analysis/fields.js'
import {defineRule} from '../src/rule/define.js'
import {dateProblem} from '../src/util/dates.js'
import {hasPlaceholder} from '../src/util/placeholders.js'

export default defineRule({
  id: 'field-format',
  description: 'Dates are real dates and versions look like versions; front matter is valid YAML.',
  strictness: 'always',
  messages: {
    'invalid-yaml': 'Front matter is not valid YAML: {problem}; expected "key: value" lines',
    'yaml-type': 'Front matter "{field}" is {type} in YAML ({value}): expected a quoted string such as "{example}"',
    'not-a-version': 'Field "{field}" is "{value}": expected a version such as "1.0" or "2.1.3"',
    'not-a-date': 'Field "{field}" is "{value}": {problem}',
  },
  check({analysis, report}) {
    const {doc, preset, fields} = analysis
    if (doc.frontmatterError && doc.frontmatterSpan) {
      report('invalid-yaml', doc.frontmatterSpan, {problem: doc.frontmatterError})
    }
    for (const spec of preset.fields) {
      if (!spec.format) continue
      const field = findField(fields, spec)
      if (!field?.value || hasPlaceholder(field.value)) continue
      if (field.region === 'frontmatter' && typeof field.raw !== 'string') {
        const type = field.raw instanceof Date ? 'a timestamp' : Array.isArray(field.raw) ? 'a list' : `a ${typeof field.raw}`
        const example = spec.format === 'version' ? '1.0' : '2026-03-14'
        report('yaml-type', field.valueSpan, {field: field.name, type, value: field.value, example})
        continue
      }
      if (spec.format === 'version') {
        if (!/^v?\d+(?:\.\d+){0,3}(?:[-+][0-9A-Za-z.-]+)?$/.test(field.value)) {
          report('not-a-version', field.valueSpan, {field: spec.name, value: field.value}, {actual: field.value})
        }
        continue
      }
      const problem = dateProblem(field.value, spec.format === 'iso-date')
      if (problem) report('not-a-date', field.valueSpan, {field: spec.name, value: field.value, problem}, {actual: field.value})
    }
  },
})
