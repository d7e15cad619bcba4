/** Template tables paired with the document's tables, for the table rules. */
import type {Table, TableCell} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {sectionBlocks, type PresentSection} from './sections.js'
import {normalizeWords} from '../util/text.js'
import type {TemplateTable} from '../template/types.js'
import type {Position} from 'unist'
import type {DocHeading, DocModel} from '../document/types.js'
import type {SectionMatch} from '../align/types.js'

export interface TablePair {
  match: SectionMatch
  heading: DocHeading
  template: TemplateTable
  /** The document's table, if one has any of the template's columns. */
  table?: Table
  /** Template column index → document column index (-1: missing). */
  columns: number[]
}

/** Pair each template table of each present section with a document table. */
export function pairTables(sections: readonly PresentSection[], doc: DocModel): TablePair[] {
  const pairs: TablePair[] = []
  for (const {match, heading} of sections) {
    const templates = match.section.content.tables
    if (templates.length === 0) continue
    const tables = sectionBlocks(doc, heading, false)
      .map((block) => block.node)
      .filter((node): node is Table => node.type === 'table')
    const used = new Set<Table>()
    for (const template of templates) {
      const wanted = template.columns.map((column) => normalizeWords(column))
      let best: Table | undefined
      let bestColumns: number[] = wanted.map(() => -1)
      let bestScore = 0
      for (const table of tables) {
        if (used.has(table)) continue
        const have = (table.children[0]?.children ?? []).map((cell) => normalizeWords(toString(cell)))
        const columns = wanted.map((column) => have.indexOf(column))
        const score = columns.filter((index) => index !== -1).length
        if (score > bestScore) {
          best = table
          bestScore = score
          bestColumns = columns
        }
      }
      const pair: TablePair = {match, heading, template, columns: bestColumns}
      if (best) {
        used.add(best)
        pair.table = best
      }
      pairs.push(pair)
    }
  }
  return pairs
}

/** The span of a cell's content (what a quick fix replaces), if it has any. */
export function cellContentSpan(cell: TableCell): Position | undefined {
  const first = cell.children[0]?.position
  const last = cell.children[cell.children.length - 1]?.position
  return first && last ? {start: first.start, end: last.end} : undefined
}
