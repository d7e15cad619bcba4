/**
 * field-values: a choice field holds exactly one allowed value of the
 * template, case-insensitive: "Draft | Review" (several) and "Aproved" (did
 * you mean "Approved") are findings, with the fix in `expected`. The same
 * for choice fields inside list items (`Status: Open`).
 */
import type {Point, Position} from 'unist'
import {findField} from '../src/analysis/fields.js'
import {defineRule, type RuleContext} from '../src/rule/define.js'
import type {ChoiceList} from '../src/template/types.js'
import {judgeChoice, listChoices} from '../src/util/choices.js'
import {hasPlaceholder} from '../src/util/placeholders.js'

const messages = {
  several: '{what} holds several values "{value}": expected exactly one of {allowed}',
  'not-allowed': '{what} has "{value}": expected one of {allowed}{suggestion}',
}

export default defineRule({
  id: 'field-values',
  description: 'A choice field holds exactly one allowed value.',
  strictness: 'always',
  messages,
  check(context) {
    const {analysis} = context
    for (const spec of analysis.preset.fields) {
      if (!spec.choices) continue
      const field = findField(analysis.fields, spec)
      if (!field?.value || hasPlaceholder(field.value)) continue
      checkChoice(context, `Field "${spec.name}"`, field.value, spec.choices, field.valueSpan)
    }
    for (const entry of analysis.itemValues()) {
      if (!entry.value?.text || hasPlaceholder(entry.text)) continue
      checkChoice(context, `"${entry.field.name}" of the list item`, entry.value.text, entry.field.choices, entry.value)
    }
  },
})

function checkChoice(
  {report}: RuleContext<keyof typeof messages, unknown>,
  what: string,
  value: string,
  choices: ChoiceList,
  place: Point | Position,
): void {
  const judgement = judgeChoice(value, choices)
  if (judgement.kind === 'ok') return
  const allowed = listChoices(choices.values)
  const fix = {expected: judgement.expected, actual: value}
  if (judgement.kind === 'several') report('several', place, {what, value, allowed}, fix)
  else
    report(
      'not-allowed',
      place,
      {what, value, allowed, suggestion: judgement.suggestion ? ` (did you mean "${judgement.suggestion}"?)` : ''},
      fix,
    )
}
