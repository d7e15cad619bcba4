/**
 * `designlint new`: a new document from a preset's template, ready to fill.
 * It is the template with its title filled in, its Status set to the first
 * draft status, its dates set to today, and its empty example table rows
 * dropped, so it lints with only content findings (placeholders, template
 * text) until it is filled. An Author field gets the author's name when it
 * is known (`designlint new` takes it from `git config user.name`).
 */
import {readFileSync} from 'node:fs'
import {builtinTemplatePath, isBuiltinPreset, loadPreset} from '../preset/load.js'
import path from 'node:path'
import {splitPlaceholders} from '../util/placeholders.js'

export interface ScaffoldOptions {
  /** Preset name or template path (relative to cwd). */
  preset: string
  title?: string
  /** The author's name, for the template's Author field (none: the field keeps its placeholder). */
  author?: string
  /** Today, as an ISO date (for tests). */
  today?: string
  /** How the new document names its template in front matter. */
  templateReference: string
  cwd?: string
}

export function scaffold(options: ScaffoldOptions): string {
  const cwd = options.cwd ?? process.cwd()
  const preset = loadPreset(options.preset, cwd)
  const file = isBuiltinPreset(options.preset) ? builtinTemplatePath(options.preset) : path.resolve(cwd, options.preset)
  let text = readFileSync(file, 'utf8')
  const today = options.today ?? new Date().toISOString().slice(0, 10)

  const lines = text.split('\n')
  // The title.
  if (preset.title && options.title) {
    const index = preset.title.line - 1
    const heading = lines[index].replace(/^#\s+/, '')
    const parts = splitPlaceholders(heading)
    const filled = parts.some((part) => part.kind === 'placeholder')
      ? parts.map((part) => (part.kind === 'placeholder' ? options.title : part.value)).join('')
      : `${heading}: ${options.title}`
    lines[index] = '# ' + filled
  }
  // Fields: the first draft status, today's date, the author.
  for (const field of preset.fields) {
    if (field.region === 'frontmatter') continue
    const index = field.line - 1
    const line = lines[index]
    if (!line) continue
    const at = line.lastIndexOf(field.example)
    if (at === -1 || !field.example) continue
    let value: string | undefined
    if (field.key === 'status' && field.choices) value = preset.draftStatuses[0] ?? field.choices.values[0]
    if (field.format === 'iso-date' || field.format === 'date') value = today
    if (isAuthorField(field.key) && options.author) value = options.author
    if (value !== undefined) lines[index] = line.slice(0, at) + value + line.slice(at + field.example.length)
  }
  // Empty example rows ("| | | |") are rows to add, not to keep.
  text = lines.filter((line) => !/^\s*\|(?:\s*\|)+\s*$/.test(line)).join('\n')

  const reference = `template: ${options.templateReference}\n`
  if (text.startsWith('---\n')) return text.replace(/^---\n/, '---\n' + reference)
  return '---\n' + reference + '---\n\n' + text
}

/** A field that names the document's author: `Author`, `Authors`. */
function isAuthorField(key: string): boolean {
  return key === 'author' || key === 'authors'
}
