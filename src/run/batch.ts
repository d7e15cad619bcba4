/**
 * Lint batches of files, in a worker thread or in this one: one processor per
 * configuration, made when a batch first needs it and kept for the rest.
 */
import {createProcessor, lintFiles, type DesignlintProcessor} from '../plugin/processor.js'
import type {Options} from '../plugin/plugin.js'
import {hashText, toPlain, type PlainResult} from './plain.js'

/** Files that share a configuration: `settings` is its index in the run's list of settings. */
export interface Batch {
  settings: number
  files: string[]
}

/** What every worker is given: the settings of each configuration, and the folder paths are relative to. */
export interface LintSetup {
  settings: Options[]
  cwd: string
  /** Whether to hash the content each file was linted with: the result cache keys on it; a run without one need not pay. */
  hashContent?: boolean | undefined
}

/** A function that lints one batch and gives its findings in the batch's order. */
export function createBatchLinter(setup: LintSetup): (batch: Batch) => Promise<PlainResult[]> {
  const processors = new Map<number, DesignlintProcessor>()
  return async (batch) => {
    let processor = processors.get(batch.settings)
    if (!processor) {
      processor = createProcessor({...setup.settings[batch.settings], config: false})
      processors.set(batch.settings, processor)
    }
    const results: PlainResult[] = []
    // One file at a time, kept only as plain findings, with the hash of the
    // content linted: the cache keys the result on it, not on an earlier read.
    for (const file of batch.files) {
      const [linted] = await lintFiles(processor, [file], setup.cwd)
      const result = toPlain(linted)
      if (setup.hashContent && typeof linted.value === 'string') result.contentHash = hashText(linted.value)
      results.push(result)
    }
    return results
  }
}
