/**
 * A fast parse path: markdown-it (CommonMark preset plus GFM tables) reads the
 * block structure and the inline tokens, and a position-recovery layer turns
 * its tokens into the mdast remark-parse gives (with designlint's syntax: YAML
 * front matter and GFM tables), with the same `position` (line, column,
 * offset) on every node designlint reads and the same values.
 *
 * markdown-it gives line maps only. The missing offsets come from two places:
 * the block rules are wrapped so that, when a leaf block is made, the start of
 * each of its lines (after container markers and indentation) is recorded on
 * its token; inline tokens are then laid back on their block's content string
 * in order, and each content offset is mapped to a source offset.
 *
 * Front matter, table rows and cells, link tails (inline or reference) and the
 * original line endings (CRLF, lone CR) are read from the source here.
 */
import MarkdownIt from 'markdown-it'
import type {StateBlock, Token} from 'markdown-it'
import type {
  Blockquote,
  Code,
  Definition,
  Heading,
  Html,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Yaml,
} from 'mdast'
import type {Position} from 'unist'

/** What the block-rule wrappers record on a token: where each of its lines starts. */
interface LineMarks {
  /** The block's indentation in columns (markdown-it's blkIndent). */
  indent: number
  /** Offset of the first non-whitespace character of each line (after container markers). */
  starts: number[]
  /** Offset of each line's start after container markers and the block's indentation. */
  begins: number[]
  /** A fence with no closing fence. */
  unclosed?: boolean
  /** An unclosed fence or HTML block that runs to the end of the document outside any block quote. */
  openToEnd?: boolean
}

/** A definition seen by markdown-it's reference rule. */
interface DefinitionRecord {
  /** Index of the token the definition comes before. */
  tokenIndex: number
  startLine: number
  endLine: number
  marks: LineMarks
  /** The definition's lines with container markers and indentation removed. */
  text: string
}

interface ParseEnv {
  references?: Record<string, unknown>
  definitions: DefinitionRecord[]
  /**
   * The content indentation of each open container, outermost first, as
   * markdown-it's nested tokenize calls set it; -1 for a block quote (whose
   * lines are measured from after its marker).
   */
  indents: number[]
  /** The document's line count (markdown-it's lineMax at the top level). */
  lines: number
}

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean
interface RulerEntry {
  name: string
  fn: BlockRule
  alt: string[]
}

const leafRules = ['table', 'code', 'fence', 'hr', 'html_block', 'heading', 'lheading', 'paragraph']

/**
 * Whether a line tried as a block that would end a paragraph (markdown-it's
 * terminator rules, run silent) does not reach the current container's
 * content (a lazy continuation candidate) and is indented by four columns or
 * more past the deepest container it does reach: then, by CommonMark, no
 * block can start on it, and it continues the open paragraph. markdown-it
 * measures from the innermost container only (its list rule also from the
 * innermost list).
 */
function lazyIndented(state: StateBlock, line: number): boolean {
  const indent = state.sCount[line]
  if (indent >= state.blkIndent || state.parentType !== 'paragraph') return false
  const indents = (state.env as ParseEnv).indents
  let matched = 0
  for (let index = indents.length - 1; index >= 0; index--) {
    const containerIndent = indents[index]
    if (containerIndent < 0) break
    if (containerIndent <= indent) {
      matched = containerIndent
      break
    }
  }
  return indent - matched >= 4
}

