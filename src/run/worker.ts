/**
 * A lint worker thread, started by tinypool (see pool.ts): the run's settings
 * and cwd come as its worker data, each task is a batch of files.
 */
import path from 'node:path'
import {workerData} from 'node:worker_threads'
import type {TinypoolData} from 'tinypool'
import {createBatchLinter, type Batch, type LintSetup} from './batch.js'

const [, setup] = workerData as TinypoolData
const lintBatch = createBatchLinter(setup as LintSetup)

// Test only: the worker stops without an error, as a crash would, on a batch with the file of this name.
const stopOn = process.env.DESIGNLINT_TEST_WORKER_EXIT

/** Lint one batch of files; tinypool calls it. */
export default function lint(batch: Batch) {
  if (stopOn && batch.files.some((file) => path.basename(file) === stopOn)) process.exit(70)
  return lintBatch(batch)
}
