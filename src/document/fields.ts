/**
 * A document's metadata fields: the labelled lines of its header (before the
 * first section, under the title) and of its footer, then its front matter
 * keys. A labelled line is bold (`**Status:** Accepted`), plain in a list or
 * a line of its own (`- Status: Accepted`, `Start Date: 2018-10-19`), or a
 * row of a two-column table (`| **Authors** | Gavin Wood |`, `| start-date |
 * 2022-09-02 |`). Where the header ends depends on which heading is the title, which
 * the alignment decides; the regions themselves are src/markdown/regions.ts's.
 */
import type {RootContent} from 'mdast'
import {labelledLines, plainLabelledLines, tableLabelledLines, type LabelledLine} from '../markdown/labelled-lines.js'
import {regions} from '../markdown/regions.js'
import {fieldKey} from '../util/text.js'
import type {DocField, DocModel} from './types.js'

/**
 * The fields of a document whose title is heading `title` (-1: none). A
 * document may have a title its template has not ("# Module system
 * cleanups" above "- Start Date: …"): with nothing labelled before its first
 * heading, fields that open that heading's text are its header too.
 */
export function documentFields(doc: DocModel, source: string, title: number): DocField[] {
  if (title === -1 && doc.headings.length > 0) {
    const before = doc.blocks.filter((block) => block.owner === -1)
    const first = doc.blocks.find((block) => block.owner === 0)
    if (!before.some((block) => linesOf(block.node, source).length > 0) && first && linesOf(first.node, source).length > 0) title = 0
  }
  const {header, footer} = regions(doc.blocks, doc.headings.length, title)
  const fields: DocField[] = []
  const {pointAt} = doc
  const add = (indices: number[], region: 'header' | 'footer') => {
    for (const index of indices) {
      for (const line of linesOf(doc.blocks[index].node, source)) {
        fields.push({
          name: line.name,
          key: fieldKey(line.name),
          value: line.value.trim(),
          valueSpan: {start: pointAt(line.valueStart), end: pointAt(line.valueEnd)},
          span: {start: pointAt(line.lineStart), end: pointAt(line.lineEnd)},
          region,
        })
      }
    }
  }
  add(header, 'header')
  add(footer, 'footer')
  return [...fields, ...doc.frontmatterFields]
}

/** The labelled lines of a block, in any of the forms, in order. */
function linesOf(node: RootContent, source: string): LabelledLine[] {
  const lines = [...labelledLines(node, source), ...plainLabelledLines(node, source), ...tableLabelledLines(node, source, {plain: true})]
  return lines.sort((a, b) => a.lineStart - b.lineStart)
}
