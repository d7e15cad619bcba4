/**
 * Which preset checks a document: its front matter `template:`, else the
 * last config override whose glob matches its path, else the configured
 * preset, else `standard`. `auto` picks the built-in or configured preset
 * whose sections the document has most of, and says so; when none matches
 * well it says that instead of guessing.
 */
import path from 'node:path'
import picomatch from 'picomatch'
import {alignDocument} from '../align/align.js'
import {builtinPresets, isTemplatePath, loadPreset} from './load.js'
import type {Preset} from '../template/types.js'
import {isInside, repositoryRoot} from '../util/repository.js'

import {defaultPreset} from './default.js'
import type {DocModel} from '../document/types.js'

export {defaultPreset}

/** Below this share of a preset's sections, `auto` does not pick it. */
const autoThreshold = 0.5

/** A preset by path: `{files: "docs/adr/**", preset: "./templates/adr.md"}`. */
export interface Override {
  files: string[]
  preset: string
}

/** What preset selection reads of the settings (the config's Settings have more). */
export interface SelectionSettings {
  /** A built-in preset name, a template path, or `auto`. */
  preset?: string | undefined
  /** Presets by path; a later entry wins over an earlier one. */
  overrides?: Override[] | undefined
  /** The folder globs and template paths are relative to. */
  base?: string | undefined
  /**
   * Folders (or files) outside the repository that a document's front matter
   * `template:` may name; inside the repository it may name any.
   */
  templatePaths?: string[] | undefined
}

export interface Selection {
  preset?: Preset
  /** Why this preset, for messages: `front matter`, `config override "docs/adr/**"`. */
  from: string
  /** What `auto` found, said in the output. */
  note?: string
  /** Why no preset could be used (an unknown name, no good match). */
  error?: string
}

/** Choose the preset for a document at `filePath` (absolute, or undefined for stdin). */
export function selectPreset(doc: DocModel, filePath: string | undefined, settings: SelectionSettings, cwd: string): Selection {
  const fromDoc = doc.frontmatter?.template
  if (fromDoc !== undefined && fromDoc !== null && typeof fromDoc !== 'string') {
    return {from: 'front matter', error: `Front matter "template:" is ${yamlType(fromDoc)}: expected a preset name or a template path`}
  }
  if (typeof fromDoc === 'string' && fromDoc.trim()) {
    const base = filePath ? path.dirname(filePath) : cwd
    const reference = fromDoc.trim()
    const outside = isTemplatePath(reference) ? outsideRepository(path.resolve(base, reference), base, settings, cwd) : undefined
    if (outside) {
      return {
        from: 'front matter',
        error: `Front matter "template: ${reference}" is outside ${outside}: a document may name only templates inside it`,
      }
    }
    return resolve(reference, base, 'front matter', doc, settings)
  }
  if (filePath && settings.overrides) {
    const relative = path
      .relative(settings.base ?? cwd, filePath)
      .split(path.sep)
      .join('/')
    for (const override of [...settings.overrides].reverse()) {
      if (picomatch(override.files, {dot: true})(relative)) {
        return resolve(override.preset, settings.base ?? cwd, `config override "${override.files.join('", "')}"`, doc, settings)
      }
    }
  }
  if (settings.preset) return resolve(settings.preset, settings.base ?? cwd, 'config', doc, settings)
  return resolve(defaultPreset, cwd, 'default', doc, settings)
}

/** How a YAML value that is no string is described: `a number`, `a list`. */
function yamlType(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Date) return 'a date'
  if (typeof value === 'object') return 'a mapping'
  return `a ${typeof value}`
}

/**
 * What a template a document names is outside of, when it is: the
 * repository the document is in (its git root, else the config's folder, else the working folder),
 * and none of the paths the config allows. Undefined when it may be used.
 */
function outsideRepository(template: string, base: string, settings: SelectionSettings, cwd: string): string | undefined {
  const gitRoot = repositoryRoot(base)
  const root = gitRoot ?? settings.base ?? cwd
  if (isInside(template, root)) return undefined
  if (settings.templatePaths?.some((allowed) => isInside(template, path.resolve(settings.base ?? cwd, allowed)))) return undefined
  return gitRoot ? 'the repository' : settings.base ? "the config's folder" : 'the working folder'
}

function resolve(reference: string, base: string, from: string, doc: DocModel, settings: SelectionSettings): Selection {
  if (reference === 'auto') return auto(doc, settings, base)
  try {
    return {preset: loadPreset(reference, base), from}
  } catch (error) {
    return {from, error: (error as Error).message}
  }
}

/** How many of a preset's required sections a document has. */
function presetCoverage(preset: Preset, doc: DocModel): {have: number; total: number} {
  const alignment = alignDocument(preset, doc)
  let have = 0
  let total = 0
  for (const match of alignment.matches) {
    if (match.section.optional || (!match.parent && match.section === preset.title)) continue
    total++
    if (match.status === 'matched' || match.status === 'moved' || match.status === 'misplaced') have++
  }
  return {have, total}
}

function auto(doc: DocModel, settings: SelectionSettings, base: string): Selection {
  const references = new Set<string>(builtinPresets)
  for (const override of settings.overrides ?? []) references.add(override.preset)
  if (settings.preset && settings.preset !== 'auto') references.add(settings.preset)
  let best: {preset: Preset; have: number; total: number} | undefined
  for (const reference of references) {
    let preset: Preset
    try {
      preset = loadPreset(reference, isTemplatePath(reference) ? base : process.cwd())
    } catch {
      continue
    }
    const {have, total} = presetCoverage(preset, doc)
    if (total === 0) continue
    if (!best || have / total > best.have / best.total || (have / total === best.have / best.total && have > best.have)) {
      best = {preset, have, total}
    }
  }
  if (!best || best.have / best.total < autoThreshold) {
    const closest = best ? ` (closest: ${best.preset.name}, with ${best.have} of ${best.total} sections)` : ''
    return {
      from: 'auto',
      error: `no preset matches this document well${closest}: name one with --preset or "template:" in its front matter`,
    }
  }
  return {preset: best.preset, from: 'auto', note: `matched preset ${best.preset.name}: ${best.have} of ${best.total} sections`}
}
