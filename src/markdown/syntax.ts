/**
 * The Markdown syntax designlint reads: CommonMark plus YAML front matter and
 * GFM tables. Only what the rules need is loaded: GFM autolink literals,
 * strikethrough, task list items and footnotes cost load and parse time and
 * change nothing a rule decides (a task box `[ ]` or a footnote `[^1]` is not
 * a placeholder either way). TeX math is not parsed either: `mathSpans`
 * tells where it is, so its braces are not read as prose.
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

/** A parser with designlint's syntax, for templates and tests. */
function createParser() {
  return unified().use(remarkParse).use(remarkDesignlintSyntax).freeze()
}

/** Parse Markdown to mdast with designlint's syntax. */
export function parseMarkdown(value: string): Root {
  return parser.parse(value)
}

const parser = createParser()

/**
 * The spans of TeX math in Markdown source, as `[start, end)` offsets:
 * `$$ … $$` (over lines too) and `$…$` on one line. The parser does not read
 * math, so its braces and brackets (`$a_{i}$`, `$$\frac{n}{d}$$`) would read
 * as text; a `$` before a digit or a space opens none ("costs $5 and $10").
 */
export function mathSpans(source: string): Array<[number, number]> {
  if (!source.includes('$')) return []
  const spans: Array<[number, number]> = []
  for (const match of source.matchAll(/\$\$[\s\S]+?\$\$|\$(?![\s\d$])[^$\n]+?(?<![\s\\])\$(?!\d)/g)) {
    spans.push([match.index, match.index + match[0].length])
  }
  return spans
}
