/**
 * Check documents from disk: from the cache where a document is unchanged,
 * the rest on worker threads (or this thread for a few), in file order. Each
 * file is checked with the settings of its own config.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {openCache, type ResultCache} from './cache.js'
import {lintMany, workerCount, type LintJob} from './pool.js'
import {tuneCompiler, tuningThreshold} from './v8-flags.js'
import {packageRoot} from '../preset/builtin.js'
import {hashText, type PlainResult} from './plain.js'

/** How to check: threads, and the result cache. */
export interface CheckOptions {
  /** Worker threads (undefined: by file count and cores). */
  workers?: number | undefined
  cache?: {folder: string; version: string} | undefined
  /** Told, once, in one line, when the cache cannot be read or written (default: stderr). */
  warn?: (message: string) => void
  /** Tune V8's compiler when many files are to be linted (src/run/v8-flags.ts): for the command's own process. */
  tuneCompiler?: boolean
}

/** Results that depend on more than the document, its config and its template: never cached. */
export function isCacheable(result: PlainResult): boolean {
  // A file that could not be read or linted, or a preset that could not be
  // loaded (a template named by the document may appear later).
  return !result.messages.some(
    (message) => message.ruleId === 'read' || message.ruleId === 'crash' || (message.ruleId === 'preset' && message.fatal),
  )
}

/** A warning printed once per run, however many caches fail. */
function warnOnce(warn: (message: string) => void): (message: string) => void {
  let warned = false
  return (message) => {
    if (warned) return
    warned = true
    warn(message)
  }
}

/** Check the files of a job; results in the order of its files. */
export async function checkFiles(job: LintJob, cwd: string, options: CheckOptions = {}): Promise<PlainResult[]> {
  const {files} = job
  const configOf = job.configOf ?? files.map(() => 0)
  const results: PlainResult[] = new Array(files.length)
  let misses = files.map((_, index) => index)
  // One cache file per configuration: its settings are part of the cache's key.
  const cacheAt = options.cache
  const warn = warnOnce(options.warn ?? ((message) => process.stderr.write(`designlint: ${message}\n`)))
  const caches: ResultCache[] | undefined = cacheAt
    ? job.settings.map((settings) => openCache(cacheAt.folder, cacheAt.version, settings, packageRoot, warn))
    : undefined
  if (caches) {
    misses = []
    // Read one after the other: a direct read costs a fraction of one handed to the thread pool.
    files.forEach((file, index) => {
      let hash: string | undefined
      try {
        hash = hashText(readFileSync(path.resolve(cwd, file), 'utf8'))
      } catch {
        // Unreadable: it is linted below, which reports why.
      }
      const hit = hash ? caches[configOf[index]].get(path.resolve(cwd, file), hash) : undefined
      if (hit) results[index] = {...hit, path: file}
      else misses.push(index)
    })
  }
  if (options.tuneCompiler && misses.length >= tuningThreshold) tuneCompiler()
  const fresh = await lintMany(
    {files: misses.map((index) => files[index]), configOf: misses.map((index) => configOf[index]), settings: job.settings},
    cwd,
    workerCount(misses.length, options.workers),
    caches !== undefined,
  )
  fresh.forEach((result, position) => {
    const index = misses[position]
    results[index] = result
    // Kept under the hash of the content the worker linted, which may differ
    // from the one looked up if the file changed in between.
    const hash = result.contentHash
    if (caches && hash && isCacheable(result)) caches[configOf[index]].set(path.resolve(cwd, files[index]), hash, result)
  })
  for (const cache of caches ?? []) cache.save()
  if (caches && process.env.DESIGNLINT_CACHE_STATS) {
    process.stderr.write(`designlint cache: ${files.length - misses.length} from the cache, ${misses.length} checked\n`)
  }
  return results
}
