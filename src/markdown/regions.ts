/**
 * The regions of a Markdown file, one definition for templates and documents
 * alike. A file is a run of top-level blocks, each owned by the heading it
 * stands under (-1: before any heading).
 *
 * - The header is what stands before the first heading, and under the title.
 * - The footer is what follows the last thematic break (`---`) among the last
 *   heading's own blocks, when that heading is not the title.
 * - A section runs from its heading to the next heading as high or higher.
 *
 * Which heading is the title is the caller's: in a template, its first
 * heading when that is its only level-1 heading ({@link templateTitle}); in a
 * document, the heading that the alignment matched to the template's title.
 */

/** A top-level block and the index of the heading it stands under (-1: before any). */
export interface OwnedBlock<Node extends {type: string} = {type: string}> {
  owner: number
  node: Node
}

export interface Regions {
  /** Indices of the blocks in the header. */
  header: number[]
  /** Indices of the blocks in the footer. */
  footer: number[]
}

/** Split blocks into header and footer, given how many headings there are and which is the title (-1: none). */
export function regions(blocks: readonly OwnedBlock[], headingCount: number, title: number): Regions {
  const header: number[] = []
  blocks.forEach((block, index) => {
    if (block.owner === -1 || (title !== -1 && block.owner === title)) header.push(index)
  })
  const footer: number[] = []
  const last = headingCount - 1
  if (last !== -1 && last !== title) {
    let breakAt = -1
    for (let index = blocks.length - 1; index >= 0 && blocks[index].owner === last; index--) {
      if (blocks[index].node.type === 'thematicBreak') {
        breakAt = index
        break
      }
    }
    if (breakAt !== -1) for (let index = breakAt + 1; index < blocks.length; index++) footer.push(index)
  }
  return {header, footer}
}

/** The title of a template: its first heading, when that is its only level-1 heading (-1: none). */
export function templateTitle(headings: ReadonlyArray<{depth: number}>): number {
  if (headings[0]?.depth !== 1) return -1
  return headings.filter((heading) => heading.depth === 1).length === 1 ? 0 : -1
}

/**
 * The index of the heading that ends the section of `headings[start]`: the
 * next one as high or higher, else `limit` (default: the number of headings).
 */
export function sectionEnd(
  headings: ReadonlyArray<{depth: number}>,
  heading: {index: number; depth: number},
  limit = headings.length,
): number {
  for (let index = heading.index + 1; index < limit; index++) {
    if (headings[index].depth <= heading.depth) return index
  }
  return limit
}
