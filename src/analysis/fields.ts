/** Fields of a document matched to the template's, for the field rules. */
import type {FieldSpec, ItemField} from '../template/types.js'
import type {Point} from 'unist'
import {sectionBlocks, type PresentSection} from './sections.js'
import type {ListItem} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {DocField, DocModel} from '../document/types.js'

/**
 * The document's field for a template field: front matter first, then the
 * lines. A label in the singular or the plural is the same field ("Rust
 * Issues" for "Rust Issue", "Author" for "Authors").
 */
export function findField(fields: readonly DocField[], spec: Pick<FieldSpec, 'key'>): DocField | undefined {
  const wanted = singular(spec.key)
  const same = (field: DocField) => field.key === spec.key || singular(field.key) === wanted
  return fields.find((field) => field.region === 'frontmatter' && same(field)) ?? fields.find(same)
}

/** A normalised label with its last word in the singular (`rust issues` → `rust issue`). */
function singular(key: string): string {
  return key.replace(/(?<=[a-z]{2})s$/, '')
}

export interface ItemValue {
  field: ItemField
  /** The list item's text. */
  text: string
  item: ListItem
  /** The value after `Status:`, with its place; undefined when the item has none. */
  value?: {text: string; start: Point; end: Point}
}

/**
 * Choice fields inside the list items of a section (`Status: Open` in the
 * architecture preset's Open Questions), one entry per item.
 */
export function itemValues(sections: readonly PresentSection[], doc: DocModel, source: string): ItemValue[] {
  const result: ItemValue[] = []
  for (const {match, heading} of sections) {
    for (const field of match.section.content.itemFields) {
      const pattern = new RegExp('\\b' + field.name + '\\s*:\\s*([^\\r\\n]*?)\\s*$', 'i')
      for (const block of sectionBlocks(doc, heading, true)) {
        if (block.node.type !== 'list') continue
        for (const item of block.node.children) {
          const paragraph = item.children.find((child) => child.type === 'paragraph')
          if (!paragraph?.position) continue
          const text = toString(paragraph)
          const start = paragraph.position.start.offset ?? 0
          const raw = source.slice(start, paragraph.position.end.offset ?? start)
          const found = pattern.exec(raw)
          const entry: ItemValue = {field, text, item}
          if (found) {
            const at = start + found.index + found[0].length - found[1].length - (found[0].length - found[0].trimEnd().length)
            entry.value = {
              text: found[1].replace(/[*_`]/g, '').trim(),
              start: doc.pointAt(at),
              end: doc.pointAt(at + found[1].length),
            }
          }
          result.push(entry)
        }
      }
    }
  }
  return result
}
