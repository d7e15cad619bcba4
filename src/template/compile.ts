/**
 * The template compiler: turns a template's Markdown into a preset. The
 * template is the schema: every built-in preset is compiled from its template
 * file by this function, and so is any team's own template.
 */
import type {Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {parseMarkdown} from '../markdown/syntax.js'
import {regions, templateTitle, type OwnedBlock} from '../markdown/regions.js'
import {escapeRegExp, normalizeWords, splitNumber, stripOptionalMarker} from '../util/text.js'
import type {HeadingMatch, Preset, TemplateSection} from './types.js'
import {applyPresetAnnotations, applySectionAnnotations, annotationsIn} from './annotations.js'
import {fieldSpecs, frontmatterSpecs, sectionContent, templateTexts} from './section-content.js'
import {findPlaceholders, splitPlaceholders} from '../util/placeholders.js'

export interface CompileOptions {
  /** Preset name to record (default: the source). */
  name?: string
  /** Where the template came from (a path or `builtin:standard`). */
  source?: string
}

/** Compile template Markdown into a preset. */
export function compileTemplate(markdown: string, options: CompileOptions = {}): Preset {
  const tree = parseMarkdown(markdown)
  const source = options.source ?? '<template>'
  const {headings, blocks} = collectHeadings(tree)

  const titleIndex = templateTitle(headings)
  const hasTitle = titleIndex !== -1
  const {header: headerAt, footer: footerAt} = regions(blocks, headings.length, titleIndex)
  const outside = new Set([...headerAt, ...footerAt])
  const header = headerAt.map((index) => blocks[index].node)
  const footer = footerAt.map((index) => blocks[index].node)
  headings.forEach((heading, index) => {
    const own = blocks
      .filter((block, at) => block.owner === index && !outside.has(at) && block.node.type !== 'thematicBreak')
      .map((block) => block.node)
    heading.content = sectionContent(own, markdown)
    applySectionAnnotations(heading, annotationsIn(own))
  })

  const roots = nest(headings)
  let title: TemplateSection | undefined
  let sections: TemplateSection[]
  if (hasTitle) {
    title = roots[0]
    title.match = titleMatch(title.title)
    title.repeatable = false
    sections = title.children
  } else {
    sections = roots
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
  const preset: Preset = {
    name: options.name ?? source,
    source,
    ...(title ? {title} : {}),
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
  const text = toString(node).replace(/\s+/g, ' ').trim()
  const {number, dot, rest} = splitNumber(text)
  // "(Optional)", "[optional]", "(If Applicable)": the template says the section may be left out.
  const {text: title, optional} = stripOptionalMarker(rest)
  const section: RawSection = {
    key: '',
    depth: node.depth,
    text,
    title,
    match: headingMatch(title),
    repeatable: false,
    optional,
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
 * How the title heading is matched: its fixed words must be there, the
 * placeholder's place takes any text. A title without a placeholder
 * ("Technical Design Document") is the kind of document: the document's title
 * must contain it ("Payments Ledger — Technical Design Document").
 */
function titleMatch(title: string): HeadingMatch {
  if (splitPlaceholders(title).some((part) => part.kind === 'placeholder')) {
    return {type: 'pattern', source: patternSource(title)}
  }
  // Unbracketed placeholders of titles: a letter mask ("KEP-NNNN"), and the
  // text after a colon ("KEP-NNNN: Your short, descriptive title").
  const masked = title.replace(/\b([A-Z])\1{2,}\b/g, '{mask}')
  const colon = masked.lastIndexOf(':')
  if (colon > 0) return {type: 'pattern', source: patternSource(masked.slice(0, colon + 1) + ' {title}')}
  if (masked !== title) return {type: 'pattern', source: patternSource(masked)}
  return {type: 'pattern', source: '(?:^| )' + escapeRegExp(normalizeWords(title)) + '(?: |$)'}
}

function patternSource(title: string): string {
  const pieces = splitPlaceholders(title)
    .map((part) => (part.kind === 'placeholder' ? '.+' : escapeRegExp(normalizeWords(part.value))))
    .filter(Boolean)
  // Collapse neighbouring wildcards.
  const merged = pieces.filter((piece, index) => !(piece === '.+' && pieces[index - 1] === '.+'))
  return '^' + merged.join(' ?') + '$'
}
