/**
 * heading-level: each template section's heading is at the template's level,
 * read against the document's own outline:
 * - a top-level section at the template's level, or shifted as at least
 *   three quarters of the document's top-level sections are (a document that
 *   puts its own title above them all, or writes them all one level up, is
 *   shifted as a whole, not wrong);
 * - a subsection as far under its parent's heading as the template has it,
 *   or anywhere from one level under it to that far when the template skips
 *   levels (`#####` right under `###`);
 * - under a heading that is itself reported, a subsection shifted with it is
 *   counted in that finding, not reported on its own.
 * Reported at the `#` markers, with the right markers as `expected`.
 */
import {defineRule} from '../src/rule/define.js'
import {isPresent} from '../src/align/align.js'
import {docHeadingLine, quoteSection, underParent} from '../src/rule/wording.js'
import type {SectionMatch} from '../src/align/types.js'
import type {DocHeading} from '../src/document/types.js'

export default defineRule({
  id: 'heading-level',
  description: "Each section's heading is at the template's level.",
  strictness: 'always',
  messages: {
    'wrong-level': 'Heading "{heading}" is at level {actual}: expected level {expected} ({section}{under}){subsections}',
  },
  check({analysis, report}) {
    const matches = analysis.alignment.matches
    const base = baseShift(matches)
    /** Each heading reported → the level it should have. */
    const wrong = new Map<DocHeading, number>()
    /** Each heading taken along by a reported one → that one. */
    const along = new Map<DocHeading, DocHeading>()
    for (const match of matches) {
      if (match.title) continue
      const absolute = match.section.depth + base
      for (const heading of match.instances) {
        const above = match.status === 'misplaced' ? undefined : parentInstance(match, heading)
        if (!above || match.parent?.title) {
          if (heading.depth !== absolute) wrong.set(heading, absolute)
          continue
        }
        const gap = match.section.depth - match.parent!.section.depth
        const offset = heading.depth - above.depth
        const nested = offset === gap || (gap > 1 && offset > 0 && offset <= gap)
        const root = wrong.has(above) ? above : along.get(above)
        if (root) {
          // Its parent is reported: right once the parent is fixed, or shifted with it.
          if (heading.depth !== absolute && nested) along.set(heading, root)
          else if (heading.depth !== absolute) wrong.set(heading, absolute)
        } else if (!nested) {
          wrong.set(heading, above.depth + gap)
        }
      }
    }
    const counts = new Map<DocHeading, number>()
    for (const root of along.values()) counts.set(root, (counts.get(root) ?? 0) + 1)

    for (const match of matches) {
      for (const heading of match.instances) {
        const expected = wrong.get(heading)
        if (expected === undefined) continue
        const count = counts.get(heading) ?? 0
        const data = {
          heading: docHeadingLine(heading),
          actual: heading.depth,
          expected,
          section: quoteSection(match),
          under: underParent(match),
          subsections:
            count === 0 ? '' : count === 1 ? '; its subsection is shifted with it' : `; its ${count} subsections are shifted with it`,
        }
        if (heading.markerSpan) {
          report('wrong-level', heading.markerSpan, data, {expected: ['#'.repeat(expected)], actual: '#'.repeat(heading.depth)})
        } else {
          report('wrong-level', heading.span, data)
        }
      }
    }
  },
})

/**
 * How many levels the document's outline as a whole is shifted: the shift at
 * least three quarters of the top-level sections the document has share, when
 * there are two or more of them (a KEP written one level down under a `##`
 * title, with one section left at `##`, is shifted; that one is off); else 0.
 */
function baseShift(matches: readonly SectionMatch[]): number {
  const shifts = new Map<number, number>()
  let count = 0
  for (const match of matches) {
    if (match.title || (match.parent && !match.parent.title) || !isPresent(match)) continue
    for (const heading of match.instances) {
      const shift = heading.depth - match.section.depth
      shifts.set(shift, (shifts.get(shift) ?? 0) + 1)
      count++
    }
  }
  if (count < 2) return 0
  for (const [shift, sharing] of shifts) if (sharing * 4 >= count * 3) return shift
  return 0
}

/** The heading of a match's parent that a heading of the match stands under (the last one before it). */
function parentInstance(match: SectionMatch, heading: DocHeading): DocHeading | undefined {
  let found: DocHeading | undefined
  for (const instance of match.parent?.instances ?? []) if (instance.index < heading.index) found = instance
  return found
}
