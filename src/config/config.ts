/**
 * Configuration: one file that designlint's CLI, the remark plugin (so
 * remark-cli) and the language server all read. The config of a document is
 * the nearest one above it, found with lilconfig: in each folder from the
 * document's up to the root, `.designlintrc.json`, `.designlintrc.yaml`,
 * `.designlintrc.yml`, `.designlintrc` (YAML or JSON), or a `designlint` key
 * in package.json. In a monorepo, packages/a/.designlintrc.json applies under
 * packages/a and the root's config everywhere else; they are not merged.
 *
 * ```json
 * {"preset": "production", "rules": {"heading-numbering": "off", "no-empty-sections": "warn"}}
 * ```
 * Rule settings follow remark-lint: `"off" | "warn" | "error"`, `0 | 1 | 2`,
 * `true | false`, or `[severity, options]`.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {lilconfigSync, type LoaderSync} from 'lilconfig'
import {parse as parseYaml} from 'yaml'
import {checkRuleSetting} from './rule-settings.js'
import {isTemplatePath} from '../preset/builtin.js'
import {unknownName} from '../util/similarity.js'
import type {DocumentLimits} from '../markdown/limits.js'
import {DesignlintError, firstLineOf} from '../util/errors.js'
import type {Override} from '../preset/select.js'

/** A rule's severity, as remark-lint writes it. */
export type Severity = 'off' | 'on' | 'warn' | 'error' | 0 | 1 | 2 | boolean
/** A rule's setting: a severity, or a severity and the rule's options. */
/** A severity, `[severity, options]`, or options alone (the severity stays designlint's). */
export type RuleSetting = Severity | [Severity, unknown?] | Record<string, unknown>

/** What a config sets (and the plugin's options, which are the same). */
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
  /**
   * How big a document may be to be checked: `{maxBytes, maxDepth,
   * maxInlineMarks}` (defaults 10 MB, 100 levels, 10,000 marks a paragraph).
   */
  limits?: Partial<DocumentLimits>
  /**
   * Templates a document's front matter `template:` may name outside the
   * repository (paths, resolved against the config's folder).
   */
  templatePaths?: string[]
}

/** A preset for the documents whose path (relative to the config's folder) matches `files`. */
export type {Override}

/** A config as found or loaded: its checked settings and where they came from. */
export interface LoadedConfig {
  settings: Settings
  /** The file it came from, if any. */
  file?: string
}

/** A configuration that cannot be read or is wrong: a usage error. */
export class ConfigError extends DesignlintError {
  override name = 'ConfigError'
}

/** The config files looked for in each folder, before package.json's `designlint` key. */
export const configFileNames = ['.designlintrc.json', '.designlintrc.yaml', '.designlintrc.yml', '.designlintrc']

/** The package.json key that holds a config. */
const packageKey = 'designlint'

/** Parse a config file's text, as JSON for `.json` files and as YAML (so JSON too) for the rest. */
function parseConfigText(file: string, text: string): unknown {
  try {
    return file.endsWith('.json') ? JSON.parse(text.replace(/^\uFEFF/, '')) : parseYaml(text)
  } catch (error) {
    throw new ConfigError(`cannot parse config ${file}: ${firstLineOf(error)}`)
  }
}

const parseLoader: LoaderSync = (file, text) => parseConfigText(file, text)

const explorer = lilconfigSync('designlint', {
  searchPlaces: [...configFileNames, 'package.json'],
  loaders: {'.json': parseLoader, '.yaml': parseLoader, '.yml': parseLoader, noExt: parseLoader},
  packageProp: packageKey,
  // An empty config file still ends the search: it is the config of its folder.
  ignoreEmptySearchPlaces: false,
  // Up to the root, not only to the home folder.
  stopDir: path.parse(process.cwd()).root,
})

/** Loaded configs by the folder they were looked up from, and by file. */
const byFolder = new Map<string, LoadedConfig>()
const byFile = new Map<string, LoadedConfig>()

/** The config of a document in `dir` (its folder): the nearest one in `dir` or above; cached per folder. */
export function findConfig(dir: string): LoadedConfig {
  const folder = path.resolve(dir)
  const cached = byFolder.get(folder)
  if (cached) return cached
  let found: ReturnType<typeof explorer.search>
  try {
    found = explorer.search(folder)
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError(`cannot look for a config from ${folder}: ${firstLineOf(error)}`)
  }
  const loaded = found ? fromData(found.config, found.filepath) : {settings: {}}
  byFolder.set(folder, loaded)
  return loaded
}

