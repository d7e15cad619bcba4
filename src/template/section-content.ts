/**
 * What a template writes inside its sections and around them: instruction
 * and example text, tables with their columns and choice cells, diagram
 * blocks, choice fields in list items, and the metadata fields.
 */
import type {Root, RootContent, Table} from 'mdast'
import {parse as parseYaml} from 'yaml'
import {toString} from 'mdast-util-to-string'
import type {ChoiceList, FieldSpec, ItemField, SectionContent, TemplateDiagram, TemplateTable, TemplateText} from './types.js'
import {fieldKey, normalizeCode, normalizeProse} from '../util/text.js'
import {findPlaceholders, hasPlaceholder, instructionVerbs, splitPlaceholders} from '../util/placeholders.js'
import {labelledLines, plainLabelledLines, tableLabelledLines} from '../markdown/labelled-lines.js'
import {parseChoices} from '../util/choices.js'
import {type BlockKind, textBlocks} from '../markdown/blocks.js'

/** Statuses a document goes through, for a template that writes one ("Status: Draft"). */
const defaultStatuses = ['Draft', 'In Review', 'Approved']

/** The content of one template section, from its own blocks. */
export function sectionContent(nodes: RootContent[], source: string): SectionContent {
  const content: SectionContent = {texts: [], tables: [], diagrams: [], itemFields: []}
  for (const node of nodes) {
    content.texts.push(...templateTexts(node, source))
    if (node.type === 'table') content.tables.push(templateTable(node))
    for (const block of textBlocks(node)) {
      if (block.kind === 'code') {
        const diagram = templateDiagram(block.node as {lang?: string | null; value: string}, block.node.position?.start.line ?? 0)
        if (diagram) content.diagrams.push(diagram)
      }
      if (block.kind === 'item') {
        const field = itemField(block.text, block.node.position?.start.line ?? 0)
        if (field && !content.itemFields.some((other) => other.name === field.name)) content.itemFields.push(field)
      }
    }
  }
  const instructions = instructionText(nodes, source)
  if (instructions) content.instructions = instructions
  return content
}

/**
 * The blocks of a section that are template text (instructions, examples
 * to replace), as the template writes them, joined by a blank line; tables,
 * code and designlint's own annotations left out.
 */
export function instructionText(nodes: RootContent[], source: string): string {
  const kept = nodes.filter(
    (node) => (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote') && templateTexts(node, source).length > 0,
  )
  return kept
    .map((node) => source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0).replace(/\r\n?/g, '\n'))
    .filter((text) => text.trim() !== '')
    .join('\n\n')
}

/**
 * The template text blocks of a node, normalised; labelled field lines
 * apart, and text the template means to keep (see `isTemplateText`).
 */
export function templateTexts(node: RootContent, source: string): TemplateText[] {
  const fields = new Set(labelledLines(node, source).map((line) => line.lineStart))
  const result: TemplateText[] = []
  const before = source.slice(0, node.position?.start.offset ?? 0).trimEnd()
  // A list an instruction introduces ("Explain the design so that:") is part of it.
  const introduced = node.type === 'list' && before.endsWith(':')
  // A comment right before the node that says to keep it ("<!-- Keep this paragraph. -->").
  const keptByComment = before.endsWith('-->') && saysToKeep(before.slice(before.lastIndexOf('<!--')))
  for (const block of textBlocks(node)) {
    const start = block.node.position?.start.offset
    if (block.kind === 'item' && start !== undefined && [...fields].some((at) => at >= start - 2 && at <= start + 2)) continue
    if (block.kind === 'paragraph' && fields.size > 0) continue
    const text = block.kind === 'code' ? normalizeCode(block.text) : normalizeProse(block.text)
    // An empty example row ("| | |") is a row to fill, not text; a row of a
    // label alone ("| **Authors** | |") is a label to keep.
    if (!text || (block.kind === 'row' && !text.replace(/[|\s]/g, ''))) continue
    if (block.kind === 'row' && block.node.type === 'tableRow' && block.node.children.slice(1).every((cell) => !toString(cell).trim()))
      continue
    if (keptByComment || !(introduced || isTemplateText(block.text, block.kind))) continue
    result.push({kind: block.kind, text, line: block.node.position?.start.line ?? 0})
  }
  return result
}

