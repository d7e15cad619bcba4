/**
 * field-values: a choice field holds exactly one allowed value of the
 * template, case-insensitive: "Draft | Review" (several) and "Aproved" (did
 * you mean "Approved") are findings, with the fix in `expected`. The same
 * for choice fields inside list items (`Status: Open`).
 */
import type {Root} from 'mdast'
import {lintRule} from 'unified-lint-rule'
import {getAnalysis} from '../src/analysis/analysis.js'
import {findField, itemValues} from '../src/analysis/fields.js'
import {report} from '../src/rule/wording.js'
import {ruleUrl} from '../src/rule/meta.js'
import type {ChoiceList, Span} from '../src/template/types.js'
import type {VFile} from 'vfile'
import {judgeChoice, listChoices} from '../src/util/choices.js'
import {hasPlaceholder} from '../src/util/placeholders.js'

const fieldValues = lintRule<Root, undefined>(
  {origin: 'designlint:field-values', url: ruleUrl('field-values')},
  function (_, file) {
    const analysis = getAnalysis(file)
    if (!analysis) return
    for (const spec of analysis.preset.fields) {
      if (!spec.choices) continue
      const field = findField(analysis.doc, spec)
      if (!field || !field.value || hasPlaceholder(field.value)) continue
      checkChoice(file, `Field "${spec.name}"`, field.value, spec.choices, field.valueSpan)
    }
    for (const entry of itemValues(analysis, String(file.value))) {
      if (!entry.value || !entry.value.text || hasPlaceholder(entry.text)) continue
      checkChoice(file, `"${entry.field.name}" of the list item`, entry.value.text, entry.field.choices, entry.value)
    }
  },
)

function checkChoice(file: VFile, what: string, value: string, choices: ChoiceList, place: Span): void {
  const judgement = judgeChoice(value, choices)
  if (judgement.kind === 'ok') return
  const allowed = listChoices(choices.values)
  const reason =
    judgement.kind === 'several'
      ? `${what} holds several values "${value}": expected exactly one of ${allowed}`
      : `${what} has "${value}": expected one of ${allowed}` + (judgement.suggestion ? ` (did you mean "${judgement.suggestion}"?)` : '')
  report(file, reason, place, {expected: judgement.expected, actual: value})
}

export default fieldValues
