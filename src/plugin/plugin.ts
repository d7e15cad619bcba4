/**
 * The designlint remark plugin: remark-parse with designlint's syntax (YAML
 * front matter, GFM tables), then designlint's checks (src/plugin/checks.ts)
 * on the tree remark gives. Used by remark-cli and the language server
 * through `.remarkrc`: `plugins: [["designlint", {preset: "production"}]]`.
 * designlint's own CLI runs the same checks on the fast parse path instead
 * (src/plugin/processor.ts), and never loads micromark.
 */
import type {Processor} from 'unified'
import {remarkDesignlintSyntax} from '../markdown/syntax.js'
import {designlintChecks, type Options} from './checks.js'

export {defaultPreset, type Options} from './checks.js'

export default function designlint(this: Processor, options?: Options | null) {
  this.use(remarkDesignlintSyntax)
  return designlintChecks.call(this, options)
}
