/**
 * The text blocks of Markdown that template text is compared by: each
 * paragraph, each list item's own text, each table body row, each code
 * block (checklist lines and paragraphs of links apart); and whether a block
 * is content of its own.
 */
import type {List, ListItem, Nodes, Paragraph, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'

/** The kinds of text block. */
export type BlockKind = 'paragraph' | 'item' | 'row' | 'code'

export interface TextBlock {
  kind: BlockKind
  /** Plain text of the block. */
  text: string
  node: Nodes
}

/**
 * The text blocks of a top-level node: each paragraph, each list item's own
 * text (nested lists apart), each table body row, each code block.
 */
export function textBlocks(node: RootContent): TextBlock[] {
  const result: TextBlock[] = []
  collect(node, result)
  return result
}

/**
 * Whether a paragraph is only links (a table of contents entry, a reference):
 * navigation, not text to write.
 */
function onlyLinks(paragraph: Paragraph): boolean {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && !child.value.trim()))
  return meaningful.length > 0 && meaningful.every((child) => child.type === 'link' || child.type === 'linkReference')
}

function collect(node: Nodes, result: TextBlock[]): void {
  switch (node.type) {
    case 'paragraph':
      if (!onlyLinks(node) && !opensWithTaskBox(node)) result.push({kind: 'paragraph', text: toString(node), node})
      return
    case 'list':
      for (const item of (node as List).children) collectItem(item, result)
      return
    case 'table':
      for (const row of (node as Table).children.slice(1)) {
        result.push({kind: 'row', text: row.children.map((cell) => toString(cell)).join(' | '), node: row})
      }
      return
    case 'code':
      result.push({kind: 'code', text: node.value, node})
      return
    case 'blockquote':
      for (const child of node.children) collect(child, result)
      return
    default:
      return
  }
}

/** Whether a paragraph opens with a task box (`[ ] I understand …`): a checklist line to keep and tick. */
function opensWithTaskBox(paragraph: Paragraph): boolean {
  const first = paragraph.children[0]
  return first?.type === 'text' && /^\[[ xX]\]\s/.test(first.value)
}

function collectItem(item: ListItem, result: TextBlock[]): void {
  // Task items ("- [ ] Tests written") are checklists to keep and tick.
  if (item.checked === true || item.checked === false) return
  const first = item.children[0]
  if (first?.type === 'paragraph' && opensWithTaskBox(first)) return
  const own = item.children.filter((child): child is Paragraph => child.type === 'paragraph' && !onlyLinks(child))
  if (own.length > 0) result.push({kind: 'item', text: own.map((child) => toString(child)).join(' '), node: item})
  for (const child of item.children) if (child.type !== 'paragraph') collect(child, result)
}

/**
 * Whether a block is content of its own: a lone thematic break or an HTML
 * comment is not.
 */
export function isContent(node: RootContent): boolean {
  switch (node.type) {
    case 'thematicBreak':
    case 'yaml':
      return false
    case 'html':
      return !/^\s*(?:<!--[\s\S]*?-->\s*)*$/.test(node.value)
    case 'paragraph':
      return toString(node).trim() !== '' || node.children.some((child) => child.type === 'image')
    default:
      return true
  }
}
