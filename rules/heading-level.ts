/**
 * heading-level: each template section's heading is at the template's depth.
 * Reported at the `#` markers, with the right markers as `expected`.
 */
import {defineRule} from '../src/rule/define.js'
import {docHeadingLine, quoteSection, underParent} from '../src/rule/wording.js'

export default defineRule({
  id: 'heading-level',
  description: "Each section's heading is at the template's depth.",
  strictness: 'always',
  messages: {
    'wrong-level': 'Heading "{heading}" is at level {actual}: expected level {expected} ({section}{under})',
  },
  check({analysis, report}) {
    for (const match of analysis.alignment.matches) {
      const depth = match.section.depth
      for (const heading of match.instances) {
        if (heading.depth === depth) continue
        const data = {
          heading: docHeadingLine(heading),
          actual: heading.depth,
          expected: depth,
          section: quoteSection(match),
          under: underParent(match),
        }
        if (heading.markerSpan) {
          report('wrong-level', heading.markerSpan, data, {expected: ['#'.repeat(depth)], actual: '#'.repeat(heading.depth)})
        } else {
          report('wrong-level', heading.span, data)
        }
      }
    }
  },
})
