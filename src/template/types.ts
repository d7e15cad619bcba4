/**
 * The data model shared by the compiler, the document model, the alignment
 * and the rules. Presets are plain JSON-serialisable data, so a compiled
 * template can be printed, compared and cached.
 */

/** How a document heading is matched against a template heading. */
export type HeadingMatch = (
  /** Normalised text equal to `text`. */
  | {type: 'exact'; text: string}
  /** Normalised text matching a regular expression (placeholders are wildcards). */
  | {type: 'pattern'; source: string}
  /** Any heading at the slot's place (repeatable numbered examples). */
  | {type: 'any'}
) & {
  /** Other accepted titles, normalised (from `alias` annotations). */
  aliases?: string[]
}

export interface TemplateSection {
  /** Stable key: the path of normalised titles from the root, `/`-separated. */
  key: string
  /** Heading depth (1–6). */
  depth: number
  /** Heading text as the template writes it, number included: `1.1 Summary`. */
  text: string
  /** Heading text without its number: `Summary`. */
  title: string
  /** Section number in the template (`1`, `1.1`), if numbered. */
  number?: string
  /** Whether the number is written with a trailing dot (`1.`). */
  numberDot?: boolean
  match: HeadingMatch
  /**
   * A repeatable slot ("Alternative 1", "Alternative 2"; "#### {Entity Name}"):
   * the document needs at least one heading in its place, with any title.
   */
  repeatable: boolean
  /** Not required (part 3 fills this from "(Optional)" and annotations). */
  optional: boolean
  /** Line of the heading in the template. */
  line: number
  /** What the template writes in the section itself (not in subsections). */
  content: SectionContent
  children: TemplateSection[]
}

/** A list of allowed values: `Draft | Review | Approved`, `{S / M / L}`. */
export interface ChoiceList {
  values: string[]
  /** Ends in "etc": any value is accepted. */
  open: boolean
}

/** A block of template text, normalised (see `normalizeProse`). */
export interface TemplateText {
  kind: 'paragraph' | 'item' | 'row' | 'code'
  text: string
  line: number
}

export interface TemplateTable {
  /** Column headers as the template writes them. */
  columns: string[]
  /** Per column: the choices its cells must hold, if the template lists some. */
  choices: Array<ChoiceList | null>
  /** Per column: the template's first cell as written, to tell one left as is. */
  examples: string[]
  line: number
}

export interface TemplateDiagram {
  /** A mermaid block of a diagram type, or a fenced block of ASCII art. */
  kind: 'mermaid' | 'ascii'
  /** The mermaid diagram type (`graph`, `erDiagram`, `sequenceDiagram`). */
  diagramType?: string
  /** The template's block, normalised, to tell one left as is. */
  example: string
  line: number
}

/** A choice field inside list items: `Status: Open/In Progress/Resolved`. */
export interface ItemField {
  name: string
  choices: ChoiceList
  line: number
}

export interface SectionContent {
  texts: TemplateText[]
  tables: TemplateTable[]
  diagrams: TemplateDiagram[]
  itemFields: ItemField[]
}

/** A metadata field: a labelled line under the title or in the footer. */
export interface FieldSpec {
  /** Label as the template writes it: `Target Release`. */
  name: string
  /** Normalised label for matching (`target release`). */
  key: string
  region: 'header' | 'footer' | 'frontmatter'
  /** The template's value as written: `Draft | Review | Approved`, `<Name>`. */
  example: string
  /** How the template writes the line: `**Author:** x`, `**Author**: x`, `- **Author:** x`. */
  form: string
  choices?: ChoiceList
  format?: 'iso-date' | 'date' | 'version'
  line: number
}

export interface Preset {
  /** Preset name (`standard`) or template path. */
  name: string
  /** Where the template came from. */
  source: string
  /** The template's title heading (its single depth-1 heading), if any. */
  title?: TemplateSection
  /** Top-level sections: the title's children, or the template's top headings. */
  sections: TemplateSection[]
  /** Metadata fields, in template order. */
  fields: FieldSpec[]
  /** Template text outside sections (under the title, in the footer). */
  texts: TemplateText[]
  /** Status values under which a document is a draft (content findings are warnings). */
  draftStatuses: string[]
  /** Every placeholder the template writes (`[Name]`, `<Name>`, `{author}`), lower case. */
  placeholders: string[]
}

/** A point in a file (1-based line and column), as unist has it. */
export interface Point {
  line: number
  column: number
  offset?: number
}

export interface Span {
  start: Point
  end: Point
}

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
  markerSpan?: Span
  /** Where the number is written, if any. */
  numberSpan?: Span
  /** Where the title (the text after the number) is written. */
  titleSpan: Span
  /** The whole heading. */
  span: Span
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
  /** Metadata fields found under the title, in the footer and in front matter. */
  fields: DocField[]
  /** The front matter block, if any. */
  frontmatterSpan?: Span
}

export interface DocBlock {
  owner: number
  node: import('mdast').RootContent
}

export interface DocField {
  /** Label as written. */
  name: string
  /** Normalised label (`target release`). */
  key: string
  /** Value as written, trimmed. */
  value: string
  /** Where the value is (a point after the label when empty). */
  valueSpan: Span
  /** The whole labelled line. */
  span: Span
  region: 'header' | 'footer' | 'frontmatter'
  /** The raw YAML value, for front matter fields. */
  raw?: unknown
}

export type MatchStatus =
  /** Found in place. */
  | 'matched'
  /** Found under the right parent, out of order. */
  | 'moved'
  /** Found under another parent. */
  | 'misplaced'
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
  /** For a misplaced section: the document heading it was found under. */
  foundUnder?: DocHeading
}

export interface Alignment {
  /** One entry per template section, in template order (title first). */
  matches: SectionMatch[]
  /** Document heading index → the match it stands for. */
  byHeading: Map<number, SectionMatch>
}