/** The HTML block kinds that end at a closing sequence (CommonMark's 1 to 5): start and end. */
const closedHtml: Array<[RegExp, RegExp]> = [
  [/^<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
]

/** Record the line starts of `[startLine, endLine)` from the block state. */
function lineMarks(state: StateBlock, startLine: number, endLine: number): LineMarks {
  const starts: number[] = []
  const begins: number[] = []
  for (let line = startLine; line < endLine; line++) {
    let begin = state.bMarks[line]
    const first = begin + state.tShift[line]
    starts.push(first)
    // A tab after a block quote marker, partly taken as its space: micromark's prefix takes all of it.
    if (begin < first && state.src.charCodeAt(begin) === 9 && state.src.charCodeAt(begin - 1) === 62) begin++
    let column = 0
    let offset = begin
    while (column < state.blkIndent && offset < first) {
      column += state.src.charCodeAt(offset) === 9 ? 4 - (column % 4) : 1
      offset++
    }
    begins.push(offset)
  }
  return {indent: state.blkIndent, starts, begins}
}

/** Build the markdown-it instance with its block rules wrapped to record line starts. */
function createMarkdownIt(): MarkdownIt {
  // The source map has folded line endings and NUL already: markdown-it's own
  // normalize rule would copy every document once more for nothing.
  const md = new MarkdownIt('commonmark').enable('table').disable(['text_join', 'normalize'])
  // Every destination makes a link, as in micromark (markdown-it refuses
  // `javascript:`, `file:` and `data:` ones, a rule for rendering HTML). The
  // tree's URLs are read from the source, so markdown-it's normalising them
  // (percent-encoding, punycode) is work thrown away.
  md.validateLink = () => true
  md.normalizeLink = (url) => url
  md.normalizeLinkText = (text) => text
  // markdown-it's text rule steps over plain characters one by one; a sticky
  // pattern of the same characters (its terminators excluded) does it in the
  // regular-expression engine: a tenth of the parse on the RFCs, same tokens.
  md.inline.ruler.at('text', (state, silent) => {
    plainRun.lastIndex = state.pos
    if (!plainRun.test(state.src)) return false
    const end = Math.min(plainRun.lastIndex, state.posMax)
    if (end === state.pos) return false
    if (!silent) state.pending += state.src.slice(state.pos, end)
    state.pos = end
    return true
  })
  const rules = (md.block.ruler as unknown as {__rules__: RulerEntry[]}).__rules__
  const wrap = (name: string, make: (original: BlockRule) => BlockRule) => {
    const entry = rules.find((rule) => rule.name === name)
    if (!entry) throw new Error(`markdown-it has no block rule ${name}`)
    md.block.ruler.at(name, make(entry.fn), {alt: entry.alt})
  }
  const tokenize = md.block.tokenize
  md.block.tokenize = function (this: MarkdownIt['block'], state: StateBlock, startLine: number, endLine: number) {
    const env = state.env as ParseEnv
    if (env.indents.length === 0) env.lines = state.lineMax
    env.indents.push(state.parentType === 'blockquote' ? -1 : state.blkIndent)
    try {
      tokenize.call(this, state, startLine, endLine)
    } finally {
      env.indents.pop()
    }
  }
  wrap('table', (original) => (state, startLine, endLine, silent) => {
    // A delimiter row of only dashes is a setext underline to micromark: a heading, not a one-column table.
    const next = startLine + 1
    if (next < endLine) {
      const first = state.bMarks[next] + state.tShift[next]
      if (state.src.charCodeAt(first) === 45 && /^-+[ \t]*$/.test(state.src.slice(first, state.eMarks[next]))) return false
    }
    return original(state, startLine, endLine, silent)
  })
  for (const name of leafRules) {
    wrap(name, (original) => (state, startLine, endLine, silent) => {
      if (silent && lazyIndented(state, startLine)) return false
      const before = state.tokens.length
      if (!original(state, startLine, endLine, silent)) return false
      if (silent) return true
      let marks = lineMarks(state, startLine, state.line)
      const env = state.env as ParseEnv
      const toEnd = state.line === env.lines && !env.indents.includes(-1)
      if (name === 'fence') {
        const token = state.tokens[before]
        const last = state.line - 1
        const closing = state.src.slice(state.bMarks[last] + state.tShift[last], state.eMarks[last]).trimEnd()
        const closed =
          last > startLine &&
          state.sCount[last] - state.blkIndent < 4 &&
          closing.length >= token.markup.length &&
          closing === token.markup[0].repeat(closing.length)
        if (!closed) marks = {...marks, unclosed: true, openToEnd: toEnd}
      } else if (name === 'html_block' && toEnd) {
        const first = state.src.slice(marks.starts[0], state.eMarks[startLine])
        const kind = closedHtml.find(([start]) => start.test(first))
        if (kind && !kind[1].test(state.tokens[before].content)) marks = {...marks, openToEnd: true}
      }
      for (let index = before; index < state.tokens.length; index++) {
        const token = state.tokens[index]
        if (token.nesting >= 0 && !token.meta) token.meta = marks
      }
      return true
    })
  }
  wrap('reference', (original) => (state, startLine, endLine, silent) => {
    if (!original(state, startLine, endLine, silent)) return false
    if (silent) return true
    const env = state.env as ParseEnv
    env.definitions.push({
      tokenIndex: state.tokens.length,
      startLine,
      endLine: state.line,
      marks: lineMarks(state, startLine, state.line),
      text: state.getLines(startLine, state.line, state.blkIndent, false).replace(/^[ \t]+/, ''),
    })
    return true
  })
  for (const name of ['blockquote', 'list']) {
    wrap(name, (original) => (state, startLine, endLine, silent) => {
      if (silent && lazyIndented(state, startLine)) return false
      const before = state.tokens.length
      const start = state.bMarks[startLine] + state.tShift[startLine]
      if (!original(state, startLine, endLine, silent)) return false
      if (silent) return true
      for (let index = before; index < state.tokens.length; index++) {
        const token = state.tokens[index]
        if (token.meta || token.nesting !== 1 || !token.map) continue
        if (token.type === 'blockquote_open') token.meta = {start}
        if (token.type === 'list_item_open' || token.type.endsWith('_list_open')) {
          token.meta = {start: state.bMarks[token.map[0]] + state.tShift[token.map[0]]}
        }
      }
      return true
    })
  }
  return md
}

/** A run of characters that are not markdown-it's inline terminators (its text rule's `isTerminatorChar`). */
const plainRun = /[^\n!#$%&*+\-:<=>@[\\\]^_`{}~]+/y

let markdownIt: MarkdownIt | undefined

/**
 * The source as markdown-it reads it and the way back: line endings become
 * `\n` (a CRLF loses a character, recorded), NUL becomes U+FFFD.
 */
class SourceMap {
  readonly normalized: string
  /** Normalized offsets of the `\n`s that were CRLF, ascending. */
  private readonly crlf: number[] = []
  /** Normalized offsets where lines start. */
  readonly lineStarts: number[] = [0]

  constructor(readonly original: string) {
    let normalized = ''
    let last = 0
    // Most documents have neither: then the loop has nothing to fold.
    const folds = original.includes('\r') || original.includes('\u0000')
    for (let index = 0; folds && index < original.length; index++) {
      const code = original.charCodeAt(index)
      if (code === 13) {
        normalized += original.slice(last, index)
        if (original.charCodeAt(index + 1) === 10) {
          this.crlf.push(normalized.length)
          index++
        }
        normalized += '\n'
        last = index + 1
      } else if (code === 0) {
        normalized += `${original.slice(last, index)}\uFFFD`
        last = index + 1
      }
    }
    this.normalized = last === 0 ? original : normalized + original.slice(last)
    const text = this.normalized
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      this.lineStarts.push(index + 1)
    }
  }

  /** The original offset of a normalized offset. */
  toOriginal(offset: number): number {
    if (this.crlf.length === 0) return offset
    let low = 0
    let high = this.crlf.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.crlf[middle] < offset) low = middle + 1
      else high = middle
    }
    return offset + low
  }

  /** The line `lineOf` found last: nodes come in source order, so the next offset is mostly on it or just after. */
  private lastLine = 0

  /** The 0-based line of a normalized offset. */
  lineOf(offset: number): number {
    const starts = this.lineStarts
    const last = this.lastLine
    let line: number
    if (starts[last] <= offset && (last + 1 === starts.length || offset < starts[last + 1])) line = last
    else if (starts[last + 1] <= offset && (last + 2 === starts.length || offset < starts[last + 2])) line = last + 1
    else line = this.searchLine(offset)
    this.lastLine = line
    return line
  }

  private searchLine(offset: number): number {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.lineStarts[middle] <= offset) low = middle
      else high = middle - 1
    }
    return low
  }

  /** Normalized offset of the end of a 0-based line (its `\n` or the end). */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1]
    return next === undefined ? this.normalized.length : next - 1
  }

  /** A unist point for a normalized offset. */
  point(offset: number) {
    const line = this.lineOf(offset)
    const original = this.toOriginal(offset)
    return {line: line + 1, column: original - this.toOriginal(this.lineStarts[line]) + 1, offset: original}
  }

  /** A unist position for `[start, end)` in normalized offsets. */
  position(start: number, end: number): Position {
    return {start: this.point(start), end: this.point(end)}
  }

  /** Give a value's `\n`s back their original line endings; `line` is the line of its first `\n`'s line. */
  restoreLineEndings(value: string, firstLine: number): string {
    if (this.normalized === this.original || !value.includes('\n')) return value
    let line = firstLine
    return value.replace(/\n/g, () => {
      const end = this.lineEnd(line++)
      const original = this.toOriginal(end)
      return this.original.charCodeAt(original) === 13 ? (this.original.charCodeAt(original + 1) === 10 ? '\r\n' : '\r') : '\n'
    })
  }

  /** The original line ending at a normalized `\n` offset. */
  lineEndingAt(offset: number): string {
    if (this.normalized === this.original) return '\n'
    const original = this.toOriginal(offset)
    if (this.original.charCodeAt(original) !== 13) return '\n'
    return this.original.charCodeAt(original + 1) === 10 ? '\r\n' : '\r'
  }
}

