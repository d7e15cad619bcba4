/**
 * table-values: in a template table, no cell of a template column is empty,
 * and where the template's cell lists choices ("High/Med/Low", "{S / M / L}")
 * each cell holds one of them, case-insensitive ("Medium" for "Med", "Yes —
 * with a migration plan" for "Yes / No"). A list ending in "etc" is open.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {lintRule} from 'unified-lint-rule'
import {getAnalysis} from '../src/analysis/analysis.js'
import {markContent} from '../src/analysis/status.js'
import {docHeadingLine, report} from '../src/rule/wording.js'
import {ruleUrl} from '../src/rule/meta.js'
import {cellContentSpan, pairTables} from '../src/analysis/tables.js'
import {judgeChoice, listChoices} from '../src/util/choices.js'
import {normalizeProse} from '../src/util/text.js'
import {hasPlaceholder} from '../src/util/placeholders.js'

const tableValues = lintRule<Root, undefined>(
  {origin: 'designlint:table-values', url: ruleUrl('table-values')},
  function (_, file) {
    const analysis = getAnalysis(file)
    if (!analysis) return
    for (const pair of pairTables(analysis)) {
      const table = pair.table
      if (!table) continue
      const where = `in "${docHeadingLine(pair.heading)}"`
      for (const row of table.children.slice(1)) {
        pair.template.columns.forEach((column, index) => {
          const at = pair.columns[index]
          if (at === -1) return
          const cell = row.children[at]
          const value = cell ? toString(cell).trim() : ''
          const place = (cell && (cellContentSpan(cell) ?? cell.position)) ?? row.position!
          if (!value) {
            report(file, `Empty cell in column "${column}" of the table ${where}: expected a value`, place)
            return
          }
          const choices = pair.template.choices[index]
          if (!choices || hasPlaceholder(value)) return
          if (normalizeProse(value) === normalizeProse(pair.template.examples[index] ?? '')) {
            markContent(
              report(file, `Cell "${value}" in column "${column}" ${where} is the template's, left as is: expected one of ${listChoices(choices.values)}`, place, {
                expected: choices.values,
                actual: value,
              }),
            )
            return
          }
          const judgement = judgeChoice(value, choices)
          if (judgement.kind === 'ok') return
          const allowed = listChoices(choices.values)
          const reason =
            judgement.kind === 'several'
              ? `Cell "${value}" in column "${column}" ${where} holds several values: expected one of ${allowed}`
              : `Cell "${value}" in column "${column}" ${where} is not one of ${allowed}` + (judgement.suggestion ? `: did you mean "${judgement.suggestion}"?` : '')
          report(file, reason, place, {expected: judgement.expected, actual: value})
        })
      }
    }
  },
)

export default tableValues
