/**
 * The one way to write a designlint rule. A rule declares its id, a line on
 * what it checks, how the document's status bears on it, the messages it can
 * report (under stable ids, ESLint's `messageId`), the options it takes, and
 * a `check` that reads the shared analysis and reports by message id:
 *
 * ```ts
 * export default defineRule({
 *   id: 'heading-level',
 *   description: "Each section's heading is at the template's depth.",
 *   strictness: 'always',
 *   messages: {'wrong-level': 'Heading "{heading}" is at level {actual}: expected level {expected}'},
 *   check({analysis, report}) { … report('wrong-level', place, {heading, actual, expected}) … },
 * })
 * ```
 *
 * It wraps unified-lint-rule, so a rule is also a unified plugin: origin and
 * documentation link are derived from the id, and a rule used without the
 * designlint plugin (which builds the analysis) fails loudly instead of
 * finding nothing.
 */
import type {Root} from 'mdast'
import type {Plugin, Processor} from 'unified'
import {lintRule} from 'unified-lint-rule'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Analysis} from '../analysis/analysis.js'

declare module 'unified' {
  interface Data {
    /** Set by the designlint plugin before it adds the rules. */
    designlintPlugin?: boolean | undefined
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The rule settings of this file (its nearest config under the options given), set by the designlint plugin. */
    designlintSettings: {rules: Record<string, unknown>}
  }
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** The rule's stable id for this kind of finding (`missing-section`). */
    messageId?: string | undefined
    /** The values filled into the message's text: what the baseline matches on. */
    data?: Record<string, string> | undefined
  }
}

/** The message source of every designlint finding. */
export const source = 'designlint'

const docsBase = 'https://github.com/designlint/designlint/blob/main/rules/'

/** The documentation page of a rule, or of one of its messages. */
export function ruleUrl(id: string, messageId?: string): string {
  return docsBase + id + '.md' + (messageId ? '#' + messageId : '')
}

/**
 * How a document's status bears on a rule's findings: `always` errors, or
 * warnings while the document is a draft (`draft`: all of them; a list: the
 * findings under those message ids).
 */
export type Strictness<Id extends string = string> = 'always' | 'draft' | readonly Id[]

/** An option a rule takes, with its type and default. */
export type OptionSpec =
  | {type: 'boolean'; default: boolean; description: string}
  | {type: 'number'; default: number; description: string}
  | {type: 'string'; default: string; description: string}
  | {type: 'string[]'; default: readonly string[]; description: string}

type OptionValue<Spec extends OptionSpec> = Spec extends {type: 'boolean'}
  ? boolean
  : Spec extends {type: 'number'}
    ? number
    : Spec extends {type: 'string'}
      ? string
      : readonly string[]
export type RuleOptions<Specs extends Record<string, OptionSpec>> = {[Name in keyof Specs]: OptionValue<Specs[Name]>}

/** What a quick fix needs: the replacement(s) for the place, and the text there now. */
export interface Fix {
  expected?: string[] | undefined
  actual?: string | undefined
}

export interface RuleContext<Id extends string, Options> {
  tree: Root
  file: VFile
  analysis: Analysis
  options: Options
  /**
   * Report a finding: the message under `messageId`, its `{name}` slots
   * filled from `data`, at `place` (a span covers exactly the text a quick
   * fix replaces; a point inserts).
   */
  report(messageId: Id, place: Point | Position, data?: Record<string, string | number>, fix?: Fix): VFileMessage
}

export interface RuleSpec<Id extends string, Specs extends Record<string, OptionSpec>> {
  id: string
  description: string
  strictness: Strictness<NoInfer<Id>>
  messages: Record<Id, string>
  options?: Specs
  check(context: RuleContext<Id, RuleOptions<Specs>>): void
}

/** What the registry, the config and the reporters know of a rule. */
export interface RuleMeta {
  id: string
  description: string
  url: string
  strictness: Strictness
  messages: Readonly<Record<string, string>>
  options: Readonly<Record<string, OptionSpec>>
}

export interface DesignlintRule {
  meta: RuleMeta
  /** The unified plugin (unified-lint-rule's: `[severity, options]`). */
  plugin: Plugin<[unknown?], Root>
}

/**
 * A rule setting as its severity (undefined: designlint's own) and its
 * options: a severity, `[severity, options]`, or options alone.
 */
export function splitSetting(setting: unknown): [unknown, unknown] {
  if (Array.isArray(setting)) return [setting[0], setting[1]]
  if (setting && typeof setting === 'object') return [undefined, setting]
  return [setting, undefined]
}

/** Fill a message's `{name}` slots; a slot without data is a bug in the rule. */
export function fillMessage(ruleId: string, messageId: string, template: string, data: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in data)) throw new Error(`designlint rule "${ruleId}": message "${messageId}" needs "${name}"`)
    return data[name]
  })
}

/** Whether a finding's severity follows the document's status. */
export function followsStatus(meta: Pick<RuleMeta, 'strictness'>, messageId: string | undefined): boolean {
  const {strictness} = meta
  if (strictness === 'always') return false
  if (strictness === 'draft') return true
  return messageId !== undefined && strictness.includes(messageId)
}

/** The option values a rule runs with: its defaults, then the given ones. */
function optionValues(meta: Pick<RuleMeta, 'options'>, given: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(meta.options)) values[name] = spec.default
  if (given && typeof given === 'object') Object.assign(values, given)
  return values
}

/**
 * Make a message without the stack trace its `Error` base class would take:
 * a finding's place is in the document, and capturing the rule's call stack
 * was a tenth of the time a run with many findings spent in the rules.
 */
function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}

/** Define a designlint rule. */
export function defineRule<Id extends string, Specs extends Record<string, OptionSpec> = Record<never, OptionSpec>>(
  spec: RuleSpec<Id, Specs>,
): DesignlintRule {
  const meta: RuleMeta = {
    id: spec.id,
    description: spec.description,
    url: ruleUrl(spec.id),
    strictness: spec.strictness,
    messages: spec.messages,
    options: spec.options ?? {},
  }
  const withoutPlugin = `designlint rule "${spec.id}" used without the designlint plugin, which analyses each document for the rules: use the "designlint" plugin (it runs every rule)`
  const lint = lintRule<Root, unknown>({origin: source + ':' + spec.id, url: meta.url}, function (tree, file, given) {
    const analysis = file.data.designlint
    if (!analysis) {
      // The plugin ran but could not pick a preset: that is its own finding.
      if (file.data.designlintRan) return
      throw new Error(withoutPlugin)
    }
    const setting = file.data.designlintSettings?.rules[spec.id]
    const [severity, fileOptions] = splitSetting(setting)
    if (severity === 'off' || severity === 0 || severity === false) return
    const options = optionValues(meta, fileOptions ?? given) as RuleOptions<Specs>
    spec.check({
      tree,
      file,
      analysis,
      options,
      report(messageId, place, data = {}, fix = {}) {
        const strings: Record<string, string> = {}
        for (const [name, value] of Object.entries(data)) strings[name] = String(value)
        const message = withoutStack(() => file.message(fillMessage(spec.id, messageId, spec.messages[messageId], strings), {place}))
        message.messageId = messageId
        message.data = strings
        if (fix.expected) message.expected = fix.expected
        if (fix.actual !== undefined) message.actual = fix.actual
        return message
      },
    })
  })
  function plugin(this: Processor, config?: unknown) {
    if (!this.data('designlintPlugin')) throw new Error(withoutPlugin)
    return lint.call(this, config as never)
  }
  return {meta, plugin: plugin as DesignlintRule['plugin']}
}
