/**
 * The model of a document: built once per file and shared by every rule. It
 * holds the outline (every top-level heading with the exact places of its
 * markers, number and title), its top-level blocks with the heading each
 * stands under, and the front matter. What depends on the template (which
 * heading is the title, so where the fields are) is the analysis's.
 */
import type {Heading, Root, Yaml} from 'mdast'
import {isContent} from '../markdown/blocks.js'
import {copyPoint, pointLocator, shiftPoint} from '../util/position.js'
import {headingText, isInlineMarkup, normalizeHeading, splitNumber} from '../util/text.js'
import {readFrontmatter} from './frontmatter.js'
import type {DocBlock, DocHeading, DocModel} from './types.js'

/** ATX heading start: markers, then an optional section number. */
const atxStart = /^(#{1,6})[ \t]+(?:(\d+(?:\.\d+)*\.?)(?=[ \t]|$)[ \t]*)?/

/** Build the model of a document from its tree and source text. */
export function buildDocument(tree: Root, source: string): DocModel {
  const headings: DocHeading[] = []
  let current: DocHeading | undefined
  let yamlNode: Yaml | undefined
  const blocks: DocBlock[] = []

  for (const node of tree.children) {
    if (node.type === 'heading') {
      current = toHeading(node, source, headings.length)
      headings.push(current)
      continue
    }
    if (node.type === 'yaml') {
      yamlNode = node
      continue
    }
    blocks.push({owner: current ? current.index : -1, node})
    if (current && !current.hasContent && isContent(node)) current.hasContent = true
  }

  const end = tree.position?.end ?? {line: 1, column: 1, offset: 0}
  const model: DocModel = {headings, end: copyPoint(end), blocks, frontmatterFields: [], pointAt: pointLocator(source)}
  if (yamlNode) {
    const read = readFrontmatter(yamlNode, source, model.pointAt)
    if (read.data) model.frontmatter = read.data
    if (read.error) model.frontmatterError = read.error
    if (read.errorSpan) model.frontmatterErrorSpan = read.errorSpan
    model.frontmatterFields = read.fields
    if (yamlNode.position) model.frontmatterSpan = {start: copyPoint(yamlNode.position.start), end: copyPoint(yamlNode.position.end)}
  }
  return model
}

function toHeading(node: Heading, source: string, index: number): DocHeading {
  const text = headingText(node)
  const start = node.position!.start
  const end = node.position!.end
  const raw = source.slice(start.offset, end.offset)
  const atx = raw.startsWith('#')
  // The title's place leaves out HTML markup before and after it (`<a name="x"></a>`, `<!-- omit in toc -->`).
  const inline = node.children.filter((child) => !isInlineMarkup(child))
  const first = inline[0]?.position?.start ?? end
  const last = inline[inline.length - 1]?.position?.end ?? end
  const heading: DocHeading = {
    index,
    depth: node.depth,
    text,
    normalized: normalizeHeading(text),
    titleSpan: {start: copyPoint(first), end: copyPoint(last)},
    span: {start: copyPoint(start), end: copyPoint(end)},
    atx,
    hasContent: false,
  }
  const {number} = splitNumber(text)
  if (number !== undefined) heading.number = number
  if (atx) {
    const match = atxStart.exec(raw)
    if (match) {
      heading.markerSpan = {start: copyPoint(start), end: shiftPoint(start, match[1].length)}
      if (match[2] !== undefined) {
        const numberStart = match[0].indexOf(match[2], match[1].length)
        heading.numberSpan = {
          start: shiftPoint(start, numberStart),
          end: shiftPoint(start, numberStart + match[2].length),
        }
        heading.titleSpan = {start: shiftPoint(start, match[0].length), end: copyPoint(last)}
      }
    }
  }
  return heading
}
