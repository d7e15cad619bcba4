/**
 * The template compiler: turns a template's Markdown into a preset. The
 * template is the schema: every built-in preset is compiled from its template
 * file by this function, and so is any team's own template.
 */
import type {Heading, Root, RootContent} from 'mdast'
import {visit} from 'unist-util-visit'
import {parseMarkdown} from '../markdown/parse.js'
import {regions, templateTitle, type OwnedBlock} from '../markdown/regions.js'
import {escapeRegExp, headingText, normalizeWords, splitNumber, stripOptionalMarker} from '../util/text.js'
import type {HeadingMatch, Preset, TemplateSection, TitlePlaceholder} from './types.js'
import {applyPresetAnnotations, applySectionAnnotations, annotationsIn} from './annotations.js'
import {fieldSpecs, frontmatterSpecs, optionalWords, sectionContent, templateTexts} from './section-content.js'
import {findPlaceholders, splitPlaceholders} from '../util/placeholders.js'
import {DesignlintError} from '../util/errors.js'
import {exceededLimit} from '../markdown/limits.js'
import {binaryFileProblem, noHeadingsProblem} from '../util/text.js'

/** A template that yields no preset (a binary file, no headings): a configuration error. */
export class TemplateError extends DesignlintError {
  override name = 'TemplateError'
}

export interface CompileOptions {
  /** Preset name to record (default: the source). */
  name?: string
  /** Where the template came from (a path or `builtin:standard`). */
  source?: string
}

/** Compile template Markdown into a preset. */
export function compileTemplate(markdown: string, options: CompileOptions = {}): Preset {
  const binary = binaryFileProblem(markdown)
  if (binary) throw new TemplateError(binary)
  const limit = exceededLimit(markdown)
  if (limit) throw new TemplateError(limit.reason.replace(/^Document/, 'it'))
  const tree = parseMarkdown(markdown)
  const source = options.source ?? '<template>'
  const {headings, blocks} = collectHeadings(tree)
  if (headings.length === 0) {
    throw new TemplateError(noHeadingsProblem)
  }

  const titleIndex = titleHeading(headings)
  const hasTitle = titleIndex !== -1
  const {header: headerAt, footer: footerAt} = regions(blocks, headings.length, titleIndex)
  const outside = new Set([...headerAt, ...footerAt])
  const header = headerAt.map((index) => blocks[index].node)
  const footer = footerAt.map((index) => blocks[index].node)
  const above = commentsAbove(blocks, headings)
  headings.forEach((heading, index) => {
    const own = blocks
      .filter((block, at) => block.owner === index && !outside.has(at) && block.node.type !== 'thematicBreak')
      .map((block) => block.node)
    heading.content = sectionContent(own, markdown)
    if (index !== titleIndex && !heading.optional) {
      // The template's own words: "This section is optional", "Omit this
      // section if it's not applicable", in the section or in a comment on
      // the line right above its heading.
      const words = optionalWords([...(above.byHeading.get(index) ?? []), ...own.filter((node) => !above.attached.has(node))])
      if (words) {
        heading.optional = true
        heading.optionalBecause = words
      }
    }
    applySectionAnnotations(heading, annotationsIn(own))
  })

  let title: TemplateSection | undefined
  let sections: TemplateSection[]
  if (hasTitle) {
    // The title's sections are the headings after it, whatever their level.
    const [first, ...rest] = headings
    sections = nest(rest)
    title = first
    title.key = normalizeWords(title.title) || '#'
    title.children = sections
    title.match = titleMatch(title.title)
    title.repeatable = false
  } else {
    sections = nest(headings)
  }

  const fields = [
    ...frontmatterSpecs(tree),
    ...header.flatMap((node) => fieldSpecs(node, markdown, 'header')),
    ...footer.flatMap((node) => fieldSpecs(node, markdown, 'footer')),
  ]
  const texts = [...header, ...footer].flatMap((node) => templateTexts(node, markdown))

  // Placeholders the template writes in its text (not its link references).
  const found = new Set<string>()
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'html') {
      for (const {value} of findPlaceholders(node.value)) found.add(value.toLowerCase())
    }
  })
  const placeholders = [...found]
  const titlePlaceholders = title ? placeholdersOf(title.title) : []
  const preset: Preset = {
    name: options.name ?? source,
    source,
    ...(title ? {title} : {}),
    ...(titlePlaceholders.length > 0 ? {titlePlaceholders} : {}),
    sections,
    fields,
    texts,
    draftStatuses: ['Draft'],
    placeholders,
  }
  applyPresetAnnotations(preset, annotationsIn([...header, ...footer]))
  return preset
}

