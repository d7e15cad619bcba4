/**
 * Configuration: one file that designlint's CLI, the remark plugin (so
 * remark-cli) and the language server all read. Found by walking up from the
 * working folder: `.designlintrc.json`, `.designlintrc.yaml`,
 * `.designlintrc.yml`, `.designlintrc`, or a `designlint` key in package.json.
 *
 * ```json
 * {"preset": "production", "rules": {"heading-numbering": "off", "no-empty-sections": "warn"}}
 * ```
 * Rule settings follow remark-lint: `"off" | "warn" | "error"`, `0 | 1 | 2`,
 * `true | false`, or `[severity, options]`.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {parse as parseYaml} from 'yaml'
import {ruleIds} from '../rule/meta.js'
import {isTemplatePath} from '../preset/builtin.js'
import {unknownName} from '../util/similarity.js'
import {DesignlintError} from '../util/errors.js'

export type Severity = 'off' | 'on' | 'warn' | 'error' | 0 | 1 | 2 | boolean
export type RuleSetting = Severity | [Severity, unknown?]

export interface Settings {
  /** A built-in preset name or a template path (resolved to absolute when loaded from a file). */
  preset?: string
  /** Per-rule severity and options. */
  rules?: Record<string, RuleSetting>
  /**
   * Statuses under which a document is a draft, so placeholders, template
   * text and empty sections are warnings (default: the preset's, `Draft`).
   */
  draftStatuses?: string[]
  /**
   * Presets by path: `[{files: "docs/adr/**", preset: "./templates/adr.md"}]`;
   * a later entry wins over an earlier one, a document's front matter
   * `template:` over all.
   */
  overrides?: Override[]
  /** The folder globs and template paths are relative to (the config file's). */
  base?: string
}

export interface Override {
  files: string[]
  preset: string
}

export interface LoadedConfig {
  settings: Settings
  /** The file it came from, if any. */
  file?: string
}

/** A configuration that cannot be read or is wrong: a usage error. */
export class ConfigError extends DesignlintError {
  override name = 'ConfigError'
}

export const configFileNames = ['.designlintrc.json', '.designlintrc.yaml', '.designlintrc.yml', '.designlintrc']

/** Find and load the configuration that applies in `cwd`. */
export function findConfig(cwd: string): LoadedConfig {
  let dir = path.resolve(cwd)
  for (;;) {
    for (const name of configFileNames) {
      const file = path.join(dir, name)
      if (existsSync(file)) return loadConfigFile(file)
    }
    const pkg = path.join(dir, 'package.json')
    if (existsSync(pkg)) {
      const data = readStructured(pkg)
      if (data && typeof data === 'object' && 'designlint' in data) {
        return {settings: validateSettings((data as Record<string, unknown>).designlint, pkg, dir), file: pkg}
      }
    }
    const parent = path.dirname(dir)
    if (parent === dir) return {settings: {}}
    dir = parent
  }
}

/** Load one configuration file. */
export function loadConfigFile(file: string): LoadedConfig {
  const data = readStructured(file)
  return {settings: validateSettings(data, file, path.dirname(file)), file}
}

function readStructured(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError(`cannot read config ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  }
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    throw new ConfigError(`cannot parse config ${file}: ${String((error as Error).message).split('\n')[0]}`)
  }
}

const knownKeys = ['preset', 'rules', 'overrides', 'draftStatuses']

function validateOverrides(value: unknown, where: string, base: string): Override[] {
  if (!Array.isArray(value)) throw new ConfigError(`config ${where}: "overrides" must be a list of {"files": glob, "preset": name or path}`)
  return value.map((entry, index) => {
    const files = entry?.files
    const preset = entry?.preset
    const globs = typeof files === 'string' ? [files] : files
    if (!Array.isArray(globs) || globs.length === 0 || !globs.every((glob) => typeof glob === 'string') || typeof preset !== 'string' || !preset) {
      throw new ConfigError(`config ${where}: overrides[${index}] must have "files" (a glob or a list of globs) and "preset"`)
    }
    return {files: globs, preset: isTemplatePath(preset) ? path.resolve(base, preset) : preset}
  })
}

const severities = new Set<unknown>(['off', 'on', 'warn', 'error', 0, 1, 2, true, false])

/** Check a settings object; template paths are resolved against `base`. */
export function validateSettings(data: unknown, where: string, base: string): Settings {
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`config ${where} must be an object with "preset" and "rules"`)
  }
  const settings: Settings = {base}
  for (const [key, value] of Object.entries(data)) {
    if (key === 'preset') {
      if (typeof value !== 'string' || !value) throw new ConfigError(`config ${where}: "preset" must be a preset name or a template path`)
      settings.preset = isTemplatePath(value) ? path.resolve(base, value) : value
    } else if (key === 'rules') {
      settings.rules = validateRules(value, where)
    } else if (key === 'overrides') {
      settings.overrides = validateOverrides(value, where, base)
    } else if (key === 'draftStatuses') {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        throw new ConfigError(`config ${where}: "draftStatuses" must be a list of status names, such as ["Draft", "Proposed"]`)
      }
      settings.draftStatuses = value
    } else {
      throw new ConfigError(`config ${where}: ${unknownName('key', key, knownKeys)}`)
    }
  }
  return settings
}

function validateRules(value: unknown, where: string): Record<string, RuleSetting> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`config ${where}: "rules" must map rule ids to a severity or [severity, options]`)
  }
  const result: Record<string, RuleSetting> = {}
  for (const [id, setting] of Object.entries(value)) {
    if (!(ruleIds as readonly string[]).includes(id)) {
      throw new ConfigError(`config ${where}: ${unknownName('rule', id, ruleIds)}`)
    }
    const severity = Array.isArray(setting) ? setting[0] : setting
    if (!severities.has(severity)) {
      throw new ConfigError(`config ${where}: rule "${id}" has severity ${JSON.stringify(severity)}; expected "off", "warn" or "error"`)
    }
    result[id] = setting as RuleSetting
  }
  return result
}
