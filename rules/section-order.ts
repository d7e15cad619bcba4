/**
 * section-order: the template's sections keep their relative order and their
 * parent. A section found among its siblings out of order, or under another
 * parent, is reported at its heading with where it belongs.
 */
import {defineRule} from '../src/rule/define.js'
import {docHeadingLine, quoteSection, whereItBelongs} from '../src/rule/wording.js'
import {headingLine} from '../src/template/headings.js'

export default defineRule({
  id: 'section-order',
  description: "Sections keep the template's order and parent.",
  strictness: 'always',
  messages: {
    'out-of-order': 'Section {section} is out of order: expected {where}',
    'wrong-parent': 'Section {section} is {foundUnder}: expected {expectedParent}, {where}',
  },
  check({analysis, report}) {
    for (const match of analysis.alignment.matches) {
      const heading = match.heading
      if (!heading) continue
      if (match.status === 'moved') {
        const where = match.previous?.heading
          ? whereItBelongs(match)
          : match.before
            ? `before "${docHeadingLine(match.before)}"`
            : whereItBelongs(match)
        report('out-of-order', heading.span, {section: quoteSection(match), where})
      } else if (match.status === 'misplaced') {
        const parent = match.parent?.section
        report('wrong-parent', heading.span, {
          section: quoteSection(match),
          foundUnder: match.foundUnder ? `under "${docHeadingLine(match.foundUnder)}"` : 'at the top level',
          expectedParent: parent ? `under "${headingLine(parent)}"` : 'at the top level',
          where: whereItBelongs(match),
        })
      }
    }
  },
})
