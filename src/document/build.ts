/**
 * The model of a document: built once per file and shared by every rule. It
 * holds the outline (every top-level heading with the exact places of its
 * markers, number and title) and the front matter.
 */
import type {Heading, Root, Yaml} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {parse as parseYaml} from 'yaml'
import {escapeRegExp, normalizeHeading, splitNumber, fieldKey} from '../util/text.js'
import type {DocBlock, DocField, DocHeading, DocModel, Point, Span} from '../template/types.js'
import {labelledLines} from '../markdown/labelled-lines.js'
import {isContent} from '../markdown/blocks.js'

/** ATX heading start: markers, then an optional section number. */
const atxStart = /^(#{1,6})[ \t]+(?:(\d+(?:\.\d+)*\.?)(?=[ \t]|$)[ \t]*)?/

/** Build the model of a document from its tree and source text. */
export function buildDocument(tree: Root, source: string): DocModel {
  const headings: DocHeading[] = []
  let current: DocHeading | undefined
  let frontmatter: Record<string, unknown> | undefined
  let frontmatterError: string | undefined
  let yamlNode: Yaml | undefined
  const blocks: DocBlock[] = []

  for (const node of tree.children) {
    if (node.type === 'heading') {
      current = toHeading(node, source, headings.length)
      headings.push(current)
      continue
    }
    if (node.type === 'yaml') {
      yamlNode = node
      try {
        const data: unknown = parseYaml(node.value)
        if (data && typeof data === 'object' && !Array.isArray(data)) {
          frontmatter = data as Record<string, unknown>
        } else if (data !== null && data !== undefined) {
          frontmatterError = 'front matter is not a mapping of keys to values'
        }
      } catch (error) {
        frontmatterError = String((error as Error).message).split('\n')[0].replace(/:\s*$/, '')
      }
      continue
    }
    blocks.push({owner: current ? current.index : -1, node})
    if (current && !current.hasContent && isContent(node)) current.hasContent = true
  }

  const end = tree.position?.end ?? {line: 1, column: 1, offset: 0}
  const model: DocModel = {headings, end: {line: end.line, column: end.column, offset: end.offset}, blocks, fields: []}
  if (frontmatter) model.frontmatter = frontmatter
  if (frontmatterError) model.frontmatterError = frontmatterError
  if (yamlNode?.position) model.frontmatterSpan = {start: point(yamlNode.position.start), end: point(yamlNode.position.end)}
  model.fields = [...blockFields(model, source), ...(yamlNode ? frontmatterFields(yamlNode, frontmatter, source) : [])]
  return model
}

/**
 * The labelled lines under the title (before the first section) and in the
 * footer (after the last thematic break, with no heading after it).
 */
function blockFields(model: DocModel, source: string): DocField[] {
  const {blocks, headings} = model
  const fields: DocField[] = []
  const titleIndex = headings[0]?.depth === 1 ? 0 : -1
  const lastHeading = headings.length - 1
  let footerFrom = blocks.length
  for (let index = blocks.length - 1; index >= 0; index--) {
    if (blocks[index].owner !== lastHeading) break
    if (blocks[index].node.type === 'thematicBreak') {
      footerFrom = index + 1
      break
    }
  }
  blocks.forEach((block, index) => {
    const header = block.owner === -1 || (block.owner === titleIndex && titleIndex !== -1)
    const footer = index >= footerFrom
    if (!header && !footer) return
    for (const line of labelledLines(block.node, source)) {
      fields.push({
        name: line.name,
        key: fieldKey(line.name),
        value: line.value.trim(),
        valueSpan: {start: pointAt(source, line.valueStart), end: pointAt(source, line.valueEnd)},
        span: {start: pointAt(source, line.lineStart), end: pointAt(source, line.lineEnd)},
        region: header ? 'header' : 'footer',
      })
    }
  })
  return fields
}

/** Front matter keys as fields, placed at their line in the YAML. */
function frontmatterFields(node: Yaml, data: Record<string, unknown> | undefined, source: string): DocField[] {
  if (!data) return []
  const start = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? 0
  const text = source.slice(start, end)
  return Object.entries(data).map(([name, raw]) => {
    const line = new RegExp('^[ \\t]*["\']?' + escapeRegExp(name) + '["\']?[ \\t]*:[ \\t]*(.*)$', 'm').exec(text)
    const lineStart = line ? start + line.index : start
    const valueStart = line ? lineStart + line[0].length - line[1].length : start
    const valueEnd = line ? valueStart + line[1].trimEnd().length : end
    const value = raw === null || raw === undefined ? '' : typeof raw === 'object' ? JSON.stringify(raw) : String(raw)
    return {
      name,
      key: fieldKey(name),
      value: value.trim(),
      valueSpan: {start: pointAt(source, valueStart), end: pointAt(source, valueEnd)},
      span: {start: pointAt(source, lineStart), end: pointAt(source, line ? lineStart + line[0].trimEnd().length : end)},
      region: 'frontmatter' as const,
      raw,
    }
  })
}

/** The point of an offset in the source. */
export function pointAt(source: string, offset: number): Point {
  let line = 1
  let lineStart = 0
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) {
    line++
    lineStart = index + 1
  }
  return {line, column: offset - lineStart + 1, offset}
}

function toHeading(node: Heading, source: string, index: number): DocHeading {
  const text = toString(node).replace(/\s+/g, ' ').trim()
  const start = node.position!.start
  const end = node.position!.end
  const raw = source.slice(start.offset, end.offset)
  const atx = raw.startsWith('#')
  const first = node.children[0]?.position?.start ?? end
  const last = node.children[node.children.length - 1]?.position?.end ?? end
  const heading: DocHeading = {
    index,
    depth: node.depth,
    text,
    normalized: normalizeHeading(text),
    titleSpan: {start: point(first), end: point(last)},
    span: {start: point(start), end: point(end)},
    atx,
    hasContent: false,
  }
  const {number} = splitNumber(text)
  if (number !== undefined) heading.number = number
  if (atx) {
    const match = atxStart.exec(raw)
    if (match) {
      heading.markerSpan = {start: point(start), end: shift(start, match[1].length)}
      if (match[2] !== undefined) {
        const numberStart = match[0].indexOf(match[2], match[1].length)
        heading.numberSpan = {
          start: shift(start, numberStart),
          end: shift(start, numberStart + match[2].length),
        }
        heading.titleSpan = {start: shift(start, match[0].length), end: point(last)}
      }
    }
  }
  return heading
}

function point(value: Point): Point {
  return {line: value.line, column: value.column, offset: value.offset}
}

/** A point `by` characters further on the same line. */
function shift(value: Point, by: number): Point {
  return {
    line: value.line,
    column: value.column + by,
    offset: value.offset === undefined ? undefined : value.offset + by,
  }
}

/** The span from one point to another. */
export function spanOf(start: Point, end: Point = start): Span {
  return {start, end}
}
