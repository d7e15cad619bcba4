/**
 * designlint's checks as a unified plugin, for a processor whose parser
 * already reads designlint's syntax (src/plugin/plugin.ts adds remark's; the
 * CLI's processor parses with the fast path). Per file, it finds the settings (the options
 * given, over the config file nearest to the document), picks the preset,
 * builds the model, the alignment and the analysis once; every rule of the
 * registry runs on that analysis; then severities are settled (the config's,
 * else the document's status for the findings that follow it), and
 * `<!-- designlint disable|enable|ignore [rule…] -->` comments apply.
 */
import path from 'node:path'
import type {Root} from 'mdast'
import remarkMessageControl from 'remark-message-control'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {ruleMeta, ruleIds, rules} from '../../rules/index.js'
import {analyze} from '../analysis/analysis.js'
import {ConfigError, findConfig, type RuleSetting, type Settings} from '../config/config.js'
import {buildDocument} from '../document/build.js'
import {defaultLimits, exceededLimit, type DocumentLimits, type LimitProblem} from '../markdown/limits.js'
import {selectPreset} from '../preset/select.js'
import {followsStatus, ruleUrl, source, splitSetting} from '../rule/define.js'
import {checkRuleSetting} from '../config/rule-settings.js'

export interface Options extends Settings {
  /**
   * Whether to look for the config file nearest to each document and merge
   * it under these options (default: true when no `preset` is given).
   */
  config?: boolean
}

declare module 'vfile' {
  interface DataMap {
    /** Why the document was not parsed: it is over a limit. */
    designlintLimit: LimitProblem
  }
}

export {defaultPreset} from '../preset/default.js'

export function designlintChecks(this: Processor, options?: Options | null) {
  const given = options ?? {}
  for (const [id, setting] of Object.entries(given.rules ?? {})) {
    const problem = checkRuleSetting(id, setting)
    if (problem) throw new ConfigError(`designlint options: ${problem}`)
  }
  const discover = given.config ?? given.preset === undefined

  this.data('designlintPlugin', true)
  guardParser(this, (file) => ({...defaultLimits, ...fileSettings(given, discover, file).limits}))
  // Every rule runs; a rule turned off for a file, and the options it takes,
  // are read from the file's settings (nested configs differ per folder).
  for (const rule of rules) this.use(rule.plugin, ['error'])
  this.use(function settle() {
    return function (_: Root, file: VFile) {
      settleSeverities(file)
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
    const limit = file.data.designlintLimit
    if (limit) {
      file.data.designlintRan = true
      const message = file.message(limit.reason, {ruleId: 'limit', source: 'designlint', place: {line: limit.line, column: 1}})
      message.fatal = true
      return
    }
    analyzeFile(tree, file, fileSettings(given, discover, file))
  }
}

/**
 * Bound every document before the parser sees it: one over a limit is not
 * parsed (it gets an empty tree) and is marked, so its one finding says why.
 */
function guardParser(processor: Processor, limitsFor: (file: VFile) => DocumentLimits): void {
  const parse = processor.parser
  if (!parse) return
  processor.parser = function guardedParse(document, file) {
    const problem = exceededLimit(document, limitsFor(file))
    if (!problem) return parse(document, file)
    file.data.designlintLimit = problem
    return {type: 'root', children: []}
  }
}

/** The options given, over the config nearest to the file (when discovering). */
function fileSettings(given: Options, discover: boolean, file: VFile): Settings {
  const folder = file.path ? path.dirname(path.resolve(file.cwd, file.path)) : file.cwd
  const found = discover ? findConfig(folder).settings : {}
  const settings: Settings = {rules: {...found.rules, ...given.rules}}
  const preset = given.preset ?? found.preset
  if (preset) settings.preset = preset
  const overrides = given.overrides ?? found.overrides
  if (overrides) settings.overrides = overrides
  const base = given.base ?? found.base
  if (base) settings.base = base
  const draftStatuses = given.draftStatuses ?? found.draftStatuses
  if (draftStatuses) settings.draftStatuses = draftStatuses
  if (found.limits || given.limits) settings.limits = {...found.limits, ...given.limits}
  const templatePaths = given.templatePaths ?? found.templatePaths
  if (templatePaths) settings.templatePaths = templatePaths
  return settings
}

/** Pick the preset for a file, build its model and analysis, store them. */
function analyzeFile(tree: Root, file: VFile, settings: Settings): void {
  file.data.designlintRan = true
  file.data.designlintSettings = {rules: settings.rules ?? {}}
  const source = String(file.value)
  const doc = buildDocument(tree, source)
  const filePath = file.path ? path.resolve(file.cwd, file.path) : undefined
  const selection = selectPreset(doc, filePath, settings, file.cwd)
  const place = tree.position?.start
  if (!selection.preset) {
    const message = file.message(String(selection.error), {ruleId: 'preset', source: 'designlint', ...(place ? {place} : {})})
    message.fatal = true
    return
  }
  if (selection.note) {
    const info = file.message(selection.note, {ruleId: 'preset', source: 'designlint', ...(place ? {place} : {})})
    info.fatal = undefined
  }
  file.data.designlint = analyze(doc, source, selection.preset, selection.from, settings.draftStatuses)
}

/** The severity a rule setting asks for: `undefined` when it leaves it to designlint. */
function configuredFatal(setting: RuleSetting | undefined): boolean | undefined {
  const [severity] = splitSetting(setting)
  if (severity === undefined) return undefined
  return severity === 'error' || severity === 2
}

/**
 * Settle each finding's severity: the config's where it sets the rule's;
 * else an error, except findings that follow the document's status while it
 * is a draft, which are warnings with a note saying why. Each finding links
 * to its message's entry in the rule's page.
 */
function settleSeverities(file: VFile): void {
  const analysis = file.data.designlint
  const configured = (file.data.designlintSettings?.rules ?? {}) as Record<string, RuleSetting>
  for (const message of file.messages) {
    if (message.source !== source || !message.ruleId) continue
    const meta = ruleMeta(message.ruleId)
    if (!meta) continue
    if (message.messageId) message.url = ruleUrl(meta.id, message.messageId)
    const fatal = configuredFatal(configured[meta.id])
    if (fatal !== undefined) {
      message.fatal = fatal
      continue
    }
    message.fatal = true
    if (analysis?.status.draft && followsStatus(meta, message.messageId)) {
      message.fatal = false
      message.note = `A warning while ${analysis.status.describe}; an error once in review.`
    }
  }
}