/** A legal notice: "Copyright …", "licensed under …", "rights waived via CC0". */
const legalNotice = /\b(?:copyright|all rights reserved|rights waived|waived via|licensed under|CC0|SPDX|public domain)\b|©/i
/** A legend of the template's marks: "Items marked with (R) are required", "✅ = done". */
const legend = /\b(?:marked (?:with|as|by)|denotes|legend)\b|^\s*\S{1,3}\s*(?:=|means)\s/i
/** The key words paragraph of RFC 2119 / BCP 14. */
const keyWords = /\b(?:RFC ?2119|RFC ?8174|BCP ?14)\b/
/** Words that tell to keep a text ("Keep this.", "Do not remove this paragraph"). */
const keepWords =
  /\b(?:(?:do not|don't|never|please do not) (?:remove|delete|change|edit|modify) (?:this|it)|(?:keep|retain|leave) (?:this|it)(?: (?:paragraph|line|text|notice|section|sentence|block))?(?: (?:as is|as-is|unchanged|in place|intact))?\s*(?:[.!)]|-->|$))/im

function saysToKeep(text: string): boolean {
  return keepWords.test(text)
}

/** Words of an instruction anywhere in a block: second person, advice, examples, the template itself. */
const instructionWords =
  /\b(?:you|your|yours|yourself|should|must|needs? to|e\.g|i\.e|for example|for instance|example|this (?:section|template)|the template)\b/i
/** A verb that makes a clause a statement ("Items marked … are required"). */
const finiteVerb = /\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|shall|does|did|isn't|aren't|wasn't|won't|can't)\b/i
/** Where a sentence's main clause ends: "Concise description of | what is being built". */
const clauseEnd = /\b(?:what|which|that|who|whom|whose|where|when|why|how|if|whether|because|so|as|and)\b|[,;(]/i
/** The word a sentence opens with, past quotes, emphasis and an adverb ("Briefly describe …"). */
const openingWord = /^[\s"'“*_]*(?:[A-Za-z]+ly,?\s+)?([A-Za-z]+)/

/** Whether a sentence is a statement: its main clause has a verb ("There are tradeoffs …"). */
function isStatement(sentence: string): boolean {
  const end = clauseEnd.exec(sentence)
  return finiteVerb.test(end ? sentence.slice(0, end.index) : sentence)
}

/**
 * Whether a block of a template is text to replace, not text to keep. Only
 * instructions, questions, examples and placeholders are to replace: a block
 * with a question; a sentence that opens with an instruction verb
 * ("Describe…", "Please…", "Note…"); words of advice or of the reader
 * ("should", "you", "your"); an example ("e.g.", "for example"); a
 * placeholder or a date mask; and a description of what to write, without a
 * verb ("One paragraph summary of the RFC."). Code and table rows are the
 * template's examples. Kept are a legal notice, a legend of the template's
 * marks, the RFC 2119 key words, text that says to keep it, and statements
 * of fact, whose every sentence has a verb in its main clause ("Copyright and related rights waived via CC0.", "Items
 * marked with (R) are required prior to targeting to a milestone.").
 */
export function isTemplateText(text: string, kind: BlockKind): boolean {
  if (kind === 'code') return true
  if (legalNotice.test(text) || legend.test(text) || keyWords.test(text) || saysToKeep(text)) return false
  if (kind === 'row') return true
  if (text.includes('?') || instructionWords.test(text) || hasPlaceholder(text)) return true
  const sentences = text.split(/(?<=[.!?:;])\s+|\(|\s[-–—]\s/).filter((sentence) => /\p{L}/u.test(sentence))
  if (sentences.some((sentence) => instructionVerbs.has(openingWord.exec(sentence)?.[1].toLowerCase() ?? ''))) return true
  return !sentences.every(isStatement)
}

function templateTable(node: Table): TemplateTable {
  const [head, ...rows] = node.children
  const columns = (head?.children ?? []).map((cell) => toString(cell).trim())
  const choices = columns.map((_, column) => {
    const cells = rows.map((row) => toString(row.children[column] ?? {type: 'text', value: ''}).trim()).filter(Boolean)
    if (cells.length === 0) return null
    const lists = cells.map((cell) => parseChoices(cell))
    const first = lists[0]
    if (!first || lists.some((list) => !list || list.values.join('|') !== first.values.join('|'))) return null
    return first
  })
  const examples = columns.map((_, column) => (rows[0]?.children[column] ? toString(rows[0].children[column]).trim() : ''))
  return {columns, choices, examples, line: node.position?.start.line ?? 0}
}

function templateDiagram(node: {lang?: string | null; value: string}, line: number): TemplateDiagram | undefined {
  const lang = (node.lang ?? '').toLowerCase()
  if (lang === 'mermaid') {
    const diagramType = /^\s*(\w[\w-]*)/.exec(node.value)?.[1]
    return {kind: 'mermaid', ...(diagramType ? {diagramType} : {}), example: normalizeCode(node.value), line}
  }
  if (!lang || lang === 'text' || lang === 'ascii') {
    const placeholders = findPlaceholders(node.value).map((found) => found.value)
    if (placeholders.some((placeholder) => /diagram|ascii|art\b/i.test(placeholder))) {
      return {kind: 'ascii', example: normalizeCode(node.value), line}
    }
  }
  return undefined
}

/** `[Question 1 - Status: Open/In Progress/Resolved]` → Status ∈ {Open, In Progress, Resolved}. */
function itemField(text: string, line: number): ItemField | undefined {
  const match = /\b([A-Z][A-Za-z ]{0,30}?):\s*([^:\]]+?)\s*\]?\s*$/.exec(text)
  if (!match) return undefined
  const choices = parseChoices(match[2])
  if (!choices) return undefined
  return {name: match[1].trim(), choices, line}
}

/**
 * The template's own front matter keys, as fields. A YAML comment is a
 * condition on the keys it speaks of: on a key's line, that key; on a line
 * of its own, every key after it up to a blank line or the next comment
 * ("# These are optional metadata elements. Feel free to remove any of them.").
 */
export function frontmatterSpecs(tree: Root): FieldSpec[] {
  const node = tree.children[0]
  if (node?.type !== 'yaml') return []
  let data: unknown
  try {
    data = parseYaml(node.value)
  } catch {
    return []
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return []
  const comments = yamlComments(node.value)
  return Object.entries(data as Record<string, unknown>).map(([name, value]) => {
    // A value YAML reads as a mapping or a list ("{YYYY-MM-DD when …}") is the template's text.
    const raw = typeof value === 'object' && value !== null && !(value instanceof Date) ? rawValue(node.value, name) : undefined
    const example = raw ?? (value === null || value === undefined ? '' : String(value))
    const key = fieldKey(name)
    const spec: FieldSpec = {
      name,
      key,
      region: 'frontmatter',
      kind: 'key',
      example,
      form: `${name}: x`,
      line: node.position?.start.line ?? 1,
    }
    // A front matter status is not the usual lifecycle: only the template's own choices.
    const choices = key === 'status' && !example.includes('|') ? undefined : fieldChoices(key, example)
    if (choices) spec.choices = choices
    const format = fieldFormat(key, example)
    if (format) spec.format = format
    return withConditions(spec, [example, comments.get(name) ?? ''])
  })
}

/** The comments of a YAML mapping's top-level keys, by key: on the key's line, or on lines of their own above it. */
function yamlComments(yaml: string): Map<string, string> {
  const result = new Map<string, string>()
  let standing = ''
  for (const line of yaml.split(/\r?\n/)) {
    if (!line.trim()) {
      standing = ''
      continue
    }
    const own = /^\s*#\s?(.*)$/.exec(line)
    if (own) {
      standing = own[1].trim()
      continue
    }
    const key = /^([^\s#:][^:#]*?)\s*:(.*)$/.exec(line)
    if (!key) continue
    const trailing = /(?:^|\s)#\s?(.*)$/.exec(withoutQuoted(key[2]))
    const words = [trailing?.[1].trim(), standing].filter(Boolean).join(' ')
    if (words) result.set(key[1].trim(), words)
  }
  return result
}

/** The text after a top-level key's colon, its comment aside. */
function rawValue(yaml: string, name: string): string | undefined {
  for (const line of yaml.split(/\r?\n/)) {
    const key = /^([^\s#:][^:#]*?)\s*:(.*)$/.exec(line)
    if (key && key[1].trim() === name) return key[2].replace(/(?:^|\s)#.*$/, '').trim()
  }
  return undefined
}

/** A YAML value with its quoted strings blanked, so a `#` inside quotes is no comment. */
function withoutQuoted(value: string): string {
  return value.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, (quoted) => ' '.repeat(quoted.length))
}

/** The fields of a header or footer node: bold labelled lines, lists of `Label: value` items, label tables. */
export function fieldSpecs(node: RootContent, source: string, region: FieldSpec['region']): FieldSpec[] {
  const lines = [...labelledLines(node, source), ...plainLabelledLines(node, source, {every: true}), ...tableLabelledLines(node, source)]
  return lines
    .sort((a, b) => a.lineStart - b.lineStart)
    .map((line) => {
      const key = fieldKey(line.name)
      const spec: FieldSpec = {
        name: line.name,
        key,
        region,
        kind: line.kind,
        example: line.value,
        form: line.form,
        line: lineOf(source, line.lineStart),
      }
      // Only a bold labelled Status ("**Status:** Draft") gets the usual lifecycle.
      const choices = key === 'status' && line.kind !== 'line' && !line.value.includes('|') ? undefined : fieldChoices(key, line.value)
      if (choices) spec.choices = choices
      const format = fieldFormat(key, line.value)
      if (format) spec.format = format
      return withConditions(spec, [line.value])
    })
}

/**
 * A template's words that a field may be left out: "*if applicable*",
 * "(optional)", a YAML comment "Only required for …", "Otherwise, remove
 * this field", "Remove it when creating a new …".
 */
const optionalField =
  /\b(?:if applicable|optional|only required|not required|feel free to remove|remove (?:this|it|them|the field|this field|any of them)|delete (?:this|it)(?: field| line)?|omit (?:this|it))\b/i

/**
 * A template's words that the author fills a field later, as things happen
 * ("will contain links to implementation PRs", "find a buddy later"): there
 * may be nothing to write yet, so it may be missing or empty.
 */
const laterField = /\b(?:will contain|later)\b/i

/**
 * A template's words that someone else fills a field ("(leave this empty)",
 * "to be appointed by the steering committee"): it is there, and may be empty.
 */
const emptyField = /\b(?:leave (?:this|it) (?:empty|blank)|to be (?:nominated|appointed|assigned|added|filled))\b/i

/**
 * Mark a field optional, or allowed to be empty, from the template's words
 * around it (its value, outside placeholders, and its comments); the words
 * are kept for `preset show`.
 */
function withConditions(spec: FieldSpec, texts: string[]): FieldSpec {
  for (const text of texts) {
    const outside = splitPlaceholders(text)
      .filter((part) => part.kind === 'text')
      .map((part) => part.value)
      .join(' ')
    // In a value, the words themselves ("if applicable"); in a comment, its sentence.
    const words = (found: RegExpExecArray) => (text === texts[0] ? plainWords(found[0]) : sentenceAt(outside, found.index))
    const later = laterField.exec(outside)
    const optional = optionalField.exec(outside) ?? later
    if (optional && !spec.optional) {
      spec.optional = true
      spec.optionalBecause = optional === later && /^\(.*\)$/.test(text.trim()) ? plainWords(text) : words(optional)
    }
    const empty = emptyField.exec(outside) ?? later
    if (empty && !spec.mayBeEmpty) {
      spec.mayBeEmpty = true
      spec.emptyBecause = /^\(.*\)$/.test(text.trim()) ? plainWords(text) : words(empty)
    }
  }
  return spec
}

/** Text with white space folded and emphasis marks dropped. */
function plainWords(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim()
}

/** The sentence of `text` around `index`, white space folded, emphasis marks dropped. */
function sentenceAt(text: string, index: number): string {
  const before = text.slice(0, index).search(/[.!?]\s+[^.!?]*$/)
  const start = before === -1 ? 0 : before + 1
  const after = /[.!?](?:\s|$)/.exec(text.slice(index))
  const end = after ? index + after.index + 1 : text.length
  return text.slice(start, end).replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim()
}

/**
 * The words of a template section that say it may be left out, or that it
 * is needed only under a condition designlint cannot check ("Only required
 * for …", "must be completed when targeting beta"): a section that is never
 * an error to leave out.
 */
const optionalSection: RegExp[] = [
  /\b(?:this )?(?:section|element) (?:is (?:optional|encouraged)|may be (?:omitted|left out|skipped|removed)|can be (?:omitted|left out|skipped|removed))/i,
  /\b(?:omit|remove|delete|skip) this section\b/i,
  /\bthis is an optional (?:element|section)\b/i,
  /\b(?:only|not) required (?:for|when|if|until|unless|once|before)\b/i,
  /\boptional for\b/i,
  /\b(?:must|should) be (?:completed|filled|answered)(?: and approved)? (?:when|before|once|if|for)\b/i,
]
/** Words that say so when they open the section's text: "Optional, but suggested for first drafts." */
const optionalOpening = /^\s*optional\b/i

/**
 * The sentence of a section's own text (paragraphs and HTML comments) that
 * makes it optional, if any. Words in a list item speak of the item, not of
 * the section: a comment's list lines are left out, as list blocks are.
 */
export function optionalWords(nodes: RootContent[]): string | undefined {
  const texts: string[] = []
  for (const node of nodes) {
    if (node.type === 'html') {
      for (const comment of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
        // designlint annotations say it their own way.
        if (!/^\s*designlint\s*:/i.test(comment[1])) texts.push(withoutListLines(comment[1]))
      }
    } else if (node.type === 'paragraph' || node.type === 'blockquote') {
      texts.push(toString(node))
    }
  }
  const plain = texts.map((text) => text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim()).filter(Boolean)
  if (plain[0] && optionalOpening.test(plain[0])) return sentenceAt(plain[0], 0)
  for (const text of plain) {
    for (const pattern of optionalSection) {
      const found = pattern.exec(text)
      if (found) return sentenceAt(text, found.index)
    }
  }
  return undefined
}

/** A comment's text without its list lines (`- item` and the lines indented under it). */
function withoutListLines(text: string): string {
  const kept: string[] = []
  let itemIndent = -1
  for (const line of text.split(/\r?\n/)) {
    const indent = line.length - line.trimStart().length
    if (itemIndent !== -1 && line.trim() && indent > itemIndent) continue
    itemIndent = -1
    if (/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) {
      itemIndent = indent
      continue
    }
    kept.push(line)
  }
  return kept.join('\n')
}

function fieldChoices(key: string, value: string): ChoiceList | undefined {
  if (value.includes('|')) return parseChoices(value)
  // A status written as one value is where documents start ("Status: Draft"):
  // any status of the usual lifecycle is allowed, the template's value first.
  if (key === 'status' && /^[A-Za-z][A-Za-z ]*$/.test(value.trim())) {
    const values = [value.trim(), ...defaultStatuses.filter((status) => status.toLowerCase() !== value.trim().toLowerCase())]
    return {values, open: false}
  }
  return undefined
}

function fieldFormat(key: string, value: string): FieldSpec['format'] | undefined {
  if (/\bdate\b/.test(key)) return /YYYY-MM-DD/.test(value) ? 'iso-date' : 'date'
  if (/\bversion\b/.test(key) || /^\d+\.\d+(\.\d+)?$/.test(value.trim())) return 'version'
  return undefined
}

function lineOf(source: string, offset: number): number {
  let line = 1
  for (let index = 0; index < offset; index++) if (source.charCodeAt(index) === 10) line++
  return line
}
