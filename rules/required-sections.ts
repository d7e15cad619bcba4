/**
 * required-sections: every section of the template is in the document (a
 * repeatable slot at least once), and the title has the template's fixed words.
 *
 * A missing section is reported where it belongs (before the next template
 * sibling the document has, or at the end of its parent) with the heading to
 * insert as `expected`; a near miss ("Rollback Stratgy") is reported at its
 * title with the template's title as `expected`.
 */
import type {Root} from 'mdast'
import {lintRule} from 'unified-lint-rule'
import {getAnalysis} from '../src/analysis/analysis.js'
import {quoteSection, report, underParent, whereItBelongs} from '../src/rule/wording.js'
import {ruleUrl} from '../src/rule/meta.js'
import {headingLine} from '../src/template/compile.js'

const requiredSections = lintRule<Root, undefined>(
  {origin: 'designlint:required-sections', url: ruleUrl('required-sections')},
  function (_, file) {
    const analysis = getAnalysis(file)
    if (!analysis) return
    for (const match of analysis.alignment.matches) {
      const {section, heading} = match
      if (section.optional) continue
      const isTitle = !match.parent && section === analysis.preset.title

      if (match.status === 'missing') {
        if (isTitle) {
          report(file, `Missing title ${quoteSection(match)}: expected a level-1 heading at the start of the document`, match.insertAt, {
            expected: [headingLine(section) + '\n\n'],
          })
          continue
        }
        const slot = section.repeatable ? 'at least one such section, with any title, ' : ''
        report(file, `Missing section ${quoteSection(match)}${underParent(match)}: expected ${slot}${whereItBelongs(match)}`, match.insertAt, {
          expected: [headingLine(section) + '\n\n'],
        })
      } else if (match.status === 'renamed' && heading) {
        const actual = heading.text.slice(heading.text.length - titleLength(heading))
        if (isTitle) {
          report(
            file,
            `Title "${heading.text}" does not match the template's title ${quoteSection(match)}: expected its fixed words, with your own text in place of the placeholder`,
            heading.titleSpan,
            {actual},
          )
          continue
        }
        const placeholder = section.match.type === 'pattern'
        report(
          file,
          `Section "${'#'.repeat(heading.depth)} ${heading.text}" does not match the template's ${quoteSection(match)}${underParent(match)}: did you mean "${section.title}"?`,
          heading.titleSpan,
          placeholder ? {actual} : {expected: [section.title], actual},
        )
      }
    }
  },
)

/** The length of the title part of a heading's text (after its number). */
function titleLength(heading: {text: string; number?: string}): number {
  if (heading.number === undefined) return heading.text.length
  return heading.text.replace(/^\s*\d+(?:\.\d+)*\.?\s*/, '').length
}

export default requiredSections
