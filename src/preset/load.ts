/**
 * The built-in presets and preset loading. A built-in preset is its template
 * file in presets/, compiled by the same compiler as any team's template:
 * at build time when the build's precompiled copy matches the template file
 * (see precompiled.ts), at run time otherwise.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {builtinTemplatePath, isBuiltinPreset, isTemplatePath, PresetError, unknownPreset} from './builtin.js'
import {compileTemplate} from '../template/compile.js'
import {precompiledPreset} from './precompiled.js'
import type {Preset} from '../template/types.js'

export {
  builtinPresets,
  builtinTemplatePath,
  isBuiltinPreset,
  isTemplatePath,
  packageRoot,
  PresetError,
  type BuiltinPreset,
} from './builtin.js'

const cache = new Map<string, Preset>()

/**
 * Load a preset by built-in name or template path (relative to `cwd`).
 * Throws a {@link PresetError} with a one-line reason otherwise.
 */
export function loadPreset(reference: string, cwd: string = process.cwd()): Preset {
  const key = isTemplatePath(reference) ? path.resolve(cwd, reference) : reference
  const cached = cache.get(key)
  if (cached) return cached

  let preset: Preset
  if (isBuiltinPreset(reference)) {
    const markdown = readFileSync(builtinTemplatePath(reference), 'utf8')
    preset = precompiledPreset(reference, markdown) ?? compileTemplate(markdown, {name: reference, source: 'presets/' + reference + '.md'})
  } else if (isTemplatePath(reference)) {
    let markdown: string
    try {
      markdown = readFileSync(key, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw new PresetError(`cannot read template "${reference}"` + (code === 'ENOENT' ? ': no such file' : `: ${code ?? error}`))
    }
    try {
      preset = compileTemplate(markdown, {name: reference, source: key})
    } catch (error) {
      throw new PresetError(`template "${reference}": ${(error as Error).message}`)
    }
  } else {
    throw unknownPreset(reference)
  }
  cache.set(key, preset)
  return preset
}
