/** The model of a document: its outline, its blocks and its front matter, with exact places. */
import type {RootContent} from 'mdast'
import type {Point, Position} from 'unist'
import type {PointAt} from '../util/position.js'

/** One heading of a document, as the outline sees it. */
export interface DocHeading {
  /** Index in the document outline. */
  index: number
  depth: number
  /** Plain text of the heading. */
  text: string
  /** Normalised text for matching. */
  normalized: string
  /** The number written before the title (`1.1`), if any. */
  number?: string
  /** Where the `#` markers are (ATX only). */
  markerSpan?: Position
  /** Where the number is written, if any. */
  numberSpan?: Position
  /** Where the title (the text after the number) is written. */
  titleSpan: Position
  /** The whole heading. */
  span: Position
  /** Whether the heading is ATX (`## x`) rather than setext. */
  atx: boolean
  /** Whether the section has content of its own before the next heading. */
  hasContent: boolean
}

export interface DocModel {
  headings: DocHeading[]
  /** Parsed YAML front matter, when there is one and it is a mapping. */
  frontmatter?: Record<string, unknown>
  /** A YAML front matter that could not be parsed, with the reason. */
  frontmatterError?: string
  /** Point just past the end of the document. */
  end: Point
  /** Top-level blocks with the index of the heading they stand under (-1: before any). */
  blocks: DocBlock[]
  /** The front matter's top-level keys, as fields. */
  frontmatterFields: DocField[]
  /** The front matter block, if any. */
  frontmatterSpan?: Position
  /** Where the YAML error is, in the document, when the front matter could not be parsed. */
  frontmatterErrorSpan?: Position
  /** The point of an offset in the document's text (the one offset→point every place is computed with). */
  pointAt: PointAt
}

export interface DocBlock {
  owner: number
  node: RootContent
}

export interface DocField {
  /** Label as written. */
  name: string
  /** Normalised label (`target release`). */
  key: string
  /** Value as written, trimmed. */
  value: string
  /** Where the value is (a point after the label when empty). */
  valueSpan: Position
  /** The whole labelled line. */
  span: Position
  region: 'header' | 'footer' | 'frontmatter'
  /** The raw YAML value, for front matter fields. */
  raw?: unknown
}
