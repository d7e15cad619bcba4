/**
 * heading-level: each template section's heading is at the template's depth.
 * Reported at the `#` markers, with the right markers as `expected`.
 */
import type {Root} from 'mdast'
import {lintRule} from 'unified-lint-rule'
import {getAnalysis} from '../src/analysis/analysis.js'
import {docHeadingLine, quoteSection, report, underParent} from '../src/rule/wording.js'
import {ruleUrl} from '../src/rule/meta.js'

const headingLevel = lintRule<Root, undefined>(
  {origin: 'designlint:heading-level', url: ruleUrl('heading-level')},
  function (_, file) {
    const analysis = getAnalysis(file)
    if (!analysis) return
    for (const match of analysis.alignment.matches) {
      const depth = match.section.depth
      for (const heading of match.instances) {
        if (heading.depth === depth) continue
        const reason =
          `Heading "${docHeadingLine(heading)}" is at level ${heading.depth}: ` +
          `expected level ${depth} (${quoteSection(match)}${underParent(match)})`
        if (heading.markerSpan) {
          report(file, reason, heading.markerSpan, {expected: ['#'.repeat(depth)], actual: '#'.repeat(heading.depth)})
        } else {
          report(file, reason, heading.span)
        }
      }
    }
  },
)

export default headingLevel
