/**
 * no-placeholders: nothing the template left to fill is still there: a
 * bracket the template writes, or one of the same shape and wording
 * (`isPlaceholder` in src/util/placeholders.ts has the grammar); the
 * `YYYY-MM-DD` mask; a list item, paragraph or table cell that is only `…`,
 * `TBD` or `TODO` (an ellipsis that ends a list of real items aside: "and so
 * on"), and a `TODO`/`TBD` that opens a sentence or a field value.
 * Code is not searched, save an inline code span that is a placeholder the
 * template writes (`` `<package>` ``); neither is math. Each placeholder is
 * reported at exactly its own columns. Option `allow`: texts that look like
 * placeholders but are a team's own notation (`["[LinuxOnly]", "<release>"]`).
 */
import {lineStartAt} from '../src/util/position.js'
import type {Nodes} from 'mdast'
import {htmlTagNames} from 'html-tag-names'
import {toString} from 'mdast-util-to-string'
import {location} from 'vfile-location'
import {whereLine} from '../src/analysis/sections.js'
import {mathSpans} from '../src/markdown/math.js'
import {walk} from '../src/markdown/walk.js'
import {defineRule} from '../src/rule/define.js'
import type {TemplateSection, TemplateText} from '../src/template/types.js'
import {findPlaceholders, isPlaceholder, templatePlaceholders} from '../src/util/placeholders.js'
import {normalizeProse} from '../src/util/text.js'

const htmlNames = new Set(htmlTagNames)
const fillerItem = /^\s*(?:…|\.\.\.|tbd|todo|tba)\s*[.!]?\s*$/i
/** A to-do word in capitals, as a leftover note is written ("TODO: …", "TBD."). */
const toDoWord = /\b(?:TODO|TBD|TBA|FIXME)\b/g
/** What a to-do word or a filler holds at least, to skip the texts without one at a glance (no `/g`: no state). */
const mayHoldToDo = /TODO|TB[AD]|FIXME/
const mayHoldFiller = /…|\.\.\.|tb[ad]|todo/i

/**
 * Whether the text before `offset` on its line leaves it at the start of a
 * sentence, a table cell or a field value: nothing but list, quote or
 * heading marks and emphasis, or an end of sentence, a `|` or a label's `:`.
 */
