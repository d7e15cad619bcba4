/**
 * no-template-text: no instruction or example text of the template is left
 * as written: a paragraph, list item, table row or footer line equal to the
 * template's (case, white space, the template's brackets and trailing
 * punctuation aside), or a code block equal to the template's example block.
 * Blocks that still hold a placeholder are no-placeholders' findings.
 */
import type {Root} from 'mdast'
import {lintRule} from 'unified-lint-rule'
import {getAnalysis} from '../src/analysis/analysis.js'
import {docHeadingLine, report} from '../src/rule/wording.js'
import {ruleUrl} from '../src/rule/meta.js'
import type {DocBlock, TemplateText} from '../src/template/types.js'
import {normalizeProse, normalizeCode} from '../src/util/text.js'
import {containsPlaceholder} from '../src/util/placeholders.js'
import {textBlocks} from '../src/markdown/blocks.js'

const noTemplateText = lintRule<Root, undefined>(
  {origin: 'designlint:no-template-text', url: ruleUrl('no-template-text')},
  function (_, file) {
    const analysis = getAnalysis(file)
    if (!analysis) return
    const {doc, preset} = analysis

    const check = (blocks: DocBlock[], texts: TemplateText[], where: string, diagrams: string[] = []) => {
      if (texts.length === 0) return
      const prose = new Set(texts.filter((text) => text.kind !== 'code').map((text) => text.text))
      const code = new Set(texts.filter((text) => text.kind === 'code').map((text) => text.text))
      for (const block of blocks) {
        for (const piece of textBlocks(block.node)) {
          const position = piece.node.position
          if (!position) continue
          if (piece.kind === 'code') {
            const value = normalizeCode(piece.text)
            // A diagram left as is is required-diagrams' finding.
            if (!code.has(value) || diagrams.includes(value)) continue
            report(file, `Example code block of the template left as is ${where}: expected your own`, position)
            continue
          }
          if (containsPlaceholder(piece.text)) continue
          const text = normalizeProse(piece.text)
          if (!text || !prose.has(text)) continue
          const shown = piece.text.trim().replace(/\s+/g, ' ')
          report(
            file,
            `Template text "${shown.length > 60 ? shown.slice(0, 57) + '…' : shown}" left as is ${where}: expected your own words`,
            position,
            {actual: shown},
          )
        }
      }
    }

    const seen = new Set<number>()
    for (const match of analysis.alignment.matches) {
      for (const heading of match.instances) {
        if (seen.has(heading.index)) continue
        seen.add(heading.index)
        const own = doc.blocks.filter((block) => block.owner === heading.index)
        const diagrams = match.section.content.diagrams.map((diagram) => diagram.example)
        check(own, match.section.content.texts, `in "${docHeadingLine(heading)}"`, diagrams)
      }
    }
    // A field left with the template's example value ("Stakeholders: Product,
    // Engineering, Security, Ops"), unless the value is a valid one for a
    // choice or formatted field ("Status: Draft", "Version: 1.0").
    for (const spec of preset.fields) {
      if (spec.choices || spec.format || !spec.example.trim()) continue
      const field = doc.fields.find((candidate) => candidate.key === spec.key)
      if (!field || normalizeProse(field.value) !== normalizeProse(spec.example)) continue
      if (containsPlaceholder(field.value)) continue
      report(file, `Field "${spec.name}" keeps the template's example "${field.value}": expected your own value`, field.valueSpan, {actual: field.value})
    }
    // Under the title and in the footer.
    const outside = doc.blocks.filter((block) => block.owner === -1 || doc.headings[block.owner]?.depth === 1)
    const last = doc.headings.length - 1
    const breakAt = doc.blocks.map((block) => block.node.type).lastIndexOf('thematicBreak')
    const footer = breakAt === -1 ? [] : doc.blocks.slice(breakAt + 1).filter((block) => block.owner === last)
    check([...outside, ...footer], preset.texts, 'outside the sections')
  },
)

export default noTemplateText
