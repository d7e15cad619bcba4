#!/usr/bin/env node
/**
 * The `designlint` command as installed (dist/bundle/cli.js, CommonJS): it
 * runs the CLI (src/cli/cli.ts, bundled into one script,
 * dist/bundle/designlint.cjs) from V8's code cache when one fits, so a
 * one-document run does not spend a third of its time compiling JavaScript
 * it compiled last time.
 *
 * The cache (dist/bundle/designlint.cache) is written by the build, after a
 * training run over the bundled examples. V8 checks it against its own
 * version, its flags and the script's source: a cache that does not fit (an
 * other Node, a rebuilt script) is rejected and the script is compiled as
 * usual, so the command is never wrong, only slower. Nothing is written at
 * run time, except by the build's training run
 * (`DESIGNLINT_WRITE_CODE_CACHE=1`).
 *
 * A run with `--cache` may not need the CLI at all: when the CLI recorded an
 * identical run and nothing that run read has changed since, the loader
 * prints what it printed and exits with its code (src/run/run-record.ts).
 */
import {renameSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {replayRecordedRun} from '../run/run-record.js'
import {endQuietlyWhenClosed} from '../util/closed-pipe.js'
import {compileCli} from './code-cache.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const script = path.join(here, 'designlint.cjs')
const cache = path.join(here, 'designlint.cache')

/** Run the CLI from the bundled script, with V8's code cache when it fits. */
function runCli(): void {
  const compiled = compileCli(script, cache)
  // A script cannot `import()` an ES module (tinypool) without an experimental
  // flag of Node 20, so the loader lends its own; src/run/pool.ts uses it.
  ;(globalThis as Record<symbol, unknown>)[Symbol.for('designlint.import')] = (specifier: string) => import(specifier)

  if (process.env.DESIGNLINT_WRITE_CODE_CACHE === '1') {
    // The training run: keep what was compiled, functions run included, once the run is over.
    process.on('exit', () => {
      const temporary = `${cache}.${process.pid}.tmp`
      writeFileSync(temporary, compiled.createCachedData())
      renameSync(temporary, cache)
    })
  }

  const run = compiled.runInThisContext() as (...parameters: unknown[]) => void
  const module = {exports: {}, filename: script, id: script, loaded: false}
  run.call(module.exports, module.exports, createRequire(script), module, script, here)
}

if (!replayRecordedRun(script)) {
  endQuietlyWhenClosed(process.stdout)
  endQuietlyWhenClosed(process.stderr)
  runCli()
}