interface RawSection extends TemplateSection {
  children: RawSection[]
}

/**
 * HTML comments on the line right above a heading (no blank line between):
 * they speak of that heading ("<!-- This is an optional element. Feel free to
 * remove. -->" above "## Decision Drivers"), not of the section they stand in.
 */
function commentsAbove(
  blocks: Array<OwnedBlock<RootContent>>,
  headings: RawSection[],
): {byHeading: Map<number, RootContent[]>; attached: Set<RootContent>} {
  const byHeading = new Map<number, RootContent[]>()
  const attached = new Set<RootContent>()
  headings.forEach((heading, index) => {
    const before = blocks.filter((block) => block.owner === index - 1).pop()?.node
    if (before?.type !== 'html' || before.position?.end.line !== heading.line - 1) return
    byHeading.set(index, [before])
    attached.add(before)
  })
  return {byHeading, attached}
}

/**
 * The heading that is the template's title: its first heading, when that is
 * its only level-1 heading, or when it is a placeholder title at any level
 * (`Title` over a setext line, `## Feature name`, `# {short title}`); -1: none.
 */
function titleHeading(headings: RawSection[]): number {
  if (templateTitle(headings) === 0) return 0
  const first = headings[0]
  if (!first) return -1
  // Fixed text may only be punctuation or the prefix of a number mask ("KEP-" of "KEP-NNNN").
  const parts = titleParts(first.title)
  const placeholder = parts.some((part) => part.kind !== 'text')
  const fixed = parts.some((part, index) => part.kind === 'text' && normalizeWords(part.value) && parts[index + 1]?.kind !== 'mask')
  return placeholder && !fixed ? 0 : -1
}

function collectHeadings(tree: Root): {headings: RawSection[]; blocks: Array<OwnedBlock<RootContent>>} {
  const headings: RawSection[] = []
  const blocks: Array<OwnedBlock<RootContent>> = []
  for (const node of tree.children) {
    if (node.type === 'heading') headings.push(toSection(node))
    else if (node.type !== 'yaml') blocks.push({owner: headings.length - 1, node})
  }
  return {headings, blocks}
}

function toSection(node: Heading): RawSection {
  const text = headingText(node)
  const {number, dot, rest} = splitNumber(text)
  // "(Optional)", "[optional]", "(If Applicable)": the template says the section may be left out.
  const {text: title, optional} = stripOptionalMarker(rest)
  const marker = rest.slice(title.length).trim()
  const section: RawSection = {
    key: '',
    depth: node.depth,
    text,
    title,
    match: headingMatch(title),
    repeatable: false,
    optional,
    ...(optional ? {optionalBecause: marker} : {}),
    line: node.position?.start.line ?? 0,
    content: {texts: [], tables: [], diagrams: [], itemFields: []},
    children: [],
  }
  if (number !== undefined) {
    section.number = number
    section.numberDot = dot
  }
  if (section.match.type === 'any') section.repeatable = true
  return section
}

/** Nest a flat list of headings by depth and finish each level. */
function nest(headings: RawSection[]): RawSection[] {
  const roots: RawSection[] = []
  const stack: RawSection[] = []
  for (const heading of headings) {
    while (stack.length > 0 && stack[stack.length - 1].depth >= heading.depth) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(heading)
    else roots.push(heading)
    stack.push(heading)
  }
  return finishLevel(roots, '')
}

/**
 * Find repeatable slots among siblings, merge neighbouring ones, and give
 * every section its key.
 */
