/**
 * Content helpers shared by the template compiler and the document model:
 * labelled field lines, choice lists, prose normalisation, and the text
 * blocks (paragraphs, list items, table rows, code) that template text is
 * compared by.
 */
import type {List, ListItem, Nodes, Paragraph, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {closest} from '../util/text.js'
import type {ChoiceList, TemplateText} from '../template/types.js'

/** `**Author:** x`, `**Author**: x`, `- **Author:** x` (one line). */
const labelledLine = /^([ \t]*(?:[-*+][ \t]+)?)\*\*([^*\n]+?)\*\*([ \t]*:)?[ \t]*(.*?)[ \t\\]*$/d

export interface LabelledLine {
  name: string
  value: string
  /** Offsets in the source. */
  lineStart: number
  lineEnd: number
  valueStart: number
  valueEnd: number
  /** The form the line is written in, with `x` for the value. */
  form: string
}

/**
 * The labelled lines of a paragraph or list in the source. A line counts
 * when its label ends with a colon, inside or just after the bold.
 */
export function labelledLines(node: RootContent, source: string): LabelledLine[] {
  if (node.type !== 'paragraph' && node.type !== 'list') return []
  const start = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? 0
  const result: LabelledLine[] = []
  let offset = start
  // Lists: from the start of the first line, so the bullet is seen.
  while (offset > 0 && source[offset - 1] !== '\n') offset--
  for (const line of source.slice(offset, end).split('\n')) {
    const match = labelledLine.exec(line)
    if (match) {
      const inside = match[2].trimEnd().endsWith(':')
      if (inside || match[3]) {
        const name = match[2].trim().replace(/:$/, '').trim()
        const valueStart = offset + match.indices![4][0]
        const value = match[4]
        result.push({
          name,
          value,
          lineStart: offset + match[1].length,
          lineEnd: offset + line.trimEnd().length,
          valueStart,
          valueEnd: valueStart + value.length,
          form: match[1].trim() + (match[1].trim() ? ' ' : '') + (inside ? `**${name}:** x` : `**${name}**: x`),
        })
      }
    }
    offset += line.length + 1
  }
  return result
}

/** Normalise a field label: case folded, space, `_` and `-` alike. */
export function fieldKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .trim()
}

/**
 * Normalise prose for comparing with template text: case folded, the
 * template's brackets and Markdown marks dropped, white space folded,
 * trailing punctuation ignored.
 */
