/**
 * Preset names and template paths, without loading the parser: the CLI checks
 * a preset reference up front with these, and loads presets only when it has
 * documents to check.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {unknownName} from '../util/similarity.js'
import {DesignlintError} from '../util/errors.js'

/** The built-in presets, with the title line of each template. */
export const builtinPresets = ['standard', 'production', 'architecture', 'prd', 'evolving'] as const

export type BuiltinPreset = (typeof builtinPresets)[number]

/** The package's root folder (works from src/ under a test runner and from dist/src/). */
export const packageRoot: string = findRoot(path.dirname(fileURLToPath(import.meta.url)))

function findRoot(start: string): string {
  let dir = start
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'presets'))) {
    const parent = path.dirname(dir)
    if (parent === dir) return path.resolve(start, '..')
    dir = parent
  }
  return dir
}

/** An unknown preset or an unreadable template: a configuration error. */
export class PresetError extends DesignlintError {
  override name = 'PresetError'
}

/** Whether a name is one of the built-in presets. */
export function isBuiltinPreset(name: string): name is BuiltinPreset {
  return (builtinPresets as readonly string[]).includes(name)
}

/** The template file behind a built-in preset. */
export function builtinTemplatePath(name: BuiltinPreset): string {
  return path.join(packageRoot, 'presets', name + '.md')
}

/** Whether a preset reference is a template path rather than a name. */
export function isTemplatePath(reference: string): boolean {
  return /[\\/]/.test(reference) || /\.(md|markdown|txt)$/i.test(reference)
}

/**
 * Check a preset reference without compiling it: a built-in name, `auto`, or
 * a template file that exists. Throws a {@link PresetError} otherwise.
 */
export function checkPresetReference(reference: string, cwd: string): void {
  if (reference === 'auto' || isBuiltinPreset(reference)) return
  if (isTemplatePath(reference)) {
    if (!existsSync(path.resolve(cwd, reference))) throw new PresetError(`cannot read template "${reference}": no such file`)
    return
  }
  throw unknownPreset(reference)
}

/** The error for a name that is no preset, with the closest one. */
export function unknownPreset(reference: string): PresetError {
  return new PresetError(unknownName('preset', reference, builtinPresets, 'known presets', ', or a path to a template .md file'))
}
