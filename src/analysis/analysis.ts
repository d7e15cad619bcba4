/**
 * The per-document analysis: what every rule reads, computed once per file by
 * the designlint plugin before any rule runs, and read by the rules from
 * `file.data.designlint`. The model and the alignment are built eagerly (the
 * status needs them); what only some rules read is computed on first use and
 * kept: the present sections, the table pairs, the item fields.
 */
import {alignDocument, isTitle} from '../align/align.js'
import type {Alignment} from '../align/types.js'
import {documentFields} from '../document/fields.js'
import type {DocField, DocHeading, DocModel} from '../document/types.js'
import type {Preset} from '../template/types.js'
import {itemValues, type ItemValue} from './fields.js'
import {presentSections, type PresentSection} from './sections.js'
import {documentStatus, type DocStatus} from './status.js'
import {pairTables, type TablePair} from './tables.js'

export interface Analysis {
  preset: Preset
  /** Why this preset: `config`, `front matter`, `option`. */
  presetFrom: string
  /** The document's text. */
  source: string
  doc: DocModel
  alignment: Alignment
  /** The document heading that stands for the template's title, if any. */
  titleHeading: DocHeading | undefined
  /** The document's metadata fields (header, footer, front matter). */
  fields: DocField[]
  status: DocStatus
  /** Every template section the document has, with each heading that stands for it. */
  presentSections(): readonly PresentSection[]
  /** Each template table of each present section, paired with the document's table. */
  tables(): readonly TablePair[]
  /** The choice fields inside list items (`Status: Open`), one entry per item. */
  itemValues(): readonly ItemValue[]
}

/** What stays on a file after designlint ran (the analysis itself is released). */
export interface AnalysisSummary {
  preset: {name: string; source: string}
  presetFrom: string
  status: {draft: boolean; describe: string}
}

declare module 'vfile' {
  interface DataMap {
    designlint: Analysis
    designlintSummary: AnalysisSummary
    /** Set by the designlint plugin once it has looked at the file (with or without a preset). */
    designlintRan: boolean
  }
}

/** Analyse a built document model against a preset. */
export function analyze(doc: DocModel, source: string, preset: Preset, presetFrom: string, draftStatuses?: string[]): Analysis {
  const alignment = alignDocument(preset, doc)
  const titleHeading = alignment.matches.find(isTitle)?.heading
  const fields = documentFields(doc, source, titleHeading?.index ?? -1)
  const status = documentStatus(preset, fields, draftStatuses)
  let present: PresentSection[] | undefined
  let tables: TablePair[] | undefined
  let items: ItemValue[] | undefined
  const analysis: Analysis = {
    preset,
    presetFrom,
    source,
    doc,
    alignment,
    titleHeading,
    fields,
    status,
    presentSections: () => (present ??= presentSections(alignment)),
    tables: () => (tables ??= pairTables(analysis.presentSections(), doc)),
    itemValues: () => (items ??= itemValues(analysis.presentSections(), doc, source)),
  }
  return analysis
}
