/**
 * table-values: in a template table, no cell of a template column is empty,
 * and where the template's cell lists choices ("High/Med/Low", "{S / M / L}")
 * each cell holds one of them, case-insensitive ("Medium" for "Med", "Yes —
 * with a migration plan" for "Yes / No"). A list ending in "etc" is open.
 * A choice cell left as the template wrote it is a warning while the document
 * is a draft.
 */
import {toString} from 'mdast-util-to-string'
import {cellContentSpan} from '../src/analysis/tables.js'
import {defineRule} from '../src/rule/define.js'
import {docHeadingLine} from '../src/rule/wording.js'
import {judgeChoice, listChoices} from '../src/util/choices.js'
import {hasPlaceholder} from '../src/util/placeholders.js'
import {normalizeProse} from '../src/util/text.js'

export default defineRule({
  id: 'table-values',
  description: "Template table cells are filled and within the template's choices.",
  strictness: ['left-as-is'],
  messages: {
    'empty-cell': 'Empty cell in column "{column}" of the table in "{heading}": expected a value',
    'left-as-is': 'Cell "{value}" in column "{column}" in "{heading}" is the template\'s, left as is: expected one of {allowed}',
    several: 'Cell "{value}" in column "{column}" in "{heading}" holds several values: expected one of {allowed}',
    'not-allowed': 'Cell "{value}" in column "{column}" in "{heading}" is not one of {allowed}{suggestion}',
  },
  check({analysis, report}) {
    for (const pair of analysis.tables()) {
      const table = pair.table
      if (!table) continue
      const heading = docHeadingLine(pair.heading)
      for (const row of table.children.slice(1)) {
        pair.template.columns.forEach((column, index) => {
          const at = pair.columns[index]
          if (at === -1) return
          const cell = row.children[at]
          const value = cell ? toString(cell).trim() : ''
          const place = (cell && (cellContentSpan(cell) ?? cell.position)) ?? row.position!
          if (!value) {
            report('empty-cell', place, {column, heading})
            return
          }
          const choices = pair.template.choices[index]
          if (!choices || hasPlaceholder(value)) return
          const allowed = listChoices(choices.values)
          if (normalizeProse(value) === normalizeProse(pair.template.examples[index] ?? '')) {
            report('left-as-is', place, {value, column, heading, allowed}, {expected: choices.values, actual: value})
            return
          }
          const judgement = judgeChoice(value, choices)
          if (judgement.kind === 'ok') return
          const fix = {expected: judgement.expected, actual: value}
          if (judgement.kind === 'several') report('several', place, {value, column, heading, allowed}, fix)
          else
            report(
              'not-allowed',
              place,
              {value, column, heading, allowed, suggestion: judgement.suggestion ? `: did you mean "${judgement.suggestion}"?` : ''},
              fix,
            )
        })
      }
    }
  },
})
