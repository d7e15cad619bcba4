/**
 * A document's metadata fields: the labelled lines of its header (before the
 * first section, under the title) and of its footer, then its front matter
 * keys. Where the header ends depends on which heading is the title, which
 * the alignment decides; the regions themselves are src/markdown/regions.ts's.
 */
import {labelledLines} from '../markdown/labelled-lines.js'
import {regions} from '../markdown/regions.js'
import {pointAt} from '../util/position.js'
import {fieldKey} from '../util/text.js'
import type {DocField, DocModel} from './types.js'

/** The fields of a document whose title is heading `title` (-1: none). */
export function documentFields(doc: DocModel, source: string, title: number): DocField[] {
  const {header, footer} = regions(doc.blocks, doc.headings.length, title)
  const fields: DocField[] = []
  const add = (indices: number[], region: 'header' | 'footer') => {
    for (const index of indices) {
      for (const line of labelledLines(doc.blocks[index].node, source)) {
        fields.push({
          name: line.name,
          key: fieldKey(line.name),
          value: line.value.trim(),
          valueSpan: {start: pointAt(source, line.valueStart), end: pointAt(source, line.valueEnd)},
          span: {start: pointAt(source, line.lineStart), end: pointAt(source, line.lineEnd)},
          region,
        })
      }
    }
  }
  add(header, 'header')
  add(footer, 'footer')
  return [...fields, ...doc.frontmatterFields]
}
