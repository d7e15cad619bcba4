/**
 * no-empty-sections: every template section the document has holds content of
 * its own or subsections. A lone thematic break or an HTML comment is not
 * content; "N/A" with a reason is. Nor is the document's footer (what follows
 * the last `---` of the last section) the last section's content.
 */
import {defineRule} from '../src/rule/define.js'
import {docHeadingLine} from '../src/rule/wording.js'
import {isTitle} from '../src/align/align.js'
import {isContent} from '../src/markdown/blocks.js'
import {regions} from '../src/markdown/regions.js'

export default defineRule({
  id: 'no-empty-sections',
  description: 'Each section has content of its own or subsections.',
  strictness: 'draft',
  messages: {
    empty: 'Section "{heading}" is empty: expected content or subsections (write "N/A" and why, if it does not apply)',
  },
  check({analysis, report}) {
    const {headings, blocks} = analysis.doc
    const footer = new Set(regions(blocks, headings.length, analysis.titleHeading?.index ?? -1).footer)
    const hasContent = (index: number) =>
      footer.size === 0 || index !== headings.length - 1
        ? headings[index].hasContent
        : blocks.some((block, at) => block.owner === index && !footer.has(at) && isContent(block.node))
    for (const {match, heading} of analysis.presentSections()) {
      if (isTitle(match)) continue
      if (hasContent(heading.index)) continue
      const next = headings[heading.index + 1]
      if (next && next.depth > heading.depth) continue
      report('empty', heading.span, {heading: docHeadingLine(heading)})
    }
  },
})