export function normalizeProse(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\[\]{}<>*_`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[-•\s]+/, '')
    .replace(/[\s.:;,!?…]+$/, '')
    .trim()
}

const choiceWord = /^[A-Za-z][A-Za-z -]{0,24}$/

/**
 * A list of choices, as templates write them: `A | B | C`, `A/B/C`,
 * `{A / B / C}`, `(A / B / C)`, `{A, B, C}` (single words, three or more).
 * A list ending in "etc" is open. Square brackets describe rather than list
 * (`[Technology/Pattern]`), and so does anything with digits (`{4xx/5xx}`).
 */
export function parseChoices(text: string): ChoiceList | undefined {
  let value = text.trim()
  if (value.startsWith('[')) {
    // Only an open list is read from square brackets ("[REST/gRPC/etc]").
    const inner = value.replace(/^\[|\]$/g, '')
    const parts = inner.split('/').map((part) => part.trim())
    if (parts.length > 1 && /^etc\.?$/i.test(parts[parts.length - 1])) return {values: parts.slice(0, -1), open: true}
    return undefined
  }
  const wrapped = /^[{(](.*)[})]$/.exec(value)
  if (wrapped) value = wrapped[1].trim()
  // "Yes / No — migration plan": the choices come before the dash.
  value = value.split(/\s+[—–]\s+/)[0]
  let parts: string[]
  if (value.includes('|')) parts = value.split('|')
  else if (value.includes('/') && !value.includes(',')) {
    parts = value.split('/')
    // In brackets, "{team/person}" describes; "{H/M/L}" and "{off / on}" list.
    if (wrapped && !/\s\/\s/.test(value) && parts.some((part) => part.trim().length > 3)) return undefined
  }
  else if (wrapped && value.includes(',') && !value.includes('/')) {
    parts = value.split(',')
    const trimmed = parts.map((part) => part.trim()).filter(Boolean)
    const open = /^etc\.?$/i.test(trimmed[trimmed.length - 1] ?? '')
    if (open) return {values: trimmed.slice(0, -1), open: true}
    if (trimmed.length < 3 || trimmed.some((part) => /\s/.test(part))) return undefined
  } else return undefined
  const values = parts.map((part) => part.trim()).filter(Boolean)
  if (values.length < 2) return undefined
  const open = /^etc\.?$/i.test(values[values.length - 1])
  if (open) return {values: values.slice(0, -1), open: true}
  if (!values.every((part) => choiceWord.test(part) && part.split(/\s+/).length <= 3)) return undefined
  return {values, open: false}
}

/**
 * Whether a value is one of the choices, case-insensitive: the value, or its
 * first word, starts with a choice ("Medium" for "Med", "High" for "H",
 * "Yes — with a migration plan" for "Yes").
 */
export function matchesChoice(value: string, choices: ChoiceList): boolean {
  if (choices.open) return true
  const wanted = value.trim().toLowerCase()
  return choices.values.some((choice) => {
    const lower = choice.toLowerCase()
    if (wanted === lower) return true
    if (wanted.startsWith(lower) && /^[^a-z0-9]/.test(wanted.slice(lower.length))) return true
    const first = wanted.split(/[\s—–,;:(]+/)[0]
    return first.startsWith(lower) && !lower.includes(' ')
  })
}

/** Whether a value holds several of the choices ("Draft | Review"). */
export function severalChoices(value: string, choices: ChoiceList): boolean {
  const parts = value.split(/\s*[|/,]\s*|\s+or\s+/i).filter(Boolean)
  if (parts.length < 2) return false
  return parts.filter((part) => choices.values.some((choice) => choice.toLowerCase() === part.toLowerCase())).length >= 2
}

export interface TextBlock {
  kind: TemplateText['kind']
  /** Plain text of the block. */
  text: string
  node: Nodes
}

/**
 * The text blocks of a top-level node: each paragraph, each list item's own
 * text (nested lists apart), each table body row, each code block.
 */
export function textBlocks(node: RootContent): TextBlock[] {
  const result: TextBlock[] = []
  collect(node, result)
  return result
}

/**
 * Whether a paragraph is only links (a table of contents entry, a reference):
 * navigation, not text to write.
 */
function onlyLinks(paragraph: Paragraph): boolean {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && !child.value.trim()))
  return meaningful.length > 0 && meaningful.every((child) => child.type === 'link' || child.type === 'linkReference')
}

function collect(node: Nodes, result: TextBlock[]): void {
  switch (node.type) {
    case 'paragraph':
      if (!onlyLinks(node)) result.push({kind: 'paragraph', text: toString(node), node})
      return
    case 'list':
      for (const item of (node as List).children) collectItem(item, result)
      return
    case 'table':
      for (const row of (node as Table).children.slice(1)) {
        result.push({kind: 'row', text: row.children.map((cell) => toString(cell)).join(' | '), node: row})
      }
      return
    case 'code':
      result.push({kind: 'code', text: node.value, node})
      return
    case 'blockquote':
      for (const child of node.children) collect(child, result)
      return
    default:
      return
  }
}

function collectItem(item: ListItem, result: TextBlock[]): void {
  // Task items ("- [ ] Tests written") are checklists to keep and tick.
  if (item.checked === true || item.checked === false) return
  const first = item.children[0]
  if (first?.type === 'paragraph' && first.children[0]?.type === 'text' && /^\[[ xX]\]\s/.test(first.children[0].value)) return
  const own = item.children.filter((child): child is Paragraph => child.type === 'paragraph' && !onlyLinks(child))
  if (own.length > 0) result.push({kind: 'item', text: own.map((child) => toString(child)).join(' '), node: item})
  for (const child of item.children) if (child.type !== 'paragraph') collect(child, result)
}

export type ChoiceJudgement =
  | {kind: 'ok'}
  /** Several of the choices in one value ("Draft | Review"). */
  | {kind: 'several'; expected: string[]}
  /** Something else; `expected` is the closest choice, or all of them. */
  | {kind: 'other'; suggestion?: string; expected: string[]}

/** Whether a value holds exactly one of the choices, and what to offer if not. */
export function judgeChoice(value: string, choices: ChoiceList): ChoiceJudgement {
  if (severalChoices(value, choices)) return {kind: 'several', expected: choices.values}
  if (matchesChoice(value, choices)) return {kind: 'ok'}
  const suggestion = closest(value, choices.values)
  return suggestion ? {kind: 'other', suggestion, expected: [suggestion]} : {kind: 'other', expected: choices.values}
}