/** Where a leading YAML front matter block ends, as remark-frontmatter reads it. */
function frontMatter(text: string): {value: string; end: number; firstLine: number} | undefined {
  const open = /^---[ \t]*(?:\n|$)/.exec(text)
  if (!open || open[0].length === text.length) return undefined
  const close = /(?:^|\n)---[ \t]*(?=\n|$)/g
  close.lastIndex = open[0].length - 1
  const match = close.exec(text)
  if (!match) return undefined
  const valueStart = open[0].length
  const closeStart = match.index + (match[0].startsWith('\n') ? 1 : 0)
  const value = closeStart > valueStart ? text.slice(valueStart, closeStart - 1) : ''
  return {value, end: match.index + match[0].length, firstLine: 1}
}

/** Whether a character code is a space or a tab (NaN, past the end of a string, is neither). */
function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9
}

/** Whether a character code is a space or a line feed. */
function isSpaceOrNewline(code: number): boolean {
  return code === 32 || code === 10
}

/** Whether a character code is a space, a tab or a line feed. */
function isSpaceTabOrNewline(code: number): boolean {
  return code === 32 || code === 9 || code === 10
}

/** How many spaces and tabs a text ends with. */
function trailingBlanks(text: string): number {
  let end = text.length
  while (end > 0 && isSpaceOrTab(text.charCodeAt(end - 1))) end--
  return text.length - end
}

/** A line with up to `columns` columns of leading whitespace removed. */
function stripColumns(line: string, columns: number): string {
  let width = 0
  let index = 0
  while (index < line.length && width < columns && (line[index] === ' ' || line[index] === '\t')) {
    width += line[index] === '\t' ? 4 - (width % 4) : 1
    index++
  }
  return line.slice(index)
}

/** mdast's identifier for a label: whitespace collapsed, case folded. */
function identifierOf(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase()
}

/** Plain text of inline tokens, as mdast's `alt` reads it. */
function plainText(tokens: Token[] | null): string {
  let result = ''
  for (const token of tokens ?? []) {
    if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline' || token.type === 'html_inline') {
      result += token.content
    } else if (token.type === 'softbreak') result += '\n'
    else if (token.type === 'image') result += plainText(token.children)
  }
  return result
}

/**
 * Where the lines of an inline token's content start in it and in the
 * source (a table cell: one line), and the line last looked up.
 */
interface ContentMap {
  lineStarts: number[]
  sourceStarts: number[]
  line: number
}

