/** The alignment of a document's outline to its template's section tree. */
import type {Point, Position} from 'unist'
import type {TemplateSection} from '../template/types.js'
import type {DocHeading} from '../document/types.js'

export type MatchStatus =
  /** Found in place. */
  | 'matched'
  /** Found under the right parent, out of order. */
  | 'moved'
  /** Found under another parent. */
  | 'misplaced'
  /** Not a heading: the section's title opens a paragraph or list item in bold, under its parent. */
  | 'lead-in'
  /** Not found; a near miss stands in its place. */
  | 'renamed'
  /** Not found. */
  | 'missing'
  /** Not looked for: its parent is missing. */
  | 'skipped'

export interface SectionMatch {
  section: TemplateSection
  status: MatchStatus
  /** The document heading standing for the section (for a slot, its first instance). */
  heading?: DocHeading
  /** Every document heading in a repeatable slot. */
  instances: DocHeading[]
  /** The match of the template parent (undefined at the top). */
  parent?: SectionMatch
  /** The closest template sibling before this one that the document has. */
  previous?: SectionMatch
  /** Where a missing section belongs: before this heading, or at `insertAt`. */
  before?: DocHeading
  insertAt: Point
  /** For a section written as a bold lead-in: where its title is. */
  leadIn?: Position
  /** Set on the match of the template's title. */
  title?: boolean
  /** For a misplaced section: the document heading it was found under. */
  foundUnder?: DocHeading
}

export interface Alignment {
  /** One entry per template section, in template order (title first). */
  matches: SectionMatch[]
  /** Document heading index → the match it stands for. */
  byHeading: Map<number, SectionMatch>
}
