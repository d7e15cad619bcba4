/**
 * The result cache (`--cache`): per file, the findings of its last check,
 * keyed by a hash of its content. The cache is one file per designlint
 * version and configuration, so a new version or a changed config starts
 * afresh; an entry also records the hashes of the template files its preset
 * came from, so an edited template re-checks the documents written to it.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {PlainResult} from './plain.js'
import {writeFileAtomic} from '../util/write-file.js'

interface Entry {
  hash: string
  /** Template file → its content hash when the entry was made. */
  templates: Record<string, string>
  result: PlainResult
}

interface CacheFile {
  entries: Record<string, Entry>
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

export interface ResultCache {
  /** The cached result for a file with this content, if still valid. */
  get(file: string, hash: string): PlainResult | undefined
  set(file: string, hash: string, result: PlainResult): void
  save(): void
}

/** Open the cache for a version and a configuration, in `folder`. */
export function openCache(folder: string, version: string, configuration: unknown, packageRoot: string): ResultCache {
  const key = hashText(JSON.stringify([version, configuration])).slice(0, 16)
  const file = path.join(folder, `results-${key}.json`)
  let data: CacheFile = {entries: {}}
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile
    if (!data || typeof data.entries !== 'object') data = {entries: {}}
  } catch {
    // No cache yet, or an unreadable one: start afresh.
  }
  const templateHashes = new Map<string, string | undefined>()
  const templateHash = (template: string): string | undefined => {
    const absolute = path.resolve(packageRoot, template)
    if (!templateHashes.has(absolute)) {
      let hash: string | undefined
      try {
        hash = hashText(readFileSync(absolute, 'utf8'))
      } catch {
        hash = undefined
      }
      templateHashes.set(absolute, hash)
    }
    return templateHashes.get(absolute)
  }
  let changed = false
  return {
    get(name, hash) {
      const entry = data.entries[name]
      if (!entry || entry.hash !== hash) return undefined
      for (const [template, recorded] of Object.entries(entry.templates)) if (templateHash(template) !== recorded) return undefined
      return entry.result
    },
    set(name, hash, result) {
      const templates: Record<string, string> = {}
      for (const template of result.templates) templates[template] = templateHash(template) ?? ''
      data.entries[name] = {hash, templates, result}
      changed = true
    },
    save() {
      if (!changed) return
      mkdirSync(folder, {recursive: true})
      writeFileAtomic(file, JSON.stringify(data), true)
    },
  }
}