/** Forget every config found or loaded, so edited config files are read again (tests, the language server). */
export function clearConfigCache(): void {
  byFolder.clear()
  byFile.clear()
  explorer.clearCaches()
}

/** Load one configuration file (`--config`): JSON, YAML, or a package.json with a `designlint` key. */
export function loadConfigFile(file: string): LoadedConfig {
  const absolute = path.resolve(file)
  const cached = byFile.get(absolute)
  if (cached) return cached
  let text: string
  try {
    text = readFileSync(absolute, 'utf8')
  } catch (error) {
    throw new ConfigError(`cannot read config ${absolute}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  }
  const data = parseConfigText(absolute, text)
  const isPackage = path.basename(absolute) === 'package.json'
  return fromData(isPackage && data && typeof data === 'object' ? (data as Record<string, unknown>)[packageKey] : data, absolute)
}

/** Validate what a config file holds, once per file. */
function fromData(data: unknown, file: string): LoadedConfig {
  const cached = byFile.get(file)
  if (cached) return cached
  const loaded = {settings: validateSettings(data, file, path.dirname(file)), file}
  byFile.set(file, loaded)
  return loaded
}

const knownKeys = ['preset', 'rules', 'overrides', 'draftStatuses', 'limits', 'templatePaths']

function validateOverrides(value: unknown, where: string, base: string): Override[] {
  if (!Array.isArray(value)) throw new ConfigError(`config ${where}: "overrides" must be a list of {"files": glob, "preset": name or path}`)
  return value.map((entry, index) => {
    const files = entry?.files
    const preset = entry?.preset
    const globs = typeof files === 'string' ? [files] : files
    if (
      !Array.isArray(globs) ||
      globs.length === 0 ||
      !globs.every((glob) => typeof glob === 'string') ||
      typeof preset !== 'string' ||
      !preset
    ) {
      throw new ConfigError(`config ${where}: overrides[${index}] must have "files" (a glob or a list of globs) and "preset"`)
    }
    return {files: globs, preset: isTemplatePath(preset) ? path.resolve(base, preset) : preset}
  })
}

/** Check a settings object; template paths are resolved against `base`. */
function validateSettings(data: unknown, where: string, base: string): Settings {
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
    } else if (key === '$schema') {
      // The editor's pointer to schema/designlintrc.schema.json: read by editors, not by designlint.
      if (typeof value !== 'string') throw new ConfigError(`config ${where}: "$schema" must be the path or URL of a JSON Schema`)
    } else if (key === 'limits') {
      settings.limits = validateLimits(value, where)
    } else if (key === 'templatePaths') {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== '')) {
        throw new ConfigError(`config ${where}: "templatePaths" must be a list of template paths, such as ["../shared/templates"]`)
      }
      settings.templatePaths = value.map((item) => path.resolve(base, item))
    } else {
      throw new ConfigError(`config ${where}: ${unknownName('key', key, knownKeys)}`)
    }
  }
  return settings
}

const limitKeys: Array<keyof DocumentLimits> = ['maxBytes', 'maxDepth', 'maxInlineMarks']

function validateLimits(value: unknown, where: string): Partial<DocumentLimits> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`config ${where}: "limits" must be an object such as {"maxBytes": 20000000}`)
  }
  const limits: Partial<DocumentLimits> = {}
  for (const [key, limit] of Object.entries(value)) {
    if (!limitKeys.includes(key as keyof DocumentLimits)) {
      throw new ConfigError(`config ${where}: limits: ${unknownName('key', key, limitKeys)}`)
    }
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
      throw new ConfigError(`config ${where}: limits.${key} must be a whole number of 1 or more, not ${JSON.stringify(limit)}`)
    }
    limits[key as keyof DocumentLimits] = limit
  }
  return limits
}

function validateRules(value: unknown, where: string): Record<string, RuleSetting> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`config ${where}: "rules" must map rule ids to a severity or [severity, options]`)
  }
  const result: Record<string, RuleSetting> = {}
  for (const [id, setting] of Object.entries(value)) {
    const problem = checkRuleSetting(id, setting)
    if (problem) throw new ConfigError(`config ${where}: ${problem}`)
    result[id] = setting as RuleSetting
  }
  return result
}
