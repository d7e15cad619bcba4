/**
 * Bold lead-ins: paragraphs (at any depth of lists and block quotes) that open
 * with strong text, the way many authors answer a template's questions
 * instead of keeping them as headings: `* **Were upgrade and rollback
 * tested?** Yes, by hand.`
 */
import type {Nodes, RootContent} from 'mdast'
import type {Position} from 'unist'
import {headingText} from '../util/text.js'
import {walk} from './walk.js'

export interface LeadIn {
  /** The strong text, read like a heading's (see `headingText`). */
  text: string
  /** Where the strong text is written. */
  position: Position
}

/** The bold lead-ins of a block. */
export function leadIns(node: RootContent): LeadIn[] {
  const found: LeadIn[] = []
  walk(node, (child: Nodes) => {
    if (child.type === 'paragraph') {
      const first = child.children.find((inline) => inline.type !== 'text' || inline.value.trim() !== '')
      if (first?.type === 'strong' && first.position) found.push({text: headingText(first), position: first.position})
      return false
    }
    return child.type !== 'code' && child.type !== 'html' && child.type !== 'table' && child.type !== 'heading'
  })
  return found
}