function finishLevel(siblings: RawSection[], parentKey: string): RawSection[] {
  // Numbered examples of one kind: "Alternative 1", "Alternative 2".
  const shapes = new Map<string, number>()
  for (const section of siblings) {
    const shape = numberedShape(section.title)
    if (shape) shapes.set(shape, (shapes.get(shape) ?? 0) + 1)
  }
  for (const section of siblings) {
    const shape = numberedShape(section.title)
    const example = shape !== undefined && (shapes.get(shape)! > 1 || /[\[<{]/.test(section.title))
    if (example) {
      section.repeatable = true
      section.match = {type: 'any'}
    }
  }

  const result: RawSection[] = []
  for (const section of siblings) {
    const previous = result[result.length - 1]
    if (section.repeatable && previous?.repeatable && previous.depth === section.depth) {
      // Neighbouring slots are one slot ("5.1 {Primary flow}", "5.2 {Error flow}").
      previous.children.push(...section.children)
      previous.content.texts.push(...section.content.texts)
      continue
    }
    result.push(section)
  }

  const seen = new Map<string, number>()
  for (const section of result) {
    let key = (parentKey ? parentKey + '/' : '') + (normalizeWords(section.title) || '#')
    const count = seen.get(key) ?? 0
    seen.set(key, count + 1)
    if (count > 0) key += '~' + (count + 1)
    section.key = key
    // The title's children are the top-level sections: their keys start fresh.
    const isTitle = parentKey === '' && section.depth === 1 && result.filter((other) => other.depth === 1).length === 1
    section.children = finishLevel(section.children, isTitle ? '' : key)
  }
  return result
}

/**
 * The shape of a title that carries an example number ("Alternative 1",
 * "Decision 1: [Decision Title]"), with the number replaced by `#`; undefined
 * for titles without one.
 */
function numberedShape(title: string): string | undefined {
  const literal = splitPlaceholders(title)
    .map((part) => (part.kind === 'text' ? part.value : '…'))
    .join('')
  if (!/\b\d+\b/.test(literal)) return undefined
  return normalizeWords(literal.replace(/\b\d+\b/g, '#')) + (/\d/.test(literal) ? '#' : '')
}

/** How a (non-title) template heading is matched. */
function headingMatch(title: string): HeadingMatch {
  const parts = splitPlaceholders(title)
  if (!parts.some((part) => part.kind === 'placeholder')) {
    return {type: 'exact', text: normalizeWords(title)}
  }
  const literal = parts
    .filter((part) => part.kind === 'text')
    .map((part) => normalizeWords(part.value))
    .join('')
  // A heading that is only a placeholder is a repeatable slot.
  if (!literal) return {type: 'any'}
  return {type: 'pattern', source: patternSource(title)}
}

/**
 * Words that make up a generic title, one that only names the kind of thing
 * to write: "Title", "Title of RFC", "Feature name", "Feature Name Here".
 * Such a title is a placeholder when it has a word of the slot itself
 * (`title`, `name`, `here`).
 */
const genericWords = new Set(
  'title name here feature rfc proposal project component product enhancement change document doc spec decision idea your my the of a an for short descriptive new goes'.split(
    ' ',
  ),
)
const slotWords = new Set(['title', 'name', 'here'])

/** Whether text is only generic words with a slot word ("Feature Name Here", "your short, descriptive title"). */
function isGenericTitle(text: string): boolean {
  const words = normalizeWords(text).split(' ').filter(Boolean)
  return words.length > 0 && words.every((word) => genericWords.has(word)) && words.some((word) => slotWords.has(word))
}

/**
 * A number mask of a title: letters repeated (`NNNN`, `XXXX`) or zeros
 * (`0000`), as in `KEP-NNNN`, `SE-NNNN`, `RFC-0000`.
 */
const numberMask = /\b(?:([A-Z])\1{2,}|0{3,})\b/g

interface TitlePart {
  kind: 'text' | 'bracket' | 'mask' | 'words'
  value: string
}

/**
 * A title in parts: fixed text, bracketed placeholders, number masks, and
 * the words left to replace: generic words ("Feature Name Here"), and, in a
 * title without brackets, the text after its colon ("KEP-NNNN: Your short,
 * descriptive title").
 */
function titleParts(title: string): TitlePart[] {
  const parts: TitlePart[] = []
  for (const part of splitPlaceholders(title)) {
    if (part.kind === 'placeholder') {
      parts.push({kind: 'bracket', value: part.value})
      continue
    }
    let last = 0
    for (const found of part.value.matchAll(numberMask)) {
      if (found.index > last) parts.push({kind: 'text', value: part.value.slice(last, found.index)})
      parts.push({kind: 'mask', value: found[0]})
      last = found.index + found[0].length
    }
    if (last < part.value.length) parts.push({kind: 'text', value: part.value.slice(last)})
  }
  const brackets = parts.some((part) => part.kind === 'bracket')
  const result: TitlePart[] = []
  parts.forEach((part, index) => {
    if (part.kind !== 'text') {
      result.push(part)
      return
    }
    const colon = part.value.lastIndexOf(':')
    const afterColon = colon === -1 ? '' : part.value.slice(colon + 1)
    const isLast = index === parts.length - 1
    if (!brackets && isLast && normalizeWords(afterColon)) {
      result.push({kind: 'text', value: part.value.slice(0, colon + 1)})
      result.push({kind: 'words', value: afterColon.trim()})
    } else if (isGenericTitle(part.value)) {
      result.push({kind: 'words', value: part.value.trim()})
    } else if (normalizeWords(part.value)) {
      result.push(part)
    } else if (part.value) {
      // Punctuation between placeholders ("RFC-0000: …"): kept, matches nothing.
      result.push(part)
    }
  })
  return result.filter((part) => part.kind !== 'text' || part.value.trim())
}

/** The regular expression pieces of title parts: fixed words escaped, placeholders as wildcards. */
function patternPieces(parts: TitlePart[], literal?: TitlePart): string[] {
  const pieces = parts
    .map((part) => {
      if (part === literal) return escapeRegExp(normalizeWords(part.value)) + (part.kind === 'mask' ? '(?![a-z0-9])' : '')
      return part.kind === 'text' ? escapeRegExp(normalizeWords(part.value)) : '.+'
    })
    .filter(Boolean)
  return pieces.filter((piece, index) => !(piece === '.+' && pieces[index - 1] === '.+'))
}

/**
 * How the title heading is matched: its fixed words must be there, a
 * placeholder's place takes any text, and a number mask any number. A title
 * of generic words ("Title", "Feature name") is a placeholder as a whole: any
 * title fills it. A title without a placeholder ("Technical Design
 * Document") is the kind of document: the document's title must contain it
 * ("Payments Ledger — Technical Design Document").
 */
function titleMatch(title: string): HeadingMatch {
  const parts = titleParts(title)
  if (parts.every((part) => part.kind === 'text')) {
    return {type: 'pattern', source: '(?:^| )' + escapeRegExp(normalizeWords(title)) + '(?: |$)'}
  }
  return {type: 'pattern', source: '^' + patternPieces(parts).join(' ?') + '$'}
}

/**
 * The placeholders of a title a document may leave as the template wrote
 * them (number masks and words; bracketed ones are no-placeholders'), each
 * with the pattern of a title that still holds it.
 */
function placeholdersOf(title: string): TitlePlaceholder[] {
  const parts = titleParts(title)
  return parts
    .filter((part): part is TitlePart & {kind: 'mask' | 'words'} => part.kind === 'mask' || part.kind === 'words')
    .map((part) => ({text: part.value, kind: part.kind, unfilled: '^' + patternPieces(parts, part).join(' ?') + '$'}))
}

function patternSource(title: string): string {
  const pieces = splitPlaceholders(title)
    .map((part) => (part.kind === 'placeholder' ? '.+' : escapeRegExp(normalizeWords(part.value))))
    .filter(Boolean)
  // Collapse neighbouring wildcards.
  const merged = pieces.filter((piece, index) => !(piece === '.+' && pieces[index - 1] === '.+'))
  return '^' + merged.join(' ?') + '$'
}
