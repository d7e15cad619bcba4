/**
 * Run designlint over many files: on a tinypool of worker threads when there
 * are enough files, else in this thread. Results come back in the order of
 * the files, whatever finished first.
 *
 * A worker that stops without an error event (process.exit in it, or a
 * thread terminated from outside) would leave its batch waiting forever:
 * tinypool only fails a thread's tasks on an error event. So such an exit is
 * turned into one, the batch is run again one file per task, and a file
 * whose worker stops again gets a fatal `crash` message ("Cannot lint file:
 * the worker stopped unexpectedly (exit code n)") while the run goes on.
 * Files are not re-run in this thread: whatever stopped the worker would
 * stop the whole run. A worker's error event (an uncaught exception in it)
 * still fails the run, as an internal error.
 */
import {availableParallelism} from 'node:os'
import type {Options} from '../plugin/plugin.js'
import {source} from '../rule/define.js'
import type {Batch, LintSetup} from './batch.js'
import type {PlainResult} from './plain.js'

/** Below this many files, starting threads costs more than it saves. */
export const workerThreshold = 24

/**
 * The fewest cores worth starting threads on. Each thread compiles and warms
 * up designlint's code for itself; with the fast parse path that costs more
 * than a second core saves: on 2 cores, the RFC corpus took 2.5 s in one
 * thread and 3.2 s with two (the KEPs 4.3 s and 5.7 s).
 */
export const workerCores = 4

/** How many worker threads to use for `count` files (0: this thread). */
export function workerCount(count: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.min(requested, count))
  if (count < workerThreshold) return 0
  const cores = availableParallelism()
  return cores >= workerCores ? Math.min(cores, 8) : 0
}

/** Files to lint, each with the settings of the config that applies to it. */
export interface LintJob {
  /** Paths relative to cwd, or absolute. */
  files: string[]
  /** The settings of each configuration in play. */
  settings: Options[]
  /** Per file, the index of its settings in `settings` (all 0 when left out). */
  configOf?: number[]
}

/**
 * Lint the files of a job with `workers` threads (0: in this thread); results
 * in file order, with the hash of each file's content when `hashContent`.
 */
export async function lintMany(job: LintJob, cwd: string, workers: number, hashContent = false): Promise<PlainResult[]> {
  const {files} = job
  if (files.length === 0) return []
  const configOf = job.configOf ?? files.map(() => 0)
  const setup: LintSetup = {settings: job.settings, cwd, hashContent}
  if (workers === 0) {
    const {createBatchLinter} = await import('./batch.js')
    const lintBatch = createBatchLinter(setup)
    const results: PlainResult[] = []
    for (const [index, file] of files.entries()) results.push(...(await lintBatch({settings: configOf[index], files: [file]})))
    return results
  }
  // Small batches keep every thread busy to the end; big enough to be cheap to send.
  const size = Math.max(1, Math.min(16, Math.ceil(files.length / (workers * 8))))
  const batches = makeBatches(files, configOf, size)
  const results: PlainResult[] = new Array(files.length)
  const pool = await startPool(setup, workers)
  // Batches too big for a worker's heap: one linter in this thread, made when first needed.
  let inThisThread: Promise<(batch: Batch) => Promise<PlainResult[]>> | undefined
  const here = async (batch: Batch) => {
    inThisThread ??= import('./batch.js').then((module) => module.createBatchLinter(setup))
    return (await inThisThread)(batch)
  }
  try {
    await Promise.all(
      batches.map(async ({start, batch}) => {
        for (const [offset, result] of (await runBatch(pool, batch, here)).entries()) results[start + offset] = result
      }),
    )
  } finally {
    await pool.close()
  }
  return results
}

/** Consecutive files that share a configuration, at most `size` to a batch, with the index of the first. */
function makeBatches(files: string[], configOf: number[], size: number): Array<{start: number; batch: Batch}> {
  const batches: Array<{start: number; batch: Batch}> = []
  let current: {start: number; batch: Batch} | undefined
  files.forEach((file, index) => {
    if (!current || current.batch.settings !== configOf[index] || current.batch.files.length === size) {
      current = {start: index, batch: {settings: configOf[index], files: []}}
      batches.push(current)
    }
    current.batch.files.push(file)
  })
  return batches
}

