/**
 * A plain depth-first walk over a tree, for the rules that look at every
 * node: no ancestor stacks and no test objects, so a large corpus pays little
 * for it. Return `false` from the visitor to skip a node's children.
 */
import type {Nodes} from 'mdast'

export function walk(node: Nodes, visitor: (node: Nodes) => boolean | void): void {
  if (visitor(node) === false || !('children' in node)) return
  // An indexed loop: a cold run walks every tree before V8 has optimised this, and iterators cost most then.
  const children: Nodes[] = node.children
  for (let index = 0; index < children.length; index++) walk(children[index], visitor)
}
