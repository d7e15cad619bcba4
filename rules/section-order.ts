/**
 * section-order: the template's sections keep their relative order and their
 * parent. A section found among its siblings out of order, or under another
 * parent, is reported at its heading with where it belongs.
 */
import type {Root} from 'mdast'
import {lintRule} from 'unified-lint-rule'
import {getAnalysis} from '../src/analysis/analysis.js'
import {docHeadingLine, quoteSection, report, whereItBelongs} from '../src/rule/wording.js'
import {ruleUrl} from '../src/rule/meta.js'
import {headingLine} from '../src/template/compile.js'

const sectionOrder = lintRule<Root, undefined>(
  {origin: 'designlint:section-order', url: ruleUrl('section-order')},
  function (_, file) {
    const analysis = getAnalysis(file)
    if (!analysis) return
    for (const match of analysis.alignment.matches) {
      const heading = match.heading
      if (!heading) continue
      if (match.status === 'moved') {
        const where = match.previous?.heading
          ? whereItBelongs(match)
          : match.before
            ? `before "${docHeadingLine(match.before)}"`
            : whereItBelongs(match)
        report(file, `Section ${quoteSection(match)} is out of order: expected ${where}`, heading.span)
      } else if (match.status === 'misplaced') {
        const parent = match.parent?.section
        const expectedParent = parent ? `under "${headingLine(parent)}"` : 'at the top level'
        const foundUnder = match.foundUnder ? `under "${docHeadingLine(match.foundUnder)}"` : 'at the top level'
        report(
          file,
          `Section ${quoteSection(match)} is ${foundUnder}: expected ${expectedParent}, ${whereItBelongs(match)}`,
          heading.span,
        )
      }
    }
  },
)

export default sectionOrder
