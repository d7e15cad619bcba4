/**
 * required-sections: every section of the template is in the document (a
 * repeatable slot at least once), and the title has the template's fixed words.
 *
 * A missing section is reported where it belongs (before the next template
 * sibling the document has, or at the end of its parent) with the heading to
 * insert as `expected`; a near miss ("Rollback Stratgy") is reported at its
 * title with the template's title as `expected`.
 */
import {isTitle} from '../src/align/align.js'
import {defineRule} from '../src/rule/define.js'
import {quoteSection, underParent, whereItBelongs} from '../src/rule/wording.js'
import {headingLine} from '../src/template/headings.js'

export default defineRule({
  id: 'required-sections',
  description: 'Every section of the template is in the document; the title keeps its fixed words.',
  strictness: 'always',
  messages: {
    'missing-title': 'Missing title {section}: expected a level-1 heading at the start of the document',
    'missing-section': 'Missing section {section}{under}: expected {slot}{where}',
    'title-mismatch':
      'Title "{title}" does not match the template\'s title {section}: expected its fixed words, with your own text in place of the placeholder',
    'near-miss': 'Section "{heading}" does not match the template\'s {section}{under}: did you mean "{expected}"?',
  },
  check({analysis, report}) {
    for (const match of analysis.alignment.matches) {
      const {section, heading} = match
      if (section.optional) continue
      if (match.status === 'missing') {
        const fix = {expected: [headingLine(section) + '\n\n']}
        if (isTitle(match)) {
          report('missing-title', match.insertAt, {section: quoteSection(match)}, fix)
          continue
        }
        const slot = section.repeatable ? 'at least one such section, with any title, ' : ''
        report(
          'missing-section',
          match.insertAt,
          {section: quoteSection(match), under: underParent(match), slot, where: whereItBelongs(match)},
          fix,
        )
      } else if (match.status === 'renamed' && heading) {
        const actual = heading.text.slice(heading.text.length - titleLength(heading))
        if (isTitle(match)) {
          report('title-mismatch', heading.titleSpan, {title: heading.text, section: quoteSection(match)}, {actual})
          continue
        }
        const placeholder = section.match.type === 'pattern'
        report(
          'near-miss',
          heading.titleSpan,
          {
            heading: '#'.repeat(heading.depth) + ' ' + heading.text,
            section: quoteSection(match),
            under: underParent(match),
            expected: section.title,
          },
          placeholder ? {actual} : {expected: [section.title], actual},
        )
      }
    }
  },
})

/** The length of the title part of a heading's text (after its number). */
function titleLength(heading: {text: string; number?: string}): number {
  if (heading.number === undefined) return heading.text.length
  return heading.text.replace(/^\s*\d+(?:\.\d+)*\.?\s*/, '').length
}
