/**
 * required-diagrams: a template section with a diagram block keeps a filled
 * block of that kind: a `mermaid` block of the same diagram type
 * (graph/flowchart, erDiagram, sequenceDiagram…), or, for ASCII art, any
 * fenced block, an image, or a link to a diagram file. A block left as the
 * template wrote it does not count, nor does an empty fenced block (of any
 * language), which is reported as the diagram's place left blank.
 */
import type {Code} from 'mdast'
import {sectionBlocks} from '../src/analysis/sections.js'
import {walk} from '../src/markdown/walk.js'
import {defineRule} from '../src/rule/define.js'
import {docHeadingLine} from '../src/rule/wording.js'
import type {TemplateDiagram} from '../src/template/types.js'
import {normalizeCode} from '../src/util/text.js'

const diagramFile = /\.(?:png|svg|jpe?g|gif|webp|drawio|excalidraw|puml|plantuml|mmd|mermaid|pdf|vsdx?)(?:[?#].*)?$/i

export default defineRule({
  id: 'required-diagrams',
  description: "The template's diagrams (mermaid of the same type, or ASCII art) are there and filled.",
  strictness: ['left-as-is', 'empty-diagram'],
  messages: {
    'left-as-is': 'Diagram in "{heading}" is the template\'s, left as is: expected {wanted} of your own',
    'empty-diagram': 'Diagram block in "{heading}" is empty: expected {wanted}',
    'missing-diagram': 'Missing diagram in "{heading}": expected {wanted}',
  },
  check({analysis, report}) {
    for (const {match, heading} of analysis.presentSections()) {
      const diagrams = match.section.content.diagrams
      if (diagrams.length === 0) continue
      const codes: Code[] = []
      let picture = false
      for (const block of sectionBlocks(analysis.doc, heading, false)) {
        walk(block.node, function (node) {
          if (node.type === 'code') codes.push(node)
          if (node.type === 'image' || node.type === 'imageReference') picture = true
          if (node.type === 'link' && diagramFile.test(node.url)) picture = true
          if (node.type === 'definition' && diagramFile.test(node.url)) picture = true
        })
      }
      const used = new Set<Code>()
      for (const diagram of diagrams) {
        const candidates = codes.filter((code) => !used.has(code) && (fits(code, diagram) || !code.value.trim()))
        const filled = candidates.find((code) => code.value.trim() && normalizeCode(code.value) !== diagram.example)
        if (filled) {
          used.add(filled)
          continue
        }
        if (diagram.kind === 'ascii' && picture) continue
        const data = {
          heading: docHeadingLine(heading),
          wanted:
            diagram.kind === 'mermaid'
              ? `a \`\`\`mermaid block of type ${diagram.diagramType ?? 'any'}`
              : 'an ASCII-art fenced block, an image, or a link to a diagram file',
        }
        const [first] = candidates
        if (!first) report('missing-diagram', heading.span, data)
        else {
          used.add(first)
          report(first.value.trim() ? 'left-as-is' : 'empty-diagram', first.position!, data)
        }
      }
    }
  },
})

const equivalent: Record<string, string> = {flowchart: 'graph'}

function fits(code: Code, diagram: TemplateDiagram): boolean {
  const lang = (code.lang ?? '').toLowerCase()
  if (diagram.kind === 'ascii') return true
  if (lang !== 'mermaid') return false
  if (!diagram.diagramType) return true
  const type = /^\s*(?:%%[^\n]*\n\s*)*(\w[\w-]*)/.exec(code.value)?.[1] ?? ''
  const norm = (value: string) => equivalent[value.toLowerCase()] ?? value.toLowerCase()
  return norm(type) === norm(diagram.diagramType)
}
