#!/usr/bin/env node
/**
 * designlint's language server (LSP over stdio), on unified-language-server:
 * diagnostics with rule ids, severities and doc links as documents change,
 * and quick fixes from each finding's `expected` (insert a missing section
 * heading, fix a misspelt status). Placeholders carry no `expected`: they are
 * never auto-fixed. A quick fix replaces exactly the finding's place with its
 * `expected`, which is the edit `--fix` applies (src/fix/edits.ts `editOf`):
 * the rules compute each fix once, for both.
 *
 * It runs remark with designlint on every Markdown document; `.remarkrc`
 * files add other remark plugins, and designlint's own config file
 * (`.designlintrc*`) sets the preset and rules, as for the CLI.
 */
import {remark} from 'remark'
import {createUnifiedLanguageServer} from 'unified-language-server'
import type {Plugin, Processor} from 'unified'
import {clearConfigCache} from '../config/config.js'
import designlint, {type Options} from '../plugin/plugin.js'

/**
 * The engine builds a processor for every check of a document, so the plugin
 * is attached per check: config files are read afresh each time, and an
 * edited `.designlintrc` applies at the next check (the engine re-checks open
 * documents when watched files change).
 */
function designlintFresh(this: Processor, options?: Options | null) {
  clearConfigCache()
  return designlint.call(this, options)
}

// designlint takes optional options; the engine's plugin type wants unknown ones.
const plugin = designlintFresh as unknown as Plugin<unknown[]>

createUnifiedLanguageServer({
  configurationSection: 'designlint',
  defaultProcessor: remark,
  ignoreName: '.remarkignore',
  packageField: 'remarkConfig',
  pluginPrefix: 'remark',
  plugins: [plugin],
  processorName: 'remark',
  processorSpecifier: 'remark',
  rcName: '.remarkrc',
})
