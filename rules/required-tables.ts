/**
 * required-tables: each table of the template is in its section (a table
 * with any of its columns counts as it) with at least one data row.
 */
import {defineRule} from '../src/rule/define.js'
import {columnList, docHeadingLine} from '../src/rule/wording.js'

export default defineRule({
  id: 'required-tables',
  description: "The template's tables are in their sections, with rows.",
  strictness: 'always',
  messages: {
    'missing-table': 'Missing table in "{heading}": expected the template\'s table with columns {columns}',
    'no-rows': 'Table in "{heading}" has no rows: expected at least one row under its header',
  },
  check({analysis, report}) {
    for (const pair of analysis.tables()) {
      const heading = docHeadingLine(pair.heading)
      if (!pair.table) {
        report('missing-table', pair.heading.span, {heading, columns: columnList(pair.template.columns)})
      } else if (pair.table.children.length < 2) {
        report('no-rows', pair.table.position!, {heading})
      }
    }
  },
})
