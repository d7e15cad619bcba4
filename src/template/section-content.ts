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
import {findPlaceholders} from '../util/placeholders.js'
import {labelledLines} from '../markdown/labelled-lines.js'
import {parseChoices} from '../util/choices.js'
import {textBlocks} from '../markdown/blocks.js'

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
  return content
}

/** The template text blocks of a node, normalised; labelled field lines apart. */
export function templateTexts(node: RootContent, source: string): TemplateText[] {
  const fields = new Set(labelledLines(node, source).map((line) => line.lineStart))
  const result: TemplateText[] = []
  for (const block of textBlocks(node)) {
    const start = block.node.position?.start.offset
    if (block.kind === 'item' && start !== undefined && [...fields].some((at) => at >= start - 2 && at <= start + 2)) continue
    if (block.kind === 'paragraph' && fields.size > 0) continue
    const text = block.kind === 'code' ? normalizeCode(block.text) : normalizeProse(block.text)
    // An empty example row ("| | |") is a row to fill, not text.
    if (!text || (block.kind === 'row' && !text.replace(/[|\s]/g, ''))) continue
    result.push({kind: block.kind, text, line: block.node.position?.start.line ?? 0})
  }
  return result
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

/** The template's own front matter keys, as fields. */
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
  return Object.entries(data as Record<string, unknown>).map(([name, value]) => {
    const example = value === null || value === undefined ? '' : String(value)
    const key = fieldKey(name)
    const spec: FieldSpec = {name, key, region: 'frontmatter', example, form: `${name}: x`, line: node.position?.start.line ?? 1}
    const choices = fieldChoices(key, example)
    if (choices) spec.choices = choices
    const format = fieldFormat(key, example)
    if (format) spec.format = format
    return spec
  })
}

/** The fields of a header or footer node. */
export function fieldSpecs(node: RootContent, source: string, region: FieldSpec['region']): FieldSpec[] {
  return labelledLines(node, source).map((line) => {
    const key = fieldKey(line.name)
    const spec: FieldSpec = {
      name: line.name,
      key,
      region,
      example: line.value,
      form: line.form,
      line: lineOf(source, line.lineStart),
    }
    const choices = fieldChoices(key, line.value)
    if (choices) spec.choices = choices
    const format = fieldFormat(key, line.value)
    if (format) spec.format = format
    return spec
  })
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
