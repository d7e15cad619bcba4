/**
 * The built-in presets and preset loading. A built-in preset is its template
 * file in presets/, compiled by the same compiler as any team's template.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {compileTemplate} from './template/compile.js'
import {closest} from './text.js'
import type {Preset} from './types.js'

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
export class PresetError extends Error {
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
    const file = builtinTemplatePath(reference)
    preset = compileTemplate(readFileSync(file, 'utf8'), {name: reference, source: 'presets/' + reference + '.md'})
  } else if (isTemplatePath(reference)) {
    let markdown: string
    try {
      markdown = readFileSync(key, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw new PresetError(
        `cannot read template "${reference}"` + (code === 'ENOENT' ? ': no such file' : `: ${code ?? error}`),
      )
    }
    try {
      preset = compileTemplate(markdown, {name: reference, source: key})
    } catch (error) {
      throw new PresetError(`template "${reference}": ${(error as Error).message}`)
    }
  } else {
    const suggestion = closest(reference, builtinPresets)
    throw new PresetError(
      `unknown preset "${reference}"` +
        (suggestion ? ` (did you mean "${suggestion}"?)` : '') +
        `; known presets: ${builtinPresets.join(', ')}, or a path to a template .md file`,
    )
  }
  cache.set(key, preset)
  return preset
}
