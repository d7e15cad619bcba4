/**
 * What the HTML report shows of each document: which template sections it
 * has, from the same alignment the rules read. The designlint plugin releases
 * its analysis once a file is linted, so the report's processor adds a step
 * that runs right after the analysis is built (before the rules) and keeps,
 * as plain data, each template section's status and where it is.
 */
import type {Root} from 'mdast'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {isTitle} from '../align/align.js'
import type {SectionMatch} from '../align/types.js'
import type {Analysis} from '../analysis/analysis.js'
import {designlintParse} from '../markdown/parse.js'
import {designlintChecks, type Options} from '../plugin/checks.js'

/** A section's state in a document, as the report shows it. */
export type SectionState =
  /** Found in place (as a heading or a bold lead-in). */
  | 'present'
  /** Found, with nothing in it (a no-empty-sections finding). */
  | 'empty'
  /** Found under the right parent, out of order. */
  | 'moved'
  /** Found under another parent. */
  | 'misplaced'
  /** Not found; a heading close to its title stands in its place. */
  | 'renamed'
  /** Not found (or its parent is not). */
  | 'missing'
  /** Not found, and optional: nothing is missing. */
  | 'omitted'

/** One template section in one document. */
export interface SectionPlace {
  /** The template section's key (`/`-separated normalised titles). */
  key: string
  state: SectionState
  /** For a missing section: its parent is missing too (so no finding names it). */
  parentMissing?: boolean
  /** The lines each heading that stands for it covers, up to the next heading (end: the last line, or none to the end). */
  ranges: Array<{start: number; end?: number}>
  /** Where a missing section belongs (a required-sections finding is there). */
  insertAt?: {line: number; column: number}
  /** The document's heading, when it stands for the section under another title or elsewhere. */
  heading?: string
}

/** A template section, as a column of the report. */
export interface SectionColumn {
  key: string
  /** The heading text as the template writes it. */
  text: string
  depth: number
  optional: boolean
  repeatable: boolean
}

/** What the report keeps of a document's analysis. */
export interface DocumentSections {
  preset: {name: string; source: string}
  columns: SectionColumn[]
  places: SectionPlace[]
}

declare module 'vfile' {
  interface DataMap {
    /** Set by {@link captureSections}. */
    designlintSections: DocumentSections
  }
}

/** A match's state before the rules run (empty is known from their findings). */
function stateOf(match: SectionMatch): SectionState {
  switch (match.status) {
    case 'matched':
    case 'lead-in':
      return 'present'
    case 'moved':
    case 'misplaced':
    case 'renamed':
      return match.status
    case 'missing':
    case 'skipped':
      return isOptional(match) ? 'omitted' : 'missing'
  }
}

/** Whether a section is optional, or is under an optional section the document leaves out. */
function isOptional(match: SectionMatch): boolean {
  if (match.section.optional) return true
  for (let parent = match.parent; parent; parent = parent.parent) {
    if (parent.section.optional && (parent.status === 'missing' || parent.status === 'skipped')) return true
  }
  return false
}

/** A missing match whose parent is missing too (not looked for, or under a missing parent). */
function underMissing(match: SectionMatch): boolean {
  for (let parent = match.parent; parent; parent = parent.parent)
    if (parent.status === 'missing' || parent.status === 'skipped') return true
  return match.status === 'skipped'
}

/** The sections of a document, from its analysis. */
export function documentSections(analysis: Analysis): DocumentSections {
  const {headings} = analysis.doc
  const columns: SectionColumn[] = []
  const places: SectionPlace[] = []
  for (const match of analysis.alignment.matches) {
    if (isTitle(match)) continue
    const {section} = match
    columns.push({key: section.key, text: section.text, depth: section.depth, optional: section.optional, repeatable: section.repeatable})
    const state = stateOf(match)
    const place: SectionPlace = {key: section.key, state, ranges: []}
    for (const heading of match.instances.length > 0 ? match.instances : match.heading ? [match.heading] : []) {
      const next = headings[heading.index + 1]
      place.ranges.push({start: heading.span.start.line, ...(next ? {end: next.span.start.line - 1} : {})})
    }
    if (match.leadIn && place.ranges.length === 0) place.ranges.push({start: match.leadIn.start.line, end: match.leadIn.end.line})
    if (state === 'missing') {
      place.insertAt = {line: match.insertAt.line, column: match.insertAt.column}
      if (underMissing(match)) place.parentMissing = true
    }
    if ((state === 'renamed' || state === 'misplaced' || state === 'moved') && match.heading) {
      place.heading = '#'.repeat(match.heading.depth) + ' ' + match.heading.text
    }
    places.push(place)
  }
  return {preset: {name: analysis.preset.name, source: analysis.preset.source}, columns, places}
}

/**
 * A plugin to use right after designlint: it runs once the analysis is built
 * (designlint's own rules and its release step come after it) and keeps the
 * document's sections in `file.data.designlintSections`.
 */
export function captureSections() {
  return function capture(_: Root, file: VFile): void {
    const analysis = file.data.designlint
    if (analysis) file.data.designlintSections = documentSections(analysis)
  }
}

/** A processor that lints like designlint's and keeps each document's sections for the report. */
export function createReportProcessor(options: Options) {
  return unified().use(designlintParse).use(designlintChecks, options).use(captureSections).freeze()
}