/** The source offset of an offset in an inline token's content. */
function sourceOffset(map: ContentMap, offset: number): number {
  const {lineStarts} = map
  let line = map.line
  while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++
  while (line > 0 && lineStarts[line] > offset) line--
  map.line = line
  return map.sourceStarts[line] + offset - lineStarts[line]
}

type LinkTail =
  | {kind: 'inline'; url: string; title: string | null; end: number}
  | {kind: 'reference'; referenceType: 'full' | 'collapsed' | 'shortcut'; label: string; end: number}

/**
 * The converter of one document: block tokens to mdast, with the source map
 * and markdown-it's environment (for references).
 */
class Converter {
  constructor(
    private readonly md: MarkdownIt,
    private readonly source: SourceMap,
    private readonly env: ParseEnv,
  ) {}

  /** The last run of definitions on consecutive lines: where it starts, the line after it, its indentation. */
  private definitionRun: {start: number; endLine: number; indent: number} | undefined

  private get text(): string {
    return this.source.normalized
  }

  /** The end of a line's content: its `\n`, or trailing whitespace trimmed when `trim`. */
  private lineEnd(line: number, trim = false): number {
    let end = this.source.lineEnd(line)
    if (trim) while (end > 0 && isSpaceOrTab(this.text.charCodeAt(end - 1))) end--
    return end
  }

