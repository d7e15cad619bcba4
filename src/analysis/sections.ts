/** Where a section's content is in a document, for the content rules. */
import type {DocBlock, DocHeading, DocModel} from '../document/types.js'
import {isPresent} from '../align/align.js'
import type {Alignment, SectionMatch} from '../align/types.js'
import {sectionEnd} from '../markdown/regions.js'

/** The top-level blocks of a section: its own, or with its subsections'. */
export function sectionBlocks(doc: DocModel, heading: DocHeading, own: boolean): DocBlock[] {
  const end = own ? heading.index + 1 : sectionEnd(doc.headings, heading)
  return doc.blocks.filter((block) => block.owner >= heading.index && block.owner < end)
}

/** A template section the document has, with one heading that stands for it. */
export interface PresentSection {
  match: SectionMatch
  heading: DocHeading
}

/** Every section of the template the document has, with each heading that stands for it. */
export function presentSections(alignment: Alignment): PresentSection[] {
  const result: PresentSection[] = []
  for (const match of alignment.matches) {
    if (!isPresent(match)) continue
    for (const heading of match.instances) result.push({match, heading})
  }
  return result
}

/** The heading a line stands under, as `"## Name"` for messages, or the document. */
export function whereLine(doc: DocModel, line: number): string {
  let found: DocHeading | undefined
  for (const heading of doc.headings) {
    if (heading.span.start.line > line) break
    found = heading
  }
  return found ? `in "${'#'.repeat(found.depth)} ${found.text}"` : 'before the first heading'
}
