/**
 * A plain depth-first walk over a tree, for the rules that look at every
 * node: no ancestor stacks and no test objects, so a large corpus pays little
 * for it. Return `false` from the visitor to skip a node's children.
 */
import type {Nodes} from 'mdast'

export function walk(node: Nodes, visitor: (node: Nodes) => boolean | void): void {
  if (visitor(node) === false) return
  if ('children' in node) for (const child of node.children) walk(child, visitor)
}
