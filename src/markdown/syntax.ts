/**
 * The Markdown syntax designlint reads: CommonMark plus YAML front matter and
 * GFM tables. Only what the rules need is loaded: GFM autolink literals,
 * strikethrough, task list items and footnotes cost load and parse time and
 * change nothing a rule decides (a task box `[ ]` or a footnote `[^1]` is not
 * a placeholder either way). TeX math is not parsed either (src/markdown/math.ts).
 *
 * This is the syntax of the remark plugin (remark-cli, the language server)
 * and of the differential that proves the fast path
 * (src/markdown/parse.ts) gives the same trees; designlint's own CLI, workers
 * and template compiler parse with the fast path and never load micromark.
 */
import type {Processor} from 'unified'
import type {Root} from 'mdast'
import {frontmatter} from 'micromark-extension-frontmatter'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const micromarkExtensions = [frontmatter('yaml'), gfmTable()]
const fromMarkdownExtensions = [frontmatterFromMarkdown('yaml'), gfmTableFromMarkdown()]

/**
 * Add designlint's syntax extensions to a processor (once, however often the
 * plugin is used).
 */
export function remarkDesignlintSyntax(this: Processor): undefined {
  const data = this.data()
  const micromark = (data.micromarkExtensions ??= [])
  const fromMarkdown = (data.fromMarkdownExtensions ??= [])
  for (const extension of micromarkExtensions) {
    if (!micromark.includes(extension)) micromark.push(extension)
  }
  for (const extension of fromMarkdownExtensions) {
    if (!fromMarkdown.includes(extension)) fromMarkdown.push(extension)
  }
}

/** Parse Markdown to mdast with remark-parse and designlint's syntax: the reference tree. */
export function parseWithRemark(value: string): Root {
  remarkParser ??= createRemarkParser()
  return remarkParser.parse(value)
}

function createRemarkParser() {
  return unified().use(remarkParse).use(remarkDesignlintSyntax).freeze()
}

let remarkParser: ReturnType<typeof createRemarkParser> | undefined