function opensSentence(source: string, offset: number): boolean {
  const before = source.slice(lineStartAt(source, offset), offset).replace(/[*_\s]+$/, '')
  return /^(?:\s*(?:[-+*>#]|\d+[.)]))*$/.test(before) || /[.!?|:]$/.test(before)
}

/** HTML attributes written without a value (`<details open>`, `<input disabled>`). */
const booleanAttributes = new Set(
  (
    'allowfullscreen async autofocus autoplay checked controls default defer disabled formnovalidate hidden inert ismap ' +
    'itemscope loop multiple muted nomodule novalidate open playsinline readonly required reversed selected'
  ).split(' '),
)

/**
 * Whether an opening tag of a real element is a tag: what follows its name
 * has attribute values (`=`), or its bare words are boolean attributes.
 */
function isTag(value: string, name: string): boolean {
  const rest = value.slice(name.length + 1, -1).trim()
  if (!rest || /[="'/]/.test(rest)) return true
  return rest.split(/\s+/).every((word) => booleanAttributes.has(word.toLowerCase()))
}

const kinds = {placeholder: 'Placeholder', 'filler-item': 'Filler list item', filler: 'Filler'} as const

export default defineRule({
  id: 'no-placeholders',
  description: 'No placeholder of the template is left ([...], <...>, {...}, YYYY-MM-DD, TBD items).',
  strictness: 'draft',
  messages: {
    placeholder: 'Placeholder "{found}" left {where}: expected {expected}',
    'filler-item': 'Filler list item "{found}" left {where}: expected {expected}',
    filler: 'Filler "{found}" left {where}: expected {expected}',
  },
  options: {
    allow: {type: 'string[]', default: [], description: 'Texts that look like placeholders but are not (compared case-insensitively).'},
  },
  check({tree, file, analysis, options, report}) {
    const source = analysis.source
    const place = location(file)
    const doc = analysis.doc
    const template = templatePlaceholders(analysis.preset.placeholders)
    const allowed = new Set(options.allow.map((text) => text.toLowerCase()))
    const math = mathSpans(source)
    const inMath = (offset: number) => math.some(([start, end]) => offset >= start && offset < end)
    const closed = new Set(Array.from(source.matchAll(/<\/([A-Za-z][A-Za-z0-9-]*)\s*>/g), (match) => match[1].toLowerCase()))
    const flag = (found: string, offset: number, line: number, kind: keyof typeof kinds = 'placeholder') => {
      if (allowed.has(found.toLowerCase())) return
      const start = place.toPoint(offset)
      const end = place.toPoint(offset + found.length)
      if (!start || !end) return
      const expected = found.includes('YYYY-MM-DD') ? 'a real date such as 2026-03-14' : 'your own text'
      report(kind, {start, end}, {found, where: whereLine(doc, line), expected}, {actual: found})
    }
    /** Flag the placeholders of `raw`, which starts at `start` in the source. */
    const search = (raw: string, start: number, line: number) => {
      for (const found of findPlaceholders(raw, {dateMask: true})) {
        const at = {value: found.value, index: start + found.index}
        if (!inMath(at.index) && isPlaceholder(source, at, template)) flag(found.value, at.index, line)
      }
    }
    const codeAsWritten = new Set<Nodes>()
    const trailingEllipses = new Set<Nodes>()
    let prose: Set<string> | undefined
    /** The template's prose blocks, normalised, in any section and around them. */
    const templateProse = () => {
      if (prose) return prose
      prose = new Set()
      const add = (texts: TemplateText[]) => {
        for (const text of texts) if (text.kind !== 'code') prose?.add(text.text)
      }
      const visit = (sections: TemplateSection[]) => {
        for (const section of sections) {
          add(section.content.texts)
          visit(section.children)
        }
      }
      add(analysis.preset.texts)
      visit(analysis.preset.title ? [analysis.preset.title] : analysis.preset.sections)
      return prose
    }
    /** An inline code span's text when it is one placeholder and nothing else (`` `<package>` ``). */
    const codePlaceholder = (node: Nodes & {type: 'inlineCode'}) => {
      const value = node.value.trim()
      const found = findPlaceholders(value)
      return found.length === 1 && found[0].value === value ? value : undefined
    }
    /** Whether a node is such a code span with a placeholder the template does not write. */
    const unwrittenCode = (node: Nodes) => {
      if (node.type !== 'inlineCode') return false
      const value = codePlaceholder(node)
      return value !== undefined && !template.written.has(value.toLowerCase())
    }
    walk(tree, function (node) {
      if (node.type === 'text' && node.position) {
        const start = node.position.start.offset ?? 0
        const raw = source.slice(start, node.position.end.offset ?? start)
        search(raw, start, node.position.start.line)
        if (!mayHoldToDo.test(raw)) return
        for (const match of raw.matchAll(toDoWord)) {
          const offset = start + match.index
          if (opensSentence(source, offset) && !inMath(offset)) flag(match[0], offset, node.position.start.line, 'filler')
        }
        return
      }
      // An inline code span that is a placeholder, left as the template
      // wrote it (`` `<package>`: `<date>` ``): a placeholder the template
      // writes, or in a paragraph the template has word for word. Other code
      // is the author's.
      if (node.type === 'inlineCode' && node.position) {
        const value = codePlaceholder(node)
        if (!value || (!template.written.has(value.toLowerCase()) && !codeAsWritten.has(node))) return
        const start = node.position.start.offset ?? 0
        flag(value, start + source.slice(start, node.position.end.offset ?? start).indexOf(value), node.position.start.line)
        return
      }
      // "- [Metric 1]: [Target]" parses as a link definition: a placeholder
      // when its destination is in brackets (a link's never is), not a real
      // reference `[x]: https://…` nor a footnote `[^1]: …`.
      if (node.type === 'definition' && node.position) {
        const start = node.position.start.offset ?? 0
        const raw = source.slice(start, node.position.end.offset ?? start)
        if (raw.startsWith('[^')) return
        if (/^[\[<{]|^$/.test(node.url) || /^\[[^\]]*\]:\s*[\[{]/.test(raw)) flag(raw.trim(), start, node.position.start.line)
        return
      }
      // `<Team Name>` parses as HTML. A real element (`<br>`, `<details open>`)
      // or a custom one the document closes (`<status-badge>…</status-badge>`)
      // is not a placeholder; an unknown tag left open can be (`<on-call
      // alias>`), and so can words after an element's name that are no
      // attributes (`<link to test coverage>`).
      if (node.type === 'html' && node.position) {
        const value = node.value.trim()
        const name = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(value)?.[1]
        if (!name || closed.has(name.toLowerCase()) || (htmlNames.has(name.toLowerCase()) && isTag(value, name))) return
        const found = findPlaceholders(value)
        const offset = node.position.start.offset ?? 0
        if (found.length !== 1 || found[0].value !== value) return
        if (isPlaceholder(source, {value, index: offset + node.value.indexOf(value)}, template)) {
          flag(value, offset + node.value.indexOf(value), node.position.start.line)
        }
        return
      }
      // An ellipsis that ends a list of the author's items means "and so on".
      if (node.type === 'list') {
        // Read from the end: only the trailing items and the one before them matter.
        const itemText = (index: number) => toString(node.children[index]).trim()
        let last = node.children.length - 1
        while (last >= 0 && /^(?:…|\.{3,})$/.test(itemText(last))) last--
        if (last >= 0 && last < node.children.length - 1 && !fillerItem.test(itemText(last))) {
          for (const item of node.children.slice(last + 1)) trailingEllipses.add(item)
        }
      }
      // Read the paragraph only when one of its code spans is a placeholder the template does not write.
      if (node.type === 'paragraph' && node.children.some(unwrittenCode)) {
        if (templateProse().has(normalizeProse(toString(node)))) {
          for (const child of node.children) if (child.type === 'inlineCode') codeAsWritten.add(child)
        }
      }
      if ((node.type === 'listItem' || node.type === 'paragraph' || node.type === 'tableCell') && node.position) {
        // A filler ("TBD", "…") is short: skip reading longer blocks' text.
        if ((node.position.end.offset ?? 0) - (node.position.start.offset ?? 0) > 24) return
        const target = node.type === 'listItem' ? (node.children[0] ?? node) : node
        if (!target.position) return
        let offset = target.position.start.offset ?? 0
        let found = source.slice(offset, target.position.end.offset ?? offset)
        if (!mayHoldFiller.test(found)) return
        // Its own text, emphasis aside: an image or a link (`![TBD][]`) is no filler.
        const text = found.replace(/^[|\s]+|[|\s]+$/g, '').replace(/^([*_]+)(.*)\1$/, '$2')
        if (!fillerItem.test(text)) return
        if (node.type !== 'listItem' && !/^(?:tbd|todo|tba)\b/i.test(text.trim())) return
        if (trailingEllipses.has(node)) return false
        // A table cell's span has its padding and pipe.
        if (node.type === 'tableCell') {
          const lead = found.length - found.replace(/^[|\s]+/, '').length
          offset += lead
          found = found.slice(lead).replace(/[|\s]+$/, '')
        }
        flag(found.trim(), offset, target.position.start.line, node.type === 'listItem' ? 'filler-item' : 'filler')
        return false
      }
      return undefined
    })
  },
})
