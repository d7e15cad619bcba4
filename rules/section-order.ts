/**
 * section-order: the template's sections keep their relative order and their
 * parent. A section found among its siblings out of order, or under another
 * parent, is reported at its heading with where it belongs, by the
 * document's own headings.
 */
import {defineRule} from '../src/rule/define.js'
import {matchesHeading} from '../src/template/headings.js'
import {docHeadingLine, quoteSection, siblingsOf, whereItBelongs} from '../src/rule/wording.js'

export default defineRule({
  id: 'section-order',
  description: "Sections keep the template's order and parent.",
  strictness: 'always',
  messages: {
    'out-of-order': 'Section {section} is out of order: expected {where}',
    'wrong-parent': 'Section {section} is {foundUnder}: expected {expectedParent}, {where}',
  },
  check({analysis, report}) {
    const title = analysis.titleHeading
    for (const match of analysis.alignment.matches) {
      const heading = match.heading
      if (!heading) continue
      const where = () => whereItBelongs(match, siblingsOf(match, analysis.preset))
      if (match.status === 'moved') {
        // Found by a close wording ("…for the above SLIs?"): quote the document's heading too.
        const section = matchesHeading(match.section.match, heading.normalized)
          ? quoteSection(match)
          : `"${docHeadingLine(heading)}" (the template's ${quoteSection(match)})`
        report('out-of-order', heading.span, {section, where: where()})
      } else if (match.status === 'misplaced') {
        const parent = match.parent
        const under = match.foundUnder
        report('wrong-parent', heading.span, {
          section: quoteSection(match),
          foundUnder: under && under !== title ? `under "${docHeadingLine(under)}"` : 'at the top level',
          expectedParent: parent?.heading && !parent.title ? `under "${docHeadingLine(parent.heading)}"` : 'at the top level',
          where: where(),
        })
      }
    }
  },
})
