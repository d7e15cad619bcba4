/** Where a section's content is in a document, for the content rules. */
import type {Analysis} from './analysis.js'
import type {DocBlock, DocHeading, DocModel, SectionMatch} from '../template/types.js'

/** Index of the heading that ends a heading's section (the next as high or higher). */
export function sectionEnd(doc: DocModel, heading: DocHeading): number {
  for (let index = heading.index + 1; index < doc.headings.length; index++) {
    if (doc.headings[index].depth <= heading.depth) return index
  }
  return doc.headings.length
}

/** The top-level blocks of a section: its own, or with its subsections'. */
export function sectionBlocks(doc: DocModel, heading: DocHeading, own: boolean): DocBlock[] {
  const end = own ? heading.index + 1 : sectionEnd(doc, heading)
  return doc.blocks.filter((block) => block.owner >= heading.index && block.owner < end)
}

/** Every section of the template the document has, with each heading that stands for it. */
export function* presentSections(analysis: Analysis): Generator<{match: SectionMatch; heading: DocHeading}> {
  for (const match of analysis.alignment.matches) {
    if (match.status === 'missing' || match.status === 'skipped') continue
    for (const heading of match.instances) yield {match, heading}
  }
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
