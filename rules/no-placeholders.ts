/**
 * no-placeholders: nothing the template left to fill is still there:
 * `[...]` that is not a link, reference, footnote, citation or task box;
 * `<...>` that is not HTML or an autolink; `{...}` outside code;
 * `YYYY-MM-DD`; a list item that is only `…`, `...`, `TBD` or `TODO`.
 * Code (inline or fenced) is never searched. Each placeholder is reported at
 * exactly its own columns. Option `allow`: texts that look like placeholders
 * but are a team's own notation (`["[LinuxOnly]", "<release>"]`).
 */
import {htmlTagNames} from 'html-tag-names'
import {toString} from 'mdast-util-to-string'
import {location} from 'vfile-location'
import {whereLine} from '../src/analysis/sections.js'
import {walk} from '../src/markdown/walk.js'
import {defineRule} from '../src/rule/define.js'
import {findPlaceholders} from '../src/util/placeholders.js'
import {stripOptionalMarker} from '../src/util/text.js'

const htmlNames = new Set(htmlTagNames)
/** Bracketed numbers are citations ("[1]"), not placeholders. */
const citation = /^\[\d+(?:[,–-]\s*\d+)*\]$/
/** Words that are placeholders even without a space in the brackets. */
const fillerWord =
  /^\[(?:tbd|tba|tbc|todo|fixme|xxx|wip|placeholder|name|date|owner|author|title|description|link|url|details?|value|text)\]$/i

/**
 * Square brackets around one token are often a tag or a reference left
 * without its definition ("[LinuxOnly]", "[sig-network]", "[x]"): a
 * placeholder only when the template writes it or it is a filler word.
 * Brackets around words with spaces are prose to replace.
 */
function isBracketPlaceholder(found: string, known: Set<string>): boolean {
  if (citation.test(found) || stripOptionalMarker(found).optional) return false
  if (/\s/.test(found.slice(1, -1).trim())) return true
  return known.has(found.toLowerCase()) || fillerWord.test(found)
}
const fillerItem = /^\s*(?:…|\.\.\.|tbd|todo|tba)\s*[.!]?\s*$/i

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
    const known = new Set(analysis.preset.placeholders)
    const allowed = new Set(options.allow.map((text) => text.toLowerCase()))
    const flag = (found: string, offset: number, line: number, kind: keyof typeof kinds = 'placeholder') => {
      if (allowed.has(found.toLowerCase())) return
      const start = place.toPoint(offset)
      const end = place.toPoint(offset + found.length)
      if (!start || !end) return
      const expected = found === 'YYYY-MM-DD' ? 'a real date such as 2026-03-14' : 'your own text'
      report(kind, {start, end}, {found, where: whereLine(doc, line), expected}, {actual: found})
    }
    walk(tree, function (node) {
      if (node.type === 'text' && node.position) {
        const start = node.position.start.offset ?? 0
        const end = node.position.end.offset ?? start
        const raw = source.slice(start, end)
        for (const found of findPlaceholders(raw, {dateMask: true})) {
          if (found.value.startsWith('[') && !isBracketPlaceholder(found.value, known)) continue
          flag(found.value, start + found.index, node.position.start.line)
        }
        return
      }
      // "- [Metric 1]: [Target]" parses as a link definition: a placeholder
      // when its destination is one, not a real reference `[x]: https://…`.
      if (node.type === 'definition' && node.position) {
        const start = node.position.start.offset ?? 0
        const raw = source.slice(start, node.position.end.offset ?? start)
        if (/^[\[<{]|^$/.test(node.url) || /^\[[^\]]*\]:\s*[\[{]/.test(raw)) flag(raw.trim(), start, node.position.start.line)
        return
      }
      if (node.type === 'html' && node.position) {
        const value = node.value.trim()
        if (value.startsWith('<!--')) return
        const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(value)?.[1]
        if (name && (htmlNames.has(name.toLowerCase()) || name.includes('-'))) return
        if (!/^<[^<>]+>$/.test(value)) return
        flag(value, node.position.start.offset ?? 0, node.position.start.line)
        return
      }
      if ((node.type === 'listItem' || node.type === 'paragraph') && node.position) {
        // A filler ("TBD", "…") is short: skip reading longer blocks' text.
        if ((node.position.end.offset ?? 0) - (node.position.start.offset ?? 0) > 24) return
        const text = toString(node)
        if (!fillerItem.test(text)) return
        if (node.type === 'paragraph' && !/^(?:tbd|todo|tba)\b/i.test(text.trim())) return
        const target = node.type === 'listItem' ? (node.children[0] ?? node) : node
        if (!target.position) return
        const offset = target.position.start.offset ?? 0
        const length = (target.position.end.offset ?? offset) - offset
        const found = source.slice(offset, offset + length).trim()
        flag(found, offset, target.position.start.line, node.type === 'listItem' ? 'filler-item' : 'filler')
        return false
      }
      return undefined
    })
  },
})
