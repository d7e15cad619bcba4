/**
 * Check documents from disk: from the cache where a document is unchanged,
 * the rest on worker threads (or this thread for a few), in file order.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {hashText, openCache} from './cache.js'
import {lintMany, workerCount} from './pool.js'
import type {Options} from '../plugin/plugin.js'
import {packageRoot} from '../preset/builtin.js'
import type {PlainResult} from './plain.js'

export interface CheckOptions {
  /** Worker threads (undefined: by file count and cores). */
  workers?: number | undefined
  cache?: {folder: string; version: string} | undefined
}

export async function checkFiles(files: string[], settings: Options, cwd: string, options: CheckOptions = {}): Promise<PlainResult[]> {
  const results: PlainResult[] = new Array(files.length)
  let misses = files.map((_, index) => index)
  const hashes: Array<string | undefined> = []
  const cache = options.cache ? openCache(options.cache.folder, options.cache.version, settings, packageRoot) : undefined
  if (cache) {
    misses = []
    await Promise.all(
      files.map(async (file, index) => {
        try {
          hashes[index] = hashText(await readFile(path.resolve(cwd, file), 'utf8'))
        } catch {
          hashes[index] = undefined
        }
      }),
    )
    files.forEach((file, index) => {
      const hash = hashes[index]
      const hit = hash ? cache.get(path.resolve(cwd, file), hash) : undefined
      if (hit) results[index] = {...hit, path: file}
      else misses.push(index)
    })
  }
  const fresh = await lintMany(
    misses.map((index) => files[index]),
    settings,
    cwd,
    workerCount(misses.length, options.workers),
  )
  fresh.forEach((result, position) => {
    const index = misses[position]
    results[index] = result
    const hash = hashes[index]
    const failed = result.messages.some((message) => message.ruleId === 'read' || message.ruleId === 'crash')
    if (cache && hash && !failed) cache.set(path.resolve(cwd, files[index]), hash, result)
  })
  cache?.save()
  if (cache && process.env.DESIGNLINT_CACHE_STATS) {
    process.stderr.write(`designlint cache: ${files.length - misses.length} from the cache, ${misses.length} checked\n`)
  }
  return results
}
