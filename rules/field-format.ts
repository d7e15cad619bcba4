/**
 * field-format: dates are real calendar dates (ISO `2026-03-14` where the
 * template writes `YYYY-MM-DD`), versions look like versions (`1.0`,
 * `2.1.3`). Front matter that YAML rejects, or that YAML reads as another
 * type (`version: 1.0` is the number 1), is a finding, never a crash. A
 * value still the template's (`Date of initial proposal`) is left as is, not
 * misformatted: no-template-text's or required-fields' finding.
 *
 * A date keeps what is around it in prose: parentheses (`(2016-06-17)`, as
 * in the template's own "(fill me in … YYYY-MM-DD)"), a final full stop,
 * "of" ("30th of May 2025"); and where the template asks for no ISO date,
 * day.month.year with dots (`19.07.2023`) is a date.
 */
import {findField} from '../src/analysis/fields.js'
import {defineRule} from '../src/rule/define.js'
import {dateProblem} from '../src/util/dates.js'
import {hasPlaceholder} from '../src/util/placeholders.js'
import {normalizeProse} from '../src/util/text.js'

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
      report('invalid-yaml', doc.frontmatterErrorSpan ?? doc.frontmatterSpan, {problem: doc.frontmatterError})
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
      if (spec.example.trim() && normalizeProse(field.value) === normalizeProse(spec.example)) continue
      if (spec.format === 'version') {
        if (!/^v?\d+(?:\.\d+){0,3}(?:[-+][0-9A-Za-z.-]+)?$/.test(field.value)) {
          report('not-a-version', field.valueSpan, {field: spec.name, value: field.value}, {actual: field.value})
        }
        continue
      }
      const problem = dateProblem(plainDate(field.value, spec.format === 'iso-date'), spec.format === 'iso-date')
      if (problem) report('not-a-date', field.valueSpan, {field: spec.name, value: field.value, problem}, {actual: field.value})
    }
  },
})

/** A date value without the prose around it, and a dotted day.month.year as ISO where any date will do. */
function plainDate(value: string, isoOnly: boolean): string {
  const bare = value
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .replace(/(?<=\d)\.$/, '')
    .replace(/(\d(?:st|nd|rd|th)?) of (?=[A-Za-z])/, '$1 ')
    .trim()
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(bare)
  if (dotted && !isoOnly) return `${dotted[3]}-${dotted[2].padStart(2, '0')}-${dotted[1].padStart(2, '0')}`
  return bare
}
