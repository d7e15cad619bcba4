/**
 * required-sections: every section of the template is in the document (a
 * repeatable slot at least once), and the title has the template's fixed words.
 *
 * A missing section is reported where it belongs (after the previous template
 * sibling the document has, past its subsections; else at the start of its
 * parent for the first subsection; else before the next sibling; else at the
 * end of its parent), never after the footer, with the heading to insert as
 * `expected`; a near miss ("Rollback Stratgy") is reported at its title with
 * the template's title as `expected`.
 */
import {isTitle} from '../src/align/align.js'
import {defineRule} from '../src/rule/define.js'
import {quoteSection, siblingsOf, underParent, whereItBelongs} from '../src/rule/wording.js'
import {headingLine} from '../src/template/headings.js'

export default defineRule({
  id: 'required-sections',
  description: 'Every section of the template is in the document; the title keeps its fixed words.',
  // A title still holding the template's placeholder is a placeholder left: a warning in a draft.
  strictness: ['title-placeholder'],
  messages: {
    'missing-title': 'Missing title {section}: expected a level-{level} heading at the start of the document',
    'missing-section': 'Missing section {section}{under}: expected {slot}{where}',
    'title-mismatch':
      'Title "{title}" does not match the template\'s title {section}: expected its fixed words, with your own text in place of the placeholder',
    'near-miss': 'Section "{heading}" does not match the template\'s {section}{under}: did you mean "{expected}"?',
    'title-placeholder': 'Title "{title}" keeps the template\'s placeholder {placeholder}: expected {expected}',
  },
  check({analysis, report}) {
    for (const match of analysis.alignment.matches) {
      const {section, heading} = match
      // An optional section may be left out; written under a near name, it is still a near miss.
      if (section.optional && match.status !== 'renamed') continue
      if (match.status === 'missing') {
        const fix = {expected: [headingLine(section) + '\n\n']}
        if (isTitle(match)) {
          report('missing-title', match.insertAt, {section: quoteSection(match), level: section.depth}, fix)
          continue
        }
        const slot = section.repeatable ? 'at least one such section, with any title, ' : ''
        report(
          'missing-section',
          match.insertAt,
          {
            section: quoteSection(match),
            under: underParent(match),
            slot,
            where: whereItBelongs(match, siblingsOf(match, analysis.preset)),
          },
          fix,
        )
      } else if (match.status === 'matched' && heading && isTitle(match)) {
        // "KEP-NNNN: Pod overhead", "RFC-0001: Feature Name Here": the template's placeholder left in the title.
        const left = (analysis.preset.titlePlaceholders ?? []).filter((part) => new RegExp(part.unfilled).test(heading.normalized))
        if (left.length === 0) continue
        const masks = left.every((part) => part.kind === 'mask')
        const words = left.every((part) => part.kind === 'words')
        report('title-placeholder', heading.titleSpan, {
          title: heading.text,
          placeholder: left.map((part) => `"${part.text}"`).join(' and '),
          expected: masks ? 'its number' : words ? 'your own title' : 'its number and your own title',
        })
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
