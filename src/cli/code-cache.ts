/**
 * The bundled CLI (dist/bundle/designlint.cjs) compiled as the loader runs
 * it (src/cli/bin.ts), with V8's code cache beside it when there is one: one
 * place for both the loader and the test that checks the cache fits.
 */
import {readFileSync} from 'node:fs'
import Module from 'node:module'
import vm from 'node:vm'

function readCache(cache: string): Buffer | undefined {
  try {
    return readFileSync(cache)
  } catch {
    return undefined
  }
}

/** Compile `script` wrapped as CommonJS wraps a module, with the code cache in `cache` when it fits. */
export function compileCli(script: string, cache: string): vm.Script {
  // The shebang line is not JavaScript; the rest is wrapped as CommonJS wraps a module.
  const source = readFileSync(script, 'utf8').replace(/^#!.*/, '')
  return new vm.Script(Module.wrap(source), {filename: script, cachedData: readCache(cache)})
}
