/**
 * The result cache (`--cache`): per file, the findings of its last check,
 * keyed by everything they depend on. The cache is one file per designlint
 * version and configuration, so a new version or a changed config starts
 * afresh; an entry holds the hash of the content that was linted and the
 * content hashes of the template files its result came from (the preset the
 * document was checked against, and every template the configuration names),
 * so an edited template re-checks the documents written to it.
 *
 * The cache is an optimisation: an entry of the wrong shape or a damaged
 * cache file is a miss, and a cache that cannot be read or written is
 * reported through `warn` while the run goes on without it.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {isTemplatePath} from '../preset/builtin.js'
import {DesignlintError, fileError, systemErrorCode} from '../util/errors.js'
import {removeStaleTemporaryFiles, writeFileAtomic} from '../util/write-file.js'
import {hashText, type PlainResult} from './plain.js'

interface Entry {
  hash: string
  /** Template file → its content hash when the entry was made. */
  templates: Record<string, string>
  result: PlainResult
}

interface CacheFile {
  entries: Record<string, Entry>
}

/** What the cache reads of a configuration: the templates it names. */
export interface CachedConfiguration {
  preset?: string | undefined
  overrides?: Array<{preset: string}> | undefined
}

export interface ResultCache {
  /** The cached result for a file with this content, if still valid. */
  get(file: string, hash: string): PlainResult | undefined
  /** Keep a file's result, under the hash of the content that was linted. */
  set(file: string, hash: string, result: PlainResult): void
  save(): void
}

/**
 * Open the cache for a version and a configuration, in `folder`. `warn` is
 * told, in one line, when the cache cannot be read or written.
 */
export function openCache(
  folder: string,
  version: string,
  configuration: CachedConfiguration,
  packageRoot: string,
  warn: (message: string) => void,
): ResultCache {
  const key = hashText(JSON.stringify([version, configuration])).slice(0, 16)
  const file = path.join(folder, `results-${key}.json`)
  removeStaleTemporaryFiles(file)
  const data = readCacheFile(file, warn)
  const configTemplates = [configuration.preset, ...(configuration.overrides ?? []).map((override) => override.preset)].filter(
    (reference): reference is string => reference !== undefined && isTemplatePath(reference),
  )
  const templateHashes = new Map<string, string>()
  /** A template's content hash, read once per run ('' when it cannot be read). */
  const templateHash = (template: string): string => {
    const absolute = path.resolve(packageRoot, template)
    let hash = templateHashes.get(absolute)
    if (hash === undefined) {
      try {
        hash = hashText(readFileSync(absolute, 'utf8'))
      } catch {
        hash = ''
      }
      templateHashes.set(absolute, hash)
    }
    return hash
  }
  let changed = false
  return {
    get(name, hash) {
      const entry = data.entries[name]
      if (!isEntry(entry) || entry.hash !== hash) return undefined
      for (const [template, recorded] of Object.entries(entry.templates)) if (templateHash(template) !== recorded) return undefined
      return entry.result
    },
    set(name, hash, result) {
      const templates: Record<string, string> = {}
      for (const template of [...result.templates, ...configTemplates]) templates[template] = templateHash(template)
      const {contentHash: _, ...kept} = result
      data.entries[name] = {hash, templates, result: kept}
      changed = true
    },
    save() {
      if (!changed) return
      changed = false
      try {
        writeFileAtomic(file, JSON.stringify(data), {force: true, createFolder: true})
      } catch (error) {
        if (!(error instanceof DesignlintError)) throw error
        warn(`${error.message}; the results are not cached`)
      }
    },
  }
}

/** The cache file's entries; none when there is no cache yet or it is damaged (it is rebuilt). */
function readCacheFile(file: string, warn: (message: string) => void): CacheFile {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if (systemErrorCode(error) !== 'ENOENT') warn(`${fileError('read', file, error).message}; checking without the cache`)
    return {entries: {}}
  }
  try {
    const data = JSON.parse(text) as Partial<CacheFile> | null
    if (data && typeof data.entries === 'object' && data.entries !== null && !Array.isArray(data.entries)) {
      return {entries: data.entries}
    }
  } catch {
    // A damaged cache file (an interrupted write of an older version): start afresh.
  }
  return {entries: {}}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether a cache entry has the shape this version writes; any other is a miss. */
function isEntry(entry: unknown): entry is Entry {
  if (!isRecord(entry) || typeof entry.hash !== 'string' || !isRecord(entry.templates)) return false
  if (!Object.values(entry.templates).every((hash) => typeof hash === 'string')) return false
  const result = entry.result
  if (!isRecord(result) || typeof result.path !== 'string' || !Array.isArray(result.templates)) return false
  if (!result.templates.every((template) => typeof template === 'string')) return false
  return (
    Array.isArray(result.messages) &&
    result.messages.every(
      (message) =>
        isRecord(message) &&
        typeof message.reason === 'string' &&
        (message.fatal === null || ['boolean', 'undefined'].includes(typeof message.fatal)) &&
        (message.place === undefined || isRecord(message.place)),
    )
  )
}
