/** A lint worker thread: lints batches of files with its own processor. */
import {parentPort, workerData} from 'node:worker_threads'
import {createProcessor, lintFiles} from '../plugin/processor.js'
import type {Options} from '../plugin/plugin.js'
import {toPlain} from './plain.js'

const {settings, cwd} = workerData as {settings: Options; cwd: string}
const processor = createProcessor({...settings, config: false})

parentPort!.on('message', async (batch: {id: number; files: string[]}) => {
  const results = []
  for (const file of batch.files) results.push(toPlain((await lintFiles(processor, [file], cwd))[0]))
  parentPort!.postMessage({id: batch.id, results})
})
