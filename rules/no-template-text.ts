/**
 * no-template-text: no instruction or example text of the template is left
 * as written: a paragraph, list item, table row or footer line equal to the
 * template's (case, white space, the template's brackets and trailing
 * punctuation aside), or a code block equal to the template's example block.
 * Only the template's instructions, questions, examples and placeholders
 * count: text it means to keep (a legal notice, a legend, the RFC 2119 key
 * words, a statement of fact) is not among its texts (see `isTemplateText`
 * in src/template/section-content.ts). Blocks that still hold a placeholder
 * are no-placeholders' findings.
 */
import {textBlocks} from '../src/markdown/blocks.js'
import {regions} from '../src/markdown/regions.js'
import type {DocBlock} from '../src/document/types.js'
import {defineRule} from '../src/rule/define.js'
import {docHeadingLine} from '../src/rule/wording.js'
import type {TemplateText} from '../src/template/types.js'
import {containsPlaceholder} from '../src/util/placeholders.js'
import {normalizeCode, normalizeProse, proseKey, proseLongerThan} from '../src/util/text.js'

export default defineRule({
  id: 'no-template-text',
  description: 'No instruction or example text of the template is left as written.',
  strictness: 'draft',
  messages: {
    'example-code': 'Example code block of the template left as is {where}: expected your own',
    'template-text': 'Template text "{text}" left as is {where}: expected your own words',
    'example-value': 'Field "{field}" keeps the template\'s example "{value}": expected your own value',
  },
  check({analysis, report}) {
    const {doc, preset} = analysis

    // The lines of the template's metadata fields: judged by their value
    // (example-value below), not as template text.
    const specKeys = new Set(preset.fields.map((spec) => spec.key))
    const fieldLines = new Set(analysis.fields.filter((field) => specKeys.has(field.key)).map((field) => field.span.start.line))
    const check = (blocks: DocBlock[], texts: TemplateText[], where: string, diagrams: string[] = []) => {
      if (texts.length === 0) return
      const prose = new Set(texts.filter((text) => text.kind !== 'code').map((text) => text.text))
      const longest = Math.max(0, ...Array.from(prose, (text) => text.length))
      const keys = new Set(Array.from(prose, proseKey))
      const code = new Set(texts.filter((text) => text.kind === 'code').map((text) => text.text))
      for (const block of blocks) {
        // A quote of the template's words ("> Why should we *not* do this?")
        // is the author citing the prompt to answer it, not leaving it.
        if (block.node.type === 'blockquote') continue
        for (const piece of textBlocks(block.node)) {
          const position = piece.node.position
          if (!position) continue
          if (piece.kind !== 'code' && fieldLines.has(position.start.line)) continue
          if (piece.kind === 'code') {
            if (code.size === 0) continue
            const value = normalizeCode(piece.text)
            // A diagram left as is is required-diagrams' finding.
            if (!code.has(value) || diagrams.includes(value)) continue
            report('example-code', position, {where})
            continue
          }
          // Longer than every template text whatever normalising drops, or other letters first: not a template text.
          if (prose.size === 0 || proseLongerThan(piece.text, longest) || !keys.has(proseKey(piece.text))) continue
          if (containsPlaceholder(piece.text)) continue
          const text = normalizeProse(piece.text)
          if (!text || !prose.has(text)) continue
          const shown = piece.text.trim().replace(/\s+/g, ' ')
          report('template-text', position, {text: shown.length > 60 ? shown.slice(0, 57) + '…' : shown, where}, {actual: shown})
        }
      }
    }

    const blocksOf = new Map<number, DocBlock[]>()
    for (const block of doc.blocks) {
      const list = blocksOf.get(block.owner)
      if (list) list.push(block)
      else blocksOf.set(block.owner, [block])
    }
    const seen = new Set<number>()
    for (const match of analysis.alignment.matches) {
      for (const heading of match.instances) {
        if (seen.has(heading.index)) continue
        seen.add(heading.index)
        const own = blocksOf.get(heading.index) ?? []
        const diagrams = match.section.content.diagrams.map((diagram) => diagram.example)
        check(own, match.section.content.texts, `in "${docHeadingLine(heading)}"`, diagrams)
      }
    }
    // A field left with the template's example value ("Stakeholders: Product,
    // Engineering, Security, Ops"), unless the value is a valid one for a
    // choice or formatted field ("Status: Draft", "Version: 1.0"), or the
    // template says the field is filled later ("(leave this empty)", "(will
    // contain links to implementation PRs)"): its words stand until then.
    for (const spec of preset.fields) {
      if (spec.choices || spec.format || spec.mayBeEmpty || !spec.example.trim()) continue
      const field = analysis.fields.find((candidate) => candidate.key === spec.key)
      if (!field || normalizeProse(field.value) !== normalizeProse(spec.example)) continue
      if (containsPlaceholder(field.value)) continue
      report('example-value', field.valueSpan, {field: spec.name, value: field.value}, {actual: field.value})
    }
    // Under the title and in the footer.
    const {header, footer} = regions(doc.blocks, doc.headings.length, analysis.titleHeading?.index ?? -1)
    check(
      [...header, ...footer].map((index) => doc.blocks[index]),
      preset.texts,
      'outside the sections',
    )
  },
})
