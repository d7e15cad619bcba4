/**
 * field-format: dates are real calendar dates (ISO `2026-03-14` where the
 * template writes `YYYY-MM-DD`), versions look like versions (`1.0`,
 * `2.1.3`). Front matter that YAML rejects, or that YAML reads as another
 * type (`version: 1.0` is the number 1), is a finding, never a crash.
 */
import type {Root} from 'mdast'
import {lintRule} from 'unified-lint-rule'
import {getAnalysis} from '../src/analysis/analysis.js'
import {findField, hasPlaceholder} from '../src/analysis/fields.js'
import {report} from '../src/rule/wording.js'
import {ruleUrl} from '../src/rule/meta.js'

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

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

/** Why a value is not a date, or undefined when it is one. */
export function dateProblem(value: string, isoOnly: boolean): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (iso) return realDate(+iso[1], +iso[2], +iso[3]) ? undefined : 'expected a real calendar date (no such day)'
  if (isoOnly) return 'expected an ISO date YYYY-MM-DD, such as 2026-03-14'
  const text = value.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim()
  const monthIndex = (word: string) => months.findIndex((month) => word.length >= 3 && month.startsWith(word.replace(/\.$/, '')))
  let match = /^([a-z.]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(text)
  if (match && monthIndex(match[1]) !== -1) return check(+match[3], monthIndex(match[1]) + 1, +match[2])
  match = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z.]+) (\d{4})$/.exec(text)
  if (match && monthIndex(match[2]) !== -1) return check(+match[3], monthIndex(match[2]) + 1, +match[1])
  match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text)
  if (match) return check(+match[1], +match[2], +match[3])
  return 'expected a date such as 2026-03-14 or "March 14, 2026"'
}

function check(year: number, month: number, day: number): string | undefined {
  return realDate(year, month, day) ? undefined : 'expected a real calendar date (no such day)'
}

function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export default fieldFormat
