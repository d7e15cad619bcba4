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
import {rules} from '../rules/index.js'
import {analyzeModel, getAnalysis} from './analysis.js'
import {strictnessRules} from './status.js'
import {findConfig, type RuleSetting, type Settings} from './config.js'
import {ruleIds, source} from './meta.js'
import {buildDocument} from './model/document.js'
import {loadPreset} from './presets.js'
import {remarkDesignlintSyntax} from './syntax.js'

export interface Options extends Settings {
  /**
   * Whether to look for a config file and merge it under these options
   * (default: true when no `preset` is given).
   */
  config?: boolean
}

/** The preset used when neither the document, the options nor a config name one. */
export const defaultPreset = 'standard'

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
  this.use(remarkMessageControl, {name: source, source, known: [...ruleIds]})

  return function analyzeTransform(tree: Root, file: VFile) {
    analyzeFile(tree, file, settings)
  }
}

/** Make content findings of a draft document warnings, saying why. */
function applyStrictness(file: VFile, configured: Set<string>): void {
  const analysis = getAnalysis(file)
  if (!analysis?.status.draft) return
  for (const message of file.messages) {
    if (message.source !== source || !message.ruleId || !strictnessRules.has(message.ruleId)) continue
    if (configured.has(message.ruleId) || !message.fatal) continue
    message.fatal = false
    message.reason += ` (a warning while ${analysis.status.describe}; an error once in review)`
    message.message = message.reason
  }
}

/** Pick the preset for a file, build its model and alignment, store them. */
function analyzeFile(tree: Root, file: VFile, settings: Settings): void {
  const text = String(file.value)
  const doc = buildDocument(tree, text)
  const fromDoc = doc.frontmatter?.template
  let reference = settings.preset ?? defaultPreset
  let presetFrom = settings.preset ? 'config' : 'default'
  let base = process.cwd()
  if (typeof fromDoc === 'string' && fromDoc.trim()) {
    reference = fromDoc.trim()
    presetFrom = 'front matter'
    base = file.path ? path.dirname(path.resolve(file.cwd, file.path)) : file.cwd
  }
  try {
    const preset = loadPreset(reference, base)
    file.data.designlint = analyzeModel(doc, preset, presetFrom, settings.draftStatuses)
  } catch (error) {
    const message = file.message(String((error as Error).message), {
      ruleId: 'preset',
      source,
      place: tree.position,
    })
    message.fatal = true
  }
}
