/**
 * no-empty-sections: every template section the document has holds content of
 * its own or subsections. A lone thematic break or an HTML comment is not
 * content; "N/A" with a reason is.
 */
import {defineRule} from '../src/rule/define.js'
import {docHeadingLine} from '../src/rule/wording.js'
import {isTitle} from '../src/align/align.js'

export default defineRule({
  id: 'no-empty-sections',
  description: 'Each section has content of its own or subsections.',
  strictness: 'draft',
  messages: {
    empty: 'Section "{heading}" is empty: expected content or subsections (write "N/A" and why, if it does not apply)',
  },
  check({analysis, report}) {
    const headings = analysis.doc.headings
    for (const {match, heading} of analysis.presentSections()) {
      if (isTitle(match)) continue
      if (heading.hasContent) continue
      const next = headings[heading.index + 1]
      if (next && next.depth > heading.depth) continue
      report('empty', heading.span, {heading: docHeadingLine(heading)})
    }
  },
})
