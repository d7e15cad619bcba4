/**
 * table-columns: a template table in the document has every column of the
 * template (case-insensitive, any order; extra columns are fine). A header
 * cell that is a near miss of a missing column gets "did you mean", with the
 * column's name as `expected`.
 */
import {toString} from 'mdast-util-to-string'
import {cellContentSpan} from '../src/analysis/tables.js'
import {defineRule} from '../src/rule/define.js'
import {columnList, docHeadingLine} from '../src/rule/wording.js'
import {nearest, nearMissThreshold, similarity} from '../src/util/similarity.js'
import {normalizeWords} from '../src/util/text.js'

export default defineRule({
  id: 'table-columns',
  description: 'Template tables have every template column.',
  strictness: 'always',
  messages: {
    'near-miss': 'Table in "{heading}" has column "{actual}": did you mean "{column}"? (expected columns {columns})',
    'missing-column': 'Table in "{heading}" lacks column "{column}": expected columns {columns}',
  },
  check({analysis, report}) {
    for (const pair of analysis.tables()) {
      const table = pair.table
      if (!table) continue
      const header = table.children[0]
      const taken = new Set(pair.columns.filter((index) => index !== -1))
      const heading = docHeadingLine(pair.heading)
      const columns = columnList(pair.template.columns)
      pair.template.columns.forEach((column, index) => {
        if (pair.columns[index] !== -1) return
        // A header cell the template lacks that is close to this column.
        const free = header.children.map((_, cellIndex) => cellIndex).filter((cellIndex) => !taken.has(cellIndex))
        const wanted = normalizeWords(column)
        const near = nearest(
          free,
          (cellIndex) => similarity(wanted, normalizeWords(toString(header.children[cellIndex]))),
          nearMissThreshold,
        )
        if (near !== undefined) {
          const cell = header.children[near]
          taken.add(near)
          const place = cellContentSpan(cell) ?? cell.position!
          report(
            'near-miss',
            place,
            {heading, actual: toString(cell).trim(), column, columns},
            {expected: [column], actual: toString(cell)},
          )
        } else {
          report('missing-column', header.position!, {heading, column, columns})
        }
      })
    }
  },
})
