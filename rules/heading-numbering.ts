/**
 * heading-numbering: where the template numbers a level of headings
 * ("## 1. Executive Summary", "### 1.1 Summary"), the document numbers that
 * level too, consecutively from 1, with the parent's number as prefix.
 * Extra sections the document adds are counted when they carry a number.
 */
import {isPresent} from '../src/align/align.js'
import {defineRule} from '../src/rule/define.js'
import {docHeadingLine} from '../src/rule/wording.js'
import {sectionEnd} from '../src/markdown/regions.js'
import type {DocHeading} from '../src/document/types.js'
import type {SectionMatch} from '../src/align/types.js'

export default defineRule({
  id: 'heading-numbering',
  description: "Numbered levels are numbered consecutively, with the parent's number as prefix.",
  strictness: 'always',
  messages: {
    unnumbered: 'Heading "{heading}" is not numbered: expected "{expected}" before its title, as the template numbers this level{under}',
    misnumbered: 'Heading "{heading}" is numbered "{actual}": expected "{expected}" (numbers run from 1 without gaps{prefix}{under})',
  },
  check({analysis, file, report}) {
    const {alignment, doc} = analysis
    const headings = doc.headings
    /** Heading index → the number it should have. */
    const expectedNumbers = new Map<number, string>()

    const parents: Array<SectionMatch | undefined> = analysis.preset.title ? [] : [undefined]
    for (const match of alignment.matches) if (match.section.children.length > 0) parents.push(match)

    for (const parent of parents) {
      const children = alignment.matches.filter((match) => match.parent === parent)
      const numbered = children.find((match) => match.section.number !== undefined)
      if (!numbered) continue
      if (parent && !parent.heading) continue
      const depth = numbered.section.depth
      const dot = numbered.section.numberDot === true

      let low = 0
      let high = headings.length
      if (parent?.heading) {
        low = parent.heading.index + 1
        high = sectionEnd(headings, parent.heading)
      }

      const siblings: DocHeading[] = []
      const present = new Set<number>()
      for (const child of children) {
        if (!isPresent(child) || child.status === 'misplaced') continue
        if (child.section.number === undefined) continue
        for (const heading of child.instances) if (heading.depth === depth) present.add(heading.index)
      }
      for (let index = low; index < high; index++) {
        const heading = headings[index]
        if (heading.depth !== depth) continue
        const owner = alignment.byHeading.get(index)
        if (present.has(index) || (heading.number !== undefined && (!owner || owner.parent === parent))) {
          siblings.push(heading)
        }
      }

      // The parent's own number prefixes its children's ("2." → "2.1"): as the
      // document writes it, so one misnumbered parent is one finding.
      const prefix =
        parent?.heading && parent.section.number !== undefined
          ? (parent.heading.number ?? expectedNumbers.get(parent.heading.index) ?? parent.section.number)
          : undefined

      let last = 0
      for (const heading of siblings) {
        const written = heading.number
        const own = written === undefined ? undefined : lastPart(written)
        let next = last + 1
        // A gap is fine where the template's own number is kept and the
        // sections in between are missing (reported by required-sections).
        const template = alignment.byHeading.get(heading.index)?.section.number
        const keepsTemplateNumber = own !== undefined && template !== undefined && own > next && lastPart(template) === own
        if (keepsTemplateNumber) next = own
        const expected = (prefix ? prefix + '.' : '') + String(next)
        expectedNumbers.set(heading.index, expected)
        last = next
        if (written === expected) continue
        const shown = expected + (dot ? '.' : '')
        const under = parent?.heading && parent.section.depth > 1 ? ` under "${docHeadingLine(parent.heading)}"` : ''
        if (written === undefined) {
          report(
            'unnumbered',
            heading.titleSpan.start,
            {heading: docHeadingLine(heading), expected: shown, under},
            {expected: [shown + ' '], actual: ''},
          )
        } else {
          const span = heading.numberSpan
          const actual = span ? String(file.value).slice(span.start.offset, span.end.offset) : written
          report(
            'misnumbered',
            span ?? heading.span,
            {heading: docHeadingLine(heading), actual, expected: shown, prefix: prefix ? `, prefixed "${prefix}."` : '', under},
            span ? {expected: [shown], actual} : {},
          )
        }
      }
    }
  },
})

/** The last part of a section number, as a number: `2.3` → 3. */
function lastPart(value: string): number {
  return Number(value.slice(value.lastIndexOf('.') + 1))
}
