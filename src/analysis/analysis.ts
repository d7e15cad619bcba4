/**
 * The per-document analysis: the document model and its alignment to the
 * template, computed once per file by the designlint plugin before any rule
 * runs, and read by every rule from `file.data.designlint`.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {alignDocument} from '../align/align.js'
import {buildDocument} from '../document/build.js'
import {documentStatus, type DocStatus} from './status.js'
import type {Alignment, DocModel, Preset} from '../template/types.js'

export interface Analysis {
  preset: Preset
  /** Why this preset: `config`, `front matter`, `option`. */
  presetFrom: string
  doc: DocModel
  alignment: Alignment
  status: DocStatus
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

/** Analyse a document against a preset. */
export function analyze(tree: Root, source: string, preset: Preset, presetFrom = 'option'): Analysis {
  return analyzeModel(buildDocument(tree, source), preset, presetFrom)
}

/** Analyse a built document model against a preset. */
export function analyzeModel(doc: DocModel, preset: Preset, presetFrom: string, draftStatuses?: string[]): Analysis {
  return {preset, presetFrom, doc, alignment: alignDocument(preset, doc), status: documentStatus(preset, doc, draftStatuses)}
}

/** The analysis of a file, if the designlint plugin made one. */
export function getAnalysis(file: VFile): Analysis | undefined {
  return file.data.designlint
}
