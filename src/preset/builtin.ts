/**
 * Preset names and template paths, without loading the parser: the CLI checks
 * a preset reference up front with these, and loads presets only when it has
 * documents to check.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {unknownName} from '../util/similarity.js'
import {DesignlintError} from '../util/errors.js'
import {binaryFileProblem, noHeadingsProblem} from '../util/text.js'

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
    const problem = templateFileProblem(reference, path.resolve(cwd, reference))
    if (problem) throw new PresetError(problem)
    return
  }
  throw unknownPreset(reference)
}

/** An ATX heading line, or a line of text underlined with `=` or `-` (setext). */
const headingLine = /^ {0,3}#{1,6}(?:[ \t]|$)|^[ \t]*\S.*(?:\r\n|\r|\n) {0,3}(?:=+|-+)[ \t]*$/m

/**
 * Why a template file cannot be one, found without parsing it: it cannot be
 * read, it is binary, or no line of it is a heading. The compiler, which
 * parses, refuses the rest (headings only inside code, say) when it loads it.
 */
function templateFileProblem(reference: string, file: string): string | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error))
    return `cannot read template "${reference}": ${why}`
  }
  const problem = binaryFileProblem(text) ?? (headingLine.test(text) ? undefined : noHeadingsProblem)
  return problem && `template "${reference}": ${problem}`
}

/** The error for a name that is no preset, with the closest one. */
export function unknownPreset(reference: string): PresetError {
  return new PresetError(unknownName('preset', reference, builtinPresets, 'known presets', ', or a path to a template .md file'))
}
