/**
 * What the template compiler produces: a preset, plain JSON-serialisable
 * data, so a compiled template can be printed, compared and cached.
 */
import type {BlockKind} from '../markdown/blocks.js'
import type {ChoiceList} from '../util/choices.js'

export type {ChoiceList}

/** How a document heading is matched against a template heading. */
export type HeadingMatch =
  /** Normalised text equal to `text`. */
  (
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
  /** Not required: "(Optional)" in the heading, an annotation, or the template's words. */
  optional: boolean
  /**
   * The words that made the section optional, as the template writes them:
   * `(Optional)`, `designlint: optional`, "Omit this section if it's not applicable."
   */
  optionalBecause?: string
  /** Line of the heading in the template. */
  line: number
  /** What the template writes in the section itself (not in subsections). */
  content: SectionContent
  children: TemplateSection[]
}

/** A block of template text, normalised (see `normalizeProse`). */
export interface TemplateText {
  kind: BlockKind
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
  /**
   * The section's instruction text as the template writes it (Markdown, its
   * blocks of template text joined by a blank line): what an inserted
   * missing section holds, so the document shows what to write.
   */
  instructions?: string
  tables: TemplateTable[]
  diagrams: TemplateDiagram[]
  itemFields: ItemField[]
}

/**
 * How a template writes a field: a bold labelled line (`**Author:** x`), a
 * plain `Label: value` line of a paragraph (`Start Date: x`), an item of a
 * list of `Label: value` items (`- Start Date: x`), a row of a two-column
 * table with bold labels (`| **Authors** | x |`), or a front matter key.
 */
export type FieldKind = 'line' | 'plain' | 'item' | 'row' | 'key'

/** A metadata field: a labelled line under the title or in the footer, or a front matter key. */
export interface FieldSpec {
  /** Label as the template writes it: `Target Release`. */
  name: string
  /** Normalised label for matching (`target release`). */
  key: string
  region: 'header' | 'footer' | 'frontmatter'
  /** Where the field was read from. */
  kind: FieldKind
  /** The template's value as written: `Draft | Review | Approved`, `<Name>`. */
  example: string
  /** How the template writes the line: `**Author:** x`, `**Author**: x`, `- **Author:** x`. */
  form: string
  choices?: ChoiceList
  format?: 'iso-date' | 'date' | 'version'
  /**
   * The document may leave the field out: the template says so
   * (`*if applicable*`, a YAML comment "Only required for …"); the words
   * are in `optionalBecause`.
   */
  optional?: boolean
  optionalBecause?: string
  /** The field may be empty: the template says it is filled later ("(leave this empty)"); the words are in `emptyBecause`. */
  mayBeEmpty?: boolean
  emptyBecause?: string
  line: number
}

/**
 * A title the template leaves to fill: each placeholder of it, and the
 * pattern a document's title matches when it still holds that placeholder
 * as the template wrote it.
 */
export interface TitlePlaceholder {
  /** The placeholder as the template writes it: `NNNN`, `Feature Name Here`, `[Feature Name]`. */
  text: string
  /** `mask`: a letter or zero mask for a number (`KEP-NNNN`, `RFC-0000`); `words`: generic words (`Title`). */
  kind: 'mask' | 'words' | 'bracket'
  /** A regular expression over the normalised title that matches a title still holding it. */
  unfilled: string
}

export interface Preset {
  /** Preset name (`standard`) or template path. */
  name: string
  /** Where the template came from. */
  source: string
  /**
   * The template's title heading, if any: its first heading, when that is its
   * only level-1 heading or a placeholder at any level ("Title", "Feature
   * name", `{short title}`).
   */
  title?: TemplateSection
  /** The placeholders of the title, in title order (none for a title of fixed words). */
  titlePlaceholders?: TitlePlaceholder[]
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
