/**
 * Rule settings as the config writes them: a severity, `[severity, options]`
 * (remark-lint's forms), or options alone (`{"allow": ["[x]"]}`: the severity
 * stays designlint's, an error that follows the document's status), checked against what each rule declares: unknown
 * rules, unknown options and options of the wrong type are errors.
 */
import {ruleIds, ruleMeta} from '../../rules/index.js'
import {unknownName} from '../util/similarity.js'
import {splitSetting, type OptionSpec} from '../rule/define.js'

const severities = new Set<unknown>(['off', 'on', 'warn', 'error', 0, 1, 2, true, false])

/** What is wrong with a rule setting, in one sentence; undefined when it is right. */
export function checkRuleSetting(id: string, setting: unknown): string | undefined {
  const meta = ruleMeta(id)
  if (!meta) return unknownName('rule', id, ruleIds)
  const [severity, options] = splitSetting(setting)
  if (severity !== undefined && !severities.has(severity))
    return `rule "${id}" has severity ${JSON.stringify(severity)}; expected "off", "warn" or "error"`
  if (options === undefined) return undefined
  if (!options || typeof options !== 'object' || Array.isArray(options)) return `rule "${id}" takes its options as an object`
  const names = Object.keys(meta.options)
  for (const [name, value] of Object.entries(options)) {
    const spec = meta.options[name]
    if (!spec) {
      return names.length === 0
        ? `rule "${id}" takes no options, not "${name}"`
        : unknownName(`option of rule "${id}"`, name, names, 'its options')
    }
    if (!fits(spec, value)) return `option "${name}" of rule "${id}" must be ${describe(spec)}, not ${JSON.stringify(value)}`
  }
  return undefined
}

function fits(spec: OptionSpec, value: unknown): boolean {
  if (spec.type === 'string[]') return Array.isArray(value) && value.every((item) => typeof item === 'string')
  return typeof value === spec.type
}

function describe(spec: OptionSpec): string {
  return spec.type === 'string[]' ? 'a list of strings' : `a ${spec.type}`
}