/** Set by the bundle, where the worker is an ES module beside the CommonJS CLI (scripts/bundle.mjs). */
declare const DESIGNLINT_WORKER: string | undefined
/** The worker's module, beside this one. */
const workerFile = typeof DESIGNLINT_WORKER === 'string' ? DESIGNLINT_WORKER : './worker.js'

/**
 * The heap of a worker thread. V8 lets an idle-looking heap grow to several
 * times what is live before it collects (a KEP run peaked at 100 MB a
 * thread, 20 MB of it live); bounded, each thread collects sooner at no cost
 * in time. A document that needs more is checked again in the main thread,
 * whose heap has Node's usual limit (see runBatch).
 */
const workerHeap = {maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8}

/** Whether a worker stopped because its heap was full. */
function outOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
}

/** A worker that exited without an error event, while the pool was in use. */
class WorkerStoppedError extends Error {
  override name = 'WorkerStoppedError'
}

interface Pool {
  run(batch: Batch): Promise<PlainResult[]>
  /** Why no worker can be started any more, if so. */
  broken(): unknown
  close(): Promise<void>
}

/**
 * Run a batch; if its worker stops, run its files one by one, and give a file
 * that stops one again a fatal message. A batch whose worker ran out of heap
 * is run in this thread instead (`here`).
 */
async function runBatch(pool: Pool, batch: Batch, here: (batch: Batch) => Promise<PlainResult[]>): Promise<PlainResult[]> {
  try {
    return await pool.run(batch)
  } catch (error) {
    if (outOfMemory(error)) return here(batch)
    const cause = pool.broken() ?? error
    if (!(cause instanceof WorkerStoppedError)) throw cause
    if (batch.files.length === 1 || pool.broken()) return batch.files.map((file) => stopped(file, cause))
    const each = await Promise.all(batch.files.map((file) => runBatch(pool, {settings: batch.settings, files: [file]}, here)))
    return each.flat()
  }
}

function stopped(file: string, error: WorkerStoppedError): PlainResult {
  return {path: file, templates: [], messages: [{reason: `Cannot lint file: ${error.message}`, ruleId: 'crash', source, fatal: true}]}
}

/**
 * `import()`, or the one lent by the CLI's loader (src/cli/bin.ts): the
 * bundled CLI runs as a script, where `import()` cannot load an ES module.
 */
function importModule(specifier: string): Promise<unknown> {
  const lent = (globalThis as Record<symbol, unknown>)[Symbol.for('designlint.import')] as
    | ((specifier: string) => Promise<unknown>)
    | undefined
  return lent ? lent(specifier) : import(specifier)
}

/** A tinypool of `workers` threads that turns a worker's silent exit into an error of its tasks. */
async function startPool(setup: LintSetup, workers: number): Promise<Pool> {
  // Loaded only for a run that uses threads. The bundle leaves tinypool
  // external: it starts each thread from its own entry file beside its module.
  const {default: Tinypool} = (await importModule('tinypool')) as typeof import('tinypool')
  const pool = new Tinypool({
    filename: new URL(workerFile, import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    workerData: setup,
    resourceLimits: workerHeap,
  })
  let closing = false
  let brokenBy: unknown
  // tinypool replaces a lost thread, except after one failed to start: once
  // none is left, the waiting batches would wait forever, so they are failed.
  const checkLeft = (error: unknown) => {
    if (closing || pool.threads.length > 0) return
    brokenBy ??= error
    pool.cancelPendingTasks()
  }
  const watched = new WeakSet<object>()
  // Watch every thread, including those tinypool starts in place of lost ones.
  const watch = () => {
    for (const thread of pool.threads) {
      if (watched.has(thread)) continue
      watched.add(thread)
      let failed = false
      // Runs after tinypool's own listener, which has failed the thread's task and replaced it.
      thread.on('error', (error: unknown) => {
        failed = true
        watch()
        checkLeft(error)
      })
      thread.on('exit', (code: number) => {
        if (closing || failed) return
        thread.emit('error', new WorkerStoppedError(`the worker stopped unexpectedly (exit code ${code})`))
      })
    }
  }
  // A thread lost while it had no task is an error of the pool's.
  pool.on('error', checkLeft)
  watch()
  return {
    run(batch) {
      const result = pool.run(batch) as Promise<PlainResult[]>
      watch()
      return result
    },
    broken: () => brokenBy,
    async close() {
      closing = true
      await pool.destroy()
    },
  }
}
