/**
 * no-empty-sections: every template section the document has holds content of
 * its own or subsections. A lone thematic break or an HTML comment is not
 * content; "N/A" with a reason is.
 */
import type {Root} from 'mdast'
import {lintRule} from 'unified-lint-rule'
import {getAnalysis} from '../src/analysis/analysis.js'
import {docHeadingLine, report} from '../src/rule/wording.js'
import {ruleUrl} from '../src/rule/meta.js'

const noEmptySections = lintRule<Root, undefined>(
  {origin: 'designlint:no-empty-sections', url: ruleUrl('no-empty-sections')},
  function (_, file) {
    const analysis = getAnalysis(file)
    if (!analysis) return
    const headings = analysis.doc.headings
    for (const match of analysis.alignment.matches) {
      if (match.status === 'missing' || match.status === 'skipped') continue
      if (!match.parent && match.section === analysis.preset.title) continue
      for (const heading of match.instances) {
        if (heading.hasContent) continue
        const next = headings[heading.index + 1]
        if (next && next.depth > heading.depth) continue
        report(
          file,
          `Section "${docHeadingLine(heading)}" is empty: expected content or subsections (write "N/A" and why, if it does not apply)`,
          heading.span,
        )
      }
    }
  },
)

export default noEmptySections
