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
import type {Point} from 'unist'

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
  check({analysis, file, report}) {
    const value = String(file.value)
    for (const match of analysis.alignment.matches) {
      const {section, heading} = match
      // An optional section may be left out; written under a near name, it is still a near miss.
      if (section.optional && match.status !== 'renamed') continue
      if (match.status === 'missing') {
        const block = headingLine(section) + (section.content.instructions ? '\n\n' + section.content.instructions : '')
        const insertion = blockInsertion(value, match.insertAt, block)
        const fix = insertion === undefined ? {} : {expected: [insertion]}
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

/**
 * The text that inserts `block` (a heading and its text) at `point` as a
 * block of its own: blank lines around it, the document's line ending, one
 * final newline at the end of the document. None where it could not stand
 * alone (the middle of a line, or between two lines of one paragraph): an
 * uncertain insertion is never offered.
 */
export function blockInsertion(value: string, point: Point, block: string): string | undefined {
  const offset = offsetOf(value, point)
  if (offset === undefined) return undefined
  const newline = value.includes('\r\n') ? '\r\n' : '\n'
  const text = block.replace(/\r?\n/g, newline)
  const before = value.slice(0, offset)
  const after = value.slice(offset)
  const isHeading = (line: string) => /^ {0,3}#{1,6}(?:\s|$)/.test(line)
  if (before === '' || before.endsWith('\n')) {
    // At the start of a line.
    // The line before (not a regular expression anchored at the end: that would retry from every offset).
    const above = before.endsWith('\r\n') ? before.slice(0, -2) : before.endsWith('\n') ? before.slice(0, -1) : before
    const previousLine = above.slice(above.lastIndexOf('\n') + 1)
    const nextLine = /^[^\r\n]*/.exec(after)?.[0] ?? ''
    const previousBlank = before === '' || previousLine.trim() === ''
    // A heading interrupts a paragraph; a block put before a line of text would cut it.
    if (!previousBlank && nextLine.trim() !== '' && !isHeading(nextLine)) return undefined
    const lead = previousBlank ? '' : newline
    return lead + text + newline + (after.trim() === '' ? '' : newline)
  }
  // At the end of a line: the block follows it, unless the next line goes on with its paragraph.
  const rest = /^\r?\n([^\r\n]*)/.exec(after)
  if (after !== '' && !rest) return undefined
  if (rest && rest[1].trim() !== '' && !isHeading(rest[1])) return undefined
  return newline + newline + text
}

/** The offset of a point in `value` (its own offset, else its line and column), if it is inside it. */
function offsetOf(value: string, point: Point): number | undefined {
  if (point.offset !== undefined) return point.offset <= value.length ? point.offset : undefined
  let offset = 0
  for (let line = 1; line < point.line; line++) {
    const end = value.indexOf('\n', offset)
    if (end === -1) return undefined
    offset = end + 1
  }
  const at = offset + point.column - 1
  return at <= value.length ? at : undefined
}

/** The length of the title part of a heading's text (after its number). */
function titleLength(heading: {text: string; number?: string}): number {
  if (heading.number === undefined) return heading.text.length
  return heading.text.replace(/^\s*\d+(?:\.\d+)*\.?\s*/, '').length
}