  /** Convert a token list (top level) into root children. */
  blocks(tokens: Token[]): RootContent[] {
    const root: RootContent[] = []
    const stack: Array<{node: Nodes & {children: unknown[]}; token: Token; index: number}> = []
    const append = (node: RootContent) => {
      const parent = stack.at(-1)
      if (parent) parent.node.children.push(node)
      else root.push(node)
    }
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]
      const map = token.map
      if (this.env.definitions.length > 0) this.definitionsBefore(index, append)
      switch (token.type) {
        case 'paragraph_open':
        case 'heading_open': {
          const inline = tokens[index + 1]
          const marks = token.meta as LineMarks
          const [startLine, endLine] = map as [number, number]
          const node =
            token.type === 'paragraph_open'
              ? ({type: 'paragraph', children: []} as Paragraph)
              : ({type: 'heading', depth: Number(token.tag.slice(1)), children: []} as unknown as Heading)
          const setext = token.type === 'heading_open' && token.markup !== '#'.repeat(Number(token.tag.slice(1)))
          // micromark's setext heading takes in the definitions right before it (its paragraph's start).
          const headingStart = setext && this.definitionRun?.endLine === startLine ? this.definitionRun.start : marks.starts[0]
          node.position = this.source.position(headingStart, this.lineEnd(endLine - 1))
          const contentLines = setext ? endLine - startLine - 1 : endLine - startLine
          node.children = this.inlineContent(inline, marks, contentLines, token.type === 'heading_open' && !setext)
          append(node)
          index += 2
          break
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const start = token.attrGet('start')
          const list = {
            type: 'list',
            ordered: token.type === 'ordered_list_open',
            start: token.type === 'ordered_list_open' ? (start === null ? 1 : Number(start)) : null,
            spread: false,
            children: [],
          } as unknown as List
          list.position = this.source.position((token.meta as {start: number}).start, 0)
          append(list)
          stack.push({node: list, token, index})
          break
        }
        case 'list_item_open': {
          const item = {type: 'listItem', spread: false, checked: null, children: []} as unknown as ListItem
          const start = (token.meta as {start: number}).start
          item.position = this.source.position(start, start + token.markup.length)
          append(item)
          stack.push({node: item, token, index})
          break
        }
        case 'blockquote_open': {
          const quote = {type: 'blockquote', children: []} as unknown as Blockquote
          const [startLine, endLine] = map as [number, number]
          // markdown-it's map of an empty block quote takes in a blank line after it.
          let lastLine = endLine - 1
          while (lastLine > startLine && this.isBlank(lastLine)) lastLine--
          quote.position = this.source.position((token.meta as {start: number}).start, this.lineEnd(lastLine))
          append(quote)
          stack.push({node: quote, token, index})
          break
        }
        case 'bullet_list_close':
        case 'ordered_list_close':
        case 'list_item_close':
        case 'blockquote_close': {
          const frame = stack.pop()
          if (!frame) break
          this.definitionsBefore(index, (node) => frame.node.children.push(node))
          if (frame.node.type === 'blockquote') break
          const node = frame.node as List | ListItem
          const last = node.children.at(-1)
          const position = node.position as Position
          if (last?.position) position.end = {...last.position.end}
          else if (node.type === 'list') position.end = {...position.start}
          else position.end = this.source.point(this.lineEnd(this.source.lineOf((frame.token.meta as {start: number}).start)))
          const quote = stack.findLast((entry) => entry.node.type === 'blockquote')
          const nextLine = position.end.line
          if (node.type === 'list' && quote && nextLine < (quote.token.map as [number, number])[1] && this.isQuotedBlank(nextLine)) {
            position.end = this.source.point(this.lineEnd(nextLine))
          }
          if (node.type === 'list') {
            node.spread = !(tokens[index - 1] && this.isTight(frame.token, frame.index, tokens, index))
          }
          break
        }
        case 'code_block':
        case 'fence': {
          // An item after: micromark runs an unclosed fence on to it (see test/parse-diff.test.ts).
          append(this.code(token, tokens[index + 1]?.type === 'list_item_close' && tokens[index + 2]?.type === 'list_item_open'))
          break
        }
        case 'html_block': {
          const marks = token.meta as LineMarks
          const [startLine, endLine] = map as [number, number]
          if (marks.openToEnd) {
            // Unclosed to the end of the document: micromark keeps every line, the last line ending too.
            const content = this.text.endsWith('\n') ? token.content : token.content.replace(/\n$/, '')
            const node = {type: 'html', value: this.source.restoreLineEndings(content, startLine)} as Html
            node.position = this.source.position(marks.begins[0], this.text.length)
            append(node)
            break
          }
          let lastLine = endLine - 1
          while (lastLine > startLine && this.isBlank(lastLine)) lastLine--
          const value = token.content.replace(/\n+$/, (match) => match.slice(0, match.length - 1 - (endLine - 1 - lastLine)))
          const node = {type: 'html', value: this.source.restoreLineEndings(value.replace(/\n$/, ''), startLine)} as Html
          node.position = this.source.position(marks.begins[0], this.lineEnd(lastLine))
          append(node)
          break
        }
        case 'hr': {
          const marks = token.meta as LineMarks
          append({type: 'thematicBreak', position: this.source.position(marks.starts[0], this.lineEnd((map as [number, number])[0]))})
          break
        }
        case 'table_open': {
          append(this.table(token))
          while (index < tokens.length && tokens[index].type !== 'table_close') index++
          break
        }
        default:
          break
      }
    }
    this.definitionsBefore(Number.POSITIVE_INFINITY, (node) => root.push(node))
    return root
  }

  /** Whether a list's paragraphs are hidden (markdown-it's tight list). */
  private isTight(open: Token, openIndex: number, tokens: Token[], closeIndex: number): boolean {
    for (let index = openIndex + 1; index < closeIndex; index++) {
      const token = tokens[index]
      if (token.type === 'paragraph_open' && token.level === open.level + 2) return token.hidden
    }
    return true
  }

  /** Whether a line has nothing but block quote markers and whitespace. */
  private isQuotedBlank(line: number): boolean {
    return /^[ \t>]*$/.test(this.text.slice(this.source.lineStarts[line], this.source.lineEnd(line)))
  }

  private isBlank(line: number): boolean {
    return this.text.slice(this.source.lineStarts[line], this.source.lineEnd(line)).trim() === ''
  }

  /** Emit the definitions markdown-it read before the token at `tokenIndex`, in order. */
  private definitionsBefore(tokenIndex: number, append: (node: RootContent) => void): void {
    const pending = this.env.definitions
    while (pending.length > 0 && pending[0].tokenIndex <= tokenIndex) {
      const record = pending.shift() as DefinitionRecord
      const run = this.definitionRun
      if (run?.endLine === record.startLine && run.indent === record.marks.indent) run.endLine = record.endLine
      else this.definitionRun = {start: record.marks.starts[0], endLine: record.endLine, indent: record.marks.indent}
      const definition = this.definition(record)
      if (definition) append(definition)
    }
  }

  /** A definition node from what markdown-it's reference rule consumed. */
  private definition(record: DefinitionRecord): Definition | undefined {
    const text = record.text
    const state = new this.md.inline.State(text, this.md, this.env, [])
    const labelEnd = this.md.helpers.parseLinkLabel(state, 0, false)
    if (labelEnd < 0) return undefined
    const label = text.slice(1, labelEnd)
    let position = labelEnd + 2
    while (position < text.length && isSpaceTabOrNewline(text.charCodeAt(position))) position++
    const destination = this.md.helpers.parseLinkDestination(text, position, text.length)
    const url = destination.str
    position = destination.pos
    let title: string | null = null
    const beforeTitle = position
    while (position < text.length && isSpaceTabOrNewline(text.charCodeAt(position))) position++
    if (position > beforeTitle) {
      const parsed = this.md.helpers.parseLinkTitle(text, position, text.length)
      if (parsed.ok) {
        const after = text.slice(parsed.pos)
        const rest = /^[ \t]*(?:\n|$)/.exec(after)
        if (rest) {
          title = parsed.str || null
        }
      }
    }
    const lastLine = record.endLine - 1
    const node: Definition = {
      type: 'definition',
      identifier: identifierOf(label),
      label: this.md.utils.unescapeAll(label),
      title,
      url,
      position: this.source.position(record.marks.starts[0], this.lineEnd(lastLine)),
    }
    return node
  }

  /**
   * The last line of an indented code block as micromark reads it: the
   * whitespace-only lines after it belong to it up to the last one indented
   * by at least `columns`.
   */
  private lastIndentedLine(lastLine: number, columns: number): number {
    let result = lastLine
    for (let line = lastLine + 1; line < this.source.lineStarts.length; line++) {
      const text = this.text.slice(this.source.lineStarts[line], this.source.lineEnd(line))
      if (text.trim() !== '') break
      let width = 0
      for (const char of text) width += char === '\t' ? 4 - (width % 4) : 1
      if (width >= columns) result = line
    }
    return result
  }

  /** An indented or fenced code block. */
  private code(token: Token, beforeItem = false): Code {
    const marks = token.meta as LineMarks
    const [startLine, endLine] = token.map as [number, number]
    if (token.type === 'code_block') {
      const lastLine = this.lastIndentedLine(endLine - 1, marks.indent + 4)
      let value = token.content.replace(/\n$/, '')
      for (let line = endLine; line <= lastLine; line++) {
        value += `\n${stripColumns(this.text.slice(this.source.lineStarts[line], this.source.lineEnd(line)), marks.indent + 4)}`
      }
      value = value.replace(/\n+$/, '')
      return {
        type: 'code',
        lang: null,
        meta: null,
        value: this.source.restoreLineEndings(value, startLine),
        position: this.source.position(marks.begins[0], this.lineEnd(lastLine)),
      }
    }
    const info = token.info.trim()
    const split = /^(\S+)(?:[ \t]+([\s\S]*))?$/.exec(info)
    const unescape = this.md.utils.unescapeAll
    const lang = split ? unescape(split[1]) : null
    const meta = split?.[2] ? unescape(split[2]).trim() || null : null
    let value = token.content.replace(/\n$/, '')
    // Unclosed and ended by its container: micromark leaves out a last line that is empty.
    if (marks.unclosed && !marks.openToEnd && !beforeItem && value.endsWith('\n')) value = value.slice(0, -1)
    return {
      type: 'code',
      lang,
      meta,
      value: this.source.restoreLineEndings(value, startLine + 1),
      position: this.source.position(marks.starts[0], marks.openToEnd ? this.text.length : this.lineEnd(endLine - 1)),
    }
  }

  /** A GFM table, rows and cells read from the source lines. */
  private table(token: Token): Table {
    const marks = token.meta as LineMarks
    const [startLine, endLine] = token.map as [number, number]
    const rows: TableRow[] = []
    let align: Table['align'] = []
    for (let line = startLine; line < endLine; line++) {
      const start = marks.starts[line - startLine]
      const end = this.lineEnd(line, true)
      const cells = this.splitRow(start, end, this.lineEnd(line))
      if (line === startLine + 1) {
        align = cells.map(([cellStart, cellEnd]) => {
          const spec = this.text.slice(cellStart, cellEnd).replace(/\|/g, '').trim()
          const left = spec.startsWith(':')
          const right = spec.endsWith(':')
          return left && right ? 'center' : left ? 'left' : right ? 'right' : null
        })
        continue
      }
      const row: TableRow = {type: 'tableRow', children: [], position: this.source.position(start, this.lineEnd(line))}
      for (const [cellStart, cellEnd, contentStart, contentEnd] of cells) {
        const cell: TableCell = {type: 'tableCell', children: [], position: this.source.position(cellStart, cellEnd)}
        if (contentEnd > contentStart) {
          const content = this.text.slice(contentStart, contentEnd)
          const inline = this.md.parseInline(content, this.env)[0]
          cell.children = this.inline(inline.children ?? [], content, {lineStarts: [0], sourceStarts: [contentStart], line: 0}, true)
        }
        row.children.push(cell)
      }
      rows.push(row)
    }
    return {
      type: 'table',
      align,
      children: rows,
      position: this.source.position(marks.starts[0], this.lineEnd(endLine - 1)),
    }
  }

  /**
   * Cells of a table row in `[start, end)`: `[cellStart, cellEnd, contentStart, contentEnd]`,
   * a cell running from its leading pipe to before the next (the last one to
   * after its closing pipe), its content trimmed.
   */
  private splitRow(start: number, end: number, lineEnd: number): Array<[number, number, number, number]> {
    const text = this.text
    const pipes: number[] = []
    for (let offset = start; offset < end; offset++) {
      const char = text[offset]
      if (char === '\\') offset++
      else if (char === '|') pipes.push(offset)
    }
    const bounds: number[] = []
    if (pipes[0] !== start) bounds.push(start)
    bounds.push(...pipes)
    const trailing = pipes.at(-1) === end - 1
    if (!trailing) bounds.push(end)
    const cells: Array<[number, number, number, number]> = []
    for (let index = 0; index + 1 < bounds.length; index++) {
      const cellStart = bounds[index]
      const last = index + 2 === bounds.length
      const cellEnd = last ? lineEnd : bounds[index + 1]
      let contentStart = text[cellStart] === '|' ? cellStart + 1 : cellStart
      let contentEnd = last && trailing ? end - 1 : cellEnd
      while (contentStart < contentEnd && isSpaceOrTab(text.charCodeAt(contentStart))) contentStart++
      while (contentEnd > contentStart && isSpaceOrTab(text.charCodeAt(contentEnd - 1))) contentEnd--
      cells.push([cellStart, cellEnd, contentStart, contentEnd])
    }
    return cells
  }

  /**
   * The phrasing children of a paragraph or heading: the inline token's
   * content is its lines joined by `\n`, each line's leading whitespace from
   * the second on not in the source's text; `atx` finds the content after the
   * opening `#`s.
   */
  private inlineContent(inline: Token, marks: LineMarks, lines: number, atx: boolean): PhrasingContent[] {
    const content = inline.content
    if (content === '') return []
    const lineStarts: number[] = []
    const sourceStarts: number[] = []
    let offset = 0
    for (let line = 0; line < lines; line++) {
      let contentStart = offset
      while (line > 0 && isSpaceOrTab(content.charCodeAt(contentStart))) contentStart++
      lineStarts.push(contentStart)
      let sourceStart = marks.starts[line]
      if (atx && line === 0) {
        sourceStart = this.text.indexOf(content, sourceStart)
      }
      sourceStarts.push(sourceStart)
      const next = content.indexOf('\n', offset)
      if (next === -1) break
      offset = next + 1
    }
    return this.inline(inline.children ?? [], content, {lineStarts, sourceStarts, line: 0}, false)
  }

  /** Inline tokens laid on `content` to mdast phrasing content. */
  private inline(tokens: Token[], content: string, map: ContentMap, inTable: boolean): PhrasingContent[] {
    const toSource = (offset: number) => sourceOffset(map, offset)
    const root: PhrasingContent[] = []
    const stack: Array<{node: PhrasingContent & {children: PhrasingContent[]}; start: number; token: Token}> = []
    const append = (node: PhrasingContent) => {
      const parent = stack.at(-1)
      if (parent) parent.node.children.push(node)
      else root.push(node)
    }
    let cursor = 0
    /** The pending text node: value, source (normalized) offsets, and how many blanks end the value. */
    let run: {value: string; start: number; end: number; blanks: number} | undefined
    const position = (start: number, end: number) => this.source.position(toSource(start), toSource(end))
    const flush = () => {
      if (!run) return
      append({type: 'text', value: run.value, position: this.source.position(run.start, run.end)})
      run = undefined
    }
    const addText = (value: string, start: number, end: number) => {
      const blanks = trailingBlanks(value)
      if (run) {
        run.value += value
        run.blanks = blanks === value.length ? run.blanks + blanks : blanks
        run.end = toSource(end)
      } else run = {value, start: toSource(start), end: toSource(end), blanks}
    }
    const find = (needle: string) => {
      const found = content.indexOf(needle, cursor)
      return found === -1 ? cursor : found
    }
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]
      switch (token.type) {
        case 'text': {
          if (token.content === '') break
          const start = find(token.content)
          cursor = start + token.content.length
          addText(token.content, start, cursor)
          break
        }
        case 'text_special': {
          const start = find(token.markup)
          cursor = start + token.markup.length
          addText(token.content, start, cursor)
          break
        }
        case 'softbreak': {
          const newline = content.indexOf('\n', cursor)
          const sourceNewline = toSource(newline)
          const lineEnding = this.source.lineEndingAt(sourceNewline)
          if (run) {
            // The line's trailing blanks go (counted as the run grew: it may hold many lines).
            const kept = run.value.length - run.blanks
            // A run of only the line's trailing whitespace: the text starts at the line ending.
            if (kept === 0) run.start = sourceNewline
            run.value = (run.blanks > 0 ? run.value.slice(0, kept) : run.value) + lineEnding
            run.blanks = 0
            run.end = sourceNewline + 1
          } else run = {value: lineEnding, start: sourceNewline, end: sourceNewline + 1, blanks: 0}
          cursor = newline + 1
          while (isSpaceOrTab(content.charCodeAt(cursor))) cursor++
          break
        }
        case 'hardbreak': {
          flush()
          const start = cursor
          const newline = content.indexOf('\n', cursor)
          const sourceNewline = toSource(newline)
          const end = this.source.point(sourceNewline + 1)
          append({type: 'break', position: {start: this.source.point(toSource(start)), end}})
          cursor = newline + 1
          while (isSpaceOrTab(content.charCodeAt(cursor))) cursor++
          break
        }
        case 'code_inline': {
          flush()
          const start = find(token.markup)
          let close = start + token.markup.length
          for (;;) {
            const next = content.indexOf('`', close)
            if (next === -1) {
              close = content.length
              break
            }
            let runEnd = next
            while (content[runEnd] === '`') runEnd++
            if (runEnd - next === token.markup.length) {
              close = runEnd
              break
            }
            close = runEnd
          }
          cursor = close
          const innerStart = start + token.markup.length
          let value = content.slice(innerStart, close - token.markup.length)
          // One space or line ending is stripped from each end when both have one and the span is not all blanks
          // (tested by its ends, not a backtracking pattern: that took the square of a long span's length).
          if (isSpaceOrNewline(value.charCodeAt(0)) && isSpaceOrNewline(value.charCodeAt(value.length - 1)) && /[^ \n]/.test(value)) {
            value = value.slice(1, -1)
          }
          if (value.includes('\n')) {
            let from = innerStart
            value = value.replace(/\n/g, () => {
              const newline = content.indexOf('\n', from)
              from = newline + 1
              return this.source.lineEndingAt(toSource(newline))
            })
          }
          if (inTable) value = value.replace(/\\([\\|])/g, (all, char) => (char === '|' ? char : all))
          append({type: 'inlineCode', value, position: position(start, close)})
          break
        }
        case 'html_inline': {
          flush()
          const start = find(token.content)
          cursor = start + token.content.length
          append({type: 'html', value: token.content, position: position(start, cursor)})
          break
        }
        case 'em_open':
        case 'strong_open': {
          flush()
          const start = find(token.markup)
          cursor = start + token.markup.length
          const node = {type: token.type === 'em_open' ? 'emphasis' : 'strong', children: []} as unknown as PhrasingContent & {
            children: PhrasingContent[]
          }
          append(node)
          stack.push({node, start, token})
          break
        }
        case 'em_close':
        case 'strong_close': {
          flush()
          const frame = stack.pop()
          const start = find(token.markup)
          cursor = start + token.markup.length
          if (frame) frame.node.position = position(frame.start, cursor)
          break
        }
        case 'link_open': {
          flush()
          if (token.markup === 'autolink') {
            const start = find('<')
            const close = content.indexOf('>', start)
            const raw = content.slice(start + 1, close)
            const url = /^[^@\s]+@[^@\s]+$/.test(raw) && !raw.includes(':') ? `mailto:${raw}` : raw
            append({
              type: 'link',
              url,
              title: null,
              children: [{type: 'text', value: raw, position: position(start + 1, close)}],
              position: position(start, close + 1),
            })
            cursor = close + 1
            while (index < tokens.length && tokens[index].type !== 'link_close') index++
            break
          }
          const start = find('[')
          cursor = start + 1
          const node = {type: 'link', children: []} as unknown as PhrasingContent & {children: PhrasingContent[]}
          append(node)
          stack.push({node, start, token})
          break
        }
        case 'link_close': {
          flush()
          const frame = stack.pop()
          if (!frame) break
          const labelEnd = find(']')
          const tail = this.linkTail(content, frame.start + 1, labelEnd)
          cursor = tail.end
          const node = frame.node as unknown as Record<string, unknown>
          if (tail.kind === 'inline') {
            node.url = tail.url
            node.title = tail.title
          } else {
            node.type = 'linkReference'
            node.identifier = identifierOf(tail.label)
            node.label = this.md.utils.unescapeAll(tail.label)
            node.referenceType = tail.referenceType
          }
          frame.node.position = position(frame.start, cursor)
          break
        }
        case 'image': {
          flush()
          const start = find('![')
          const state = new this.md.inline.State(content, this.md, this.env, [])
          const labelEnd = this.md.helpers.parseLinkLabel(state, start + 1, false)
          const tail = this.linkTail(content, start + 2, labelEnd)
          cursor = tail.end
          const alt = plainText(token.children)
          if (tail.kind === 'inline') {
            append({type: 'image', url: tail.url, title: tail.title, alt, position: position(start, cursor)})
          } else {
            append({
              type: 'imageReference',
              alt,
              identifier: identifierOf(tail.label),
              label: this.md.utils.unescapeAll(tail.label),
              referenceType: tail.referenceType,
              position: position(start, cursor),
            })
          }
          break
        }
        default:
          break
      }
    }
    flush()
    return root
  }

  /** What follows a link's or image's label `]` at `labelEnd`, as markdown-it's link rule decides. */
  private linkTail(content: string, labelStart: number, labelEnd: number): LinkTail {
    const helpers = this.md.helpers
    const max = content.length
    const isSpace = (offset: number) => isSpaceTabOrNewline(content.charCodeAt(offset))
    let position = labelEnd + 1
    if (content[position] === '(') {
      position++
      while (position < max && isSpace(position)) position++
      let url = ''
      let title: string | null = null
      const destination = helpers.parseLinkDestination(content, position, max)
      if (destination.ok) {
        url = destination.str
        position = destination.pos
        const beforeTitle = position
        while (position < max && isSpace(position)) position++
        const parsed = helpers.parseLinkTitle(content, position, max)
        if (position < max && beforeTitle !== position && parsed.ok) {
          title = parsed.str || null
          position = parsed.pos
          while (position < max && isSpace(position)) position++
        }
      }
      if (content[position] === ')') return {kind: 'inline', url, title, end: position + 1}
    }
    const after = labelEnd + 1
    if (content[after] === '[') {
      const state = new this.md.inline.State(content, this.md, this.env, [])
      const close = helpers.parseLinkLabel(state, after, false)
      if (close >= 0) {
        const label = content.slice(after + 1, close)
        if (label) return {kind: 'reference', referenceType: 'full', label, end: close + 1}
        return {kind: 'reference', referenceType: 'collapsed', label: content.slice(labelStart, labelEnd), end: close + 1}
      }
    }
    return {kind: 'reference', referenceType: 'shortcut', label: content.slice(labelStart, labelEnd), end: after}
  }
}

