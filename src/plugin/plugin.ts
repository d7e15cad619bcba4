/**
 * The designlint unified plugin: adds the syntax it reads, analyses each
 * document against its preset once, runs every rule on that analysis, then
 * applies `<!-- designlint disable|enable|ignore [rule…] -->` comments.
 *
 * Used by designlint's CLI, and by remark-cli or the language server through
 * `.remarkrc`: `plugins: [["designlint", {preset: "production"}]]`.
 */
import path from 'node:path'
import type {Root} from 'mdast'
import remarkMessageControl from 'remark-message-control'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {rules} from '../../rules/index.js'
import {analyzeModel, getAnalysis} from '../analysis/analysis.js'
import {isContentFinding} from '../analysis/status.js'
import {findConfig, type RuleSetting, type Settings} from '../config/config.js'
import {ruleIds, source} from '../rule/meta.js'
import {buildDocument} from '../document/build.js'
import {selectPreset} from '../preset/select.js'
import {remarkDesignlintSyntax} from '../markdown/syntax.js'

export interface Options extends Settings {
  /**
   * Whether to look for a config file and merge it under these options
   * (default: true when no `preset` is given).
   */
  config?: boolean
}

export {defaultPreset} from '../preset/select.js'

/** Default severity of each rule: missing or wrong structure is an error. */
const defaultSeverity: Record<string, RuleSetting> = Object.fromEntries(ruleIds.map((id) => [id, 'error']))

export default function designlint(this: Processor, options?: Options | null) {
  const given = options ?? {}
  const discover = given.config ?? given.preset === undefined
  const found = discover ? findConfig(process.cwd()).settings : {}
  const settings: Settings = {
    preset: given.preset ?? found.preset,
    rules: {...found.rules, ...given.rules},
  }
  const overrides = given.overrides ?? found.overrides
  if (overrides) settings.overrides = overrides
  const base = given.base ?? found.base
  if (base) settings.base = base
  const draftStatuses = given.draftStatuses ?? found.draftStatuses
  if (draftStatuses) settings.draftStatuses = draftStatuses

  this.use(remarkDesignlintSyntax)
  for (const id of ruleIds) {
    const setting = settings.rules?.[id] ?? defaultSeverity[id]
    // A bare severity is given as `[severity]`: unified-lint-rule reads a
    // non-array value as the rule's options.
    this.use(rules[id], (Array.isArray(setting) ? setting : [setting]) as never)
  }
  // Status decides strictness: content findings of a draft are warnings,
  // unless the config sets the rule's severity.
  const configured = new Set(Object.keys(settings.rules ?? {}))
  this.use(function strictness() {
    return function (_: Root, file: VFile) {
      applyStrictness(file, configured)
    }
  })
  // Comments control messages; a document that never names designlint has
  // none to read, and is spared a walk over its tree.
  const control = remarkMessageControl({name: source, source, known: [...ruleIds]})
  this.use(function messageControl() {
    return function (tree: Root, file: VFile) {
      if (String(file.value).includes(source)) control(tree, file)
    }
  })
  // Keep a summary, not the analysis: it holds the tree's nodes, and a run
  // over many files must not keep their trees.
  this.use(function release() {
    return function (_: Root, file: VFile) {
      const analysis = file.data.designlint
      if (!analysis) return
      file.data.designlintSummary = {
        preset: {name: analysis.preset.name, source: analysis.preset.source},
        presetFrom: analysis.presetFrom,
        status: {draft: analysis.status.draft, describe: analysis.status.describe},
      }
      delete file.data.designlint
    }
  })

  return function analyzeTransform(tree: Root, file: VFile) {
    analyzeFile(tree, file, settings)
  }
}

/** Make content findings of a draft document warnings, saying why. */
function applyStrictness(file: VFile, configured: Set<string>): void {
  const analysis = getAnalysis(file)
  if (!analysis?.status.draft) return
  for (const message of file.messages) {
    if (message.source !== source || !message.ruleId || !isContentFinding(message)) continue
    if (configured.has(message.ruleId) || !message.fatal) continue
    message.fatal = false
    message.reason += ` (a warning while ${analysis.status.describe}; an error once in review)`
    message.message = message.reason
  }
}

/** Pick the preset for a file, build its model and alignment, store them. */
function analyzeFile(tree: Root, file: VFile, settings: Settings): void {
  const doc = buildDocument(tree, String(file.value))
  const filePath = file.path ? path.resolve(file.cwd, file.path) : undefined
  const selection = selectPreset(doc, filePath, settings, file.cwd)
  if (!selection.preset) {
    const message = file.message(String(selection.error), {ruleId: 'preset', source, place: tree.position?.start})
    message.fatal = true
    return
  }
  if (selection.note) {
    const info = file.message(selection.note, {ruleId: 'preset', source, place: tree.position?.start})
    info.fatal = undefined
  }
  file.data.designlint = analyzeModel(doc, selection.preset, selection.from, settings.draftStatuses)
}
