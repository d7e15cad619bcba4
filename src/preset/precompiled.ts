/**
 * Built-in presets compiled at build time. `npm run build` compiles each
 * template in presets/ and writes it, with the template text it came from, to
 * `precompiled-presets/<name>.json` beside the code that loads it (dist/bundle
 * and dist/src/preset). A run then reads the JSON instead of parsing and
 * compiling the template; where the JSON is absent (under a test runner, from
 * src/) or was made from another text than the template's, the caller
 * compiles as before.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Preset} from '../template/types.js'

/** The folder name, beside the loading module, of the precompiled presets. */
export const precompiledFolder = 'precompiled-presets'

/** What a precompiled preset file holds. */
export interface PrecompiledPreset {
  /** The template text the preset was compiled from, to tell a stale file. */
  template: string
  /**
   * The compiled preset, with its title's `children` left out: the compiler
   * makes them the preset's own `sections` array, which JSON would copy.
   */
  preset: Preset
}

/** The precompiled form of a compiled preset and the template text it came from. */
export function toPrecompiled(preset: Preset, template: string): PrecompiledPreset {
  if (!preset.title) return {template, preset}
  if (preset.title.children !== preset.sections)
    throw new Error(`preset ${preset.name}: the title's children are not the preset's sections`)
  const {children: _children, ...title} = preset.title
  return {template, preset: {...preset, title: title as Preset['title'] & object}}
}

/** The preset back from its precompiled form: the title's children are the sections again. */
export function fromPrecompiled(precompiled: PrecompiledPreset): Preset {
  const {preset} = precompiled
  if (preset.title) preset.title.children = preset.sections
  return preset
}

/** The folder of precompiled presets beside this module (dist/bundle in the bundle). */
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), precompiledFolder)

/**
 * The precompiled built-in preset `name`, when there is one made from exactly
 * `template`; undefined otherwise, for the caller to compile.
 */
export function precompiledPreset(name: string, template: string): Preset | undefined {
  let text: string
  try {
    text = readFileSync(path.join(folder, name + '.json'), 'utf8')
  } catch {
    return undefined
  }
  const precompiled = JSON.parse(text) as PrecompiledPreset
  return precompiled.template === template ? fromPrecompiled(precompiled) : undefined
}
