/**
 * required-tables: each table of the template is in its section (a table
 * with any of its columns counts as it) with at least one data row.
 */
import type {Root} from 'mdast'
import {lintRule} from 'unified-lint-rule'
import {getAnalysis} from '../src/analysis/analysis.js'
import {docHeadingLine, report} from '../src/rule/wording.js'
import {ruleUrl} from '../src/rule/meta.js'
import {columnList, pairTables} from '../src/analysis/tables.js'

const requiredTables = lintRule<Root, undefined>(
  {origin: 'designlint:required-tables', url: ruleUrl('required-tables')},
  function (_, file) {
    const analysis = getAnalysis(file)
    if (!analysis) return
    for (const pair of pairTables(analysis)) {
      const where = `in "${docHeadingLine(pair.heading)}"`
      if (!pair.table) {
        report(file, `Missing table ${where}: expected the template's table with columns ${columnList(pair.template.columns)}`, pair.heading.span)
      } else if (pair.table.children.length < 2) {
        report(file, `Table ${where} has no rows: expected at least one row under its header`, pair.table.position!)
      }
    }
  },
)

export default requiredTables