/** Whether the text's last line is spaces and tabs only, with no line ending after it. */
function endsWithBlankLine(text: string): boolean {
  let index = text.length - 1
  while (index >= 0 && isSpaceOrTab(text.charCodeAt(index))) index--
  return index < text.length - 1 && (index < 0 || text.charCodeAt(index) === 10)
}

/**
 * Parse Markdown to mdast with markdown-it and recovered positions: the tree
 * remark-parse with designlint's syntax gives, on the fields designlint reads.
 */
export function fastParseMarkdown(value: string): Root {
  markdownIt ??= createMarkdownIt()
  const source = new SourceMap(value)
  const children: RootContent[] = []
  let text = source.normalized
  const front = frontMatter(text)
  if (front) {
    const yaml: Yaml = {
      type: 'yaml',
      value: source.restoreLineEndings(front.value, 1),
      position: source.position(0, front.end),
    }
    children.push(yaml)
    text = text.slice(0, front.end).replace(/[^\n]/g, ' ') + text.slice(front.end)
  }
  const env: ParseEnv = {definitions: [], indents: [], lines: 0}
  // markdown-it drops a last line of only spaces and tabs when no line ending follows it; code and HTML keep it.
  const tokens = markdownIt.parse(endsWithBlankLine(text) ? `${text}\n` : text, env)
  const converter = new Converter(markdownIt, source, env)
  children.push(...converter.blocks(tokens))
  return {type: 'root', children, position: source.position(0, source.normalized.length)}
}
