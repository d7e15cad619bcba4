/**
 * table-columns: a template table in the document has every column of the
 * template (case-insensitive, any order; extra columns are fine). A header
 * cell that is a near miss of a missing column gets "did you mean", with the
 * column's name as `expected`.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {lintRule} from 'unified-lint-rule'
import {getAnalysis} from '../src/analysis/analysis.js'
import {docHeadingLine, report} from '../src/rule/wording.js'
import {ruleUrl} from '../src/rule/meta.js'
import {cellContentSpan, columnList, pairTables} from '../src/analysis/tables.js'
import {normalizeWords} from '../src/util/text.js'
import {nearest, nearMissThreshold, similarity} from '../src/util/similarity.js'

const tableColumns = lintRule<Root, undefined>(
  {origin: 'designlint:table-columns', url: ruleUrl('table-columns')},
  function (_, file) {
    const analysis = getAnalysis(file)
    if (!analysis) return
    for (const pair of pairTables(analysis)) {
      const table = pair.table
      if (!table) continue
      const header = table.children[0]
      const taken = new Set(pair.columns.filter((index) => index !== -1))
      pair.template.columns.forEach((column, index) => {
        if (pair.columns[index] !== -1) return
        // A header cell the template lacks that is close to this column.
        const free = header.children.map((_, cellIndex) => cellIndex).filter((cellIndex) => !taken.has(cellIndex))
        const wanted = normalizeWords(column)
        const near = nearest(free, (cellIndex) => similarity(wanted, normalizeWords(toString(header.children[cellIndex]))), nearMissThreshold)
        const where = `in "${docHeadingLine(pair.heading)}"`
        if (near !== undefined) {
          const cell = header.children[near]
          taken.add(near)
          const place = cellContentSpan(cell) ?? cell.position!
          report(file, `Table ${where} has column "${toString(cell).trim()}": did you mean "${column}"? (expected columns ${columnList(pair.template.columns)})`, place, {
            expected: [column],
            actual: toString(cell),
          })
        } else {
          report(file, `Table ${where} lacks column "${column}": expected columns ${columnList(pair.template.columns)}`, header.position!)
        }
      })
    }
  },
)

export default tableColumns
