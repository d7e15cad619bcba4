/**
 * Run designlint over many files: on worker threads across the cores when
 * there are enough files, else in this thread. Results come back in the
 * order of the files, whatever finished first.
 */
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import type {Options} from '../plugin/plugin.js'
import {toPlain, type PlainResult} from './plain.js'

/** Below this many files, starting threads costs more than it saves. */
export const workerThreshold = 24

/** How many worker threads to use for `count` files (0: this thread). */
export function workerCount(count: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.min(requested, count))
  if (count < workerThreshold) return 0
  const cores = availableParallelism()
  return cores > 1 ? Math.min(cores, 8) : 0
}

export async function lintMany(files: string[], settings: Options, cwd: string, workers: number): Promise<PlainResult[]> {
  if (files.length === 0) return []
  if (workers === 0) {
    const {createProcessor, lintFiles} = await import('../plugin/processor.js')
    const processor = createProcessor({...settings, config: false})
    // One file at a time, kept only as plain findings.
    const results: PlainResult[] = []
    for (const file of files) results.push(toPlain((await lintFiles(processor, [file], cwd))[0]))
    return results
  }
  const results: PlainResult[] = new Array(files.length)
  // Small batches keep both threads busy to the end; big enough to be cheap to send.
  const size = Math.max(1, Math.min(16, Math.ceil(files.length / (workers * 8))))
  const batches: Array<{id: number; files: string[]}> = []
  for (let start = 0; start < files.length; start += size) batches.push({id: start, files: files.slice(start, start + size)})
  let next = 0
  const pool = Array.from({length: workers}, () => new Worker(new URL('./worker.js', import.meta.url), {workerData: {settings, cwd}}))
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              const batch = batches[next++]
              if (batch) worker.postMessage(batch)
              else resolve()
            }
            worker.on('message', (message: {id: number; results: PlainResult[]}) => {
              message.results.forEach((result, index) => (results[message.id + index] = result))
              send()
            })
            worker.on('error', reject)
            send()
          }),
      ),
    )
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()))
  }
  return results
}
