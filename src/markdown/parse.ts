/**
 * designlint's parse stage: Markdown to mdast, as remark-parse with
 * designlint's syntax (CommonMark, YAML front matter, GFM tables) gives it,
 * through the fast path (src/markdown/fast-parse.ts: markdown-it with
 * recovered positions), about 20 times faster. designlint's CLI, its workers,
 * the report command and the template compiler parse here; the remark plugin
 * keeps the tree remark gives it (src/markdown/syntax.ts), and
 * test/parse-diff.test.ts proves the two trees the same.
 */
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import {fastParseMarkdown} from './fast-parse.js'

/** Parse Markdown to mdast with designlint's syntax. */
export function parseMarkdown(value: string): Root {
  return fastParseMarkdown(value)
}

/** A unified parser plugin: the fast path in place of remark-parse. */
export function designlintParse(this: Processor): undefined {
  this.parser = (document: string) => fastParseMarkdown(document)
}
