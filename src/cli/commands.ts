/**
 * The CLI's commands other than linting: presets, preset show, init, new.
 * Loaded only when one of them is asked for.
 */
import path from 'node:path'
import {describePreset} from '../template/describe.js'
import {builtinPresets, isTemplatePath, loadPreset} from '../preset/load.js'
import {scaffold} from './scaffold.js'
import type {TemplateSection} from '../template/types.js'
import {writeFileAtomic} from '../util/write-file.js'

import {UsageError} from '../util/errors.js'
import {headingLine} from '../template/headings.js'

/** `designlint preset show <name|path>`. */
export function showPreset(reference: string, cwd: string, json: boolean): number {
  const preset = loadPreset(reference, cwd)
  process.stdout.write((json ? JSON.stringify(preset, null, 2) : describePreset(preset)) + '\n')
  return 0
}

export function listPresets(): number {
  const blocks: string[] = []
  for (const name of builtinPresets) {
    const preset = loadPreset(name)
    const lines = [`${name} (${preset.source})`]
    if (preset.title) lines.push('  ' + headingLine(preset.title))
    const walk = (sections: TemplateSection[], indent: string) => {
      for (const section of sections) {
        const notes = [section.repeatable ? 'repeatable' : '', section.optional ? 'optional' : ''].filter(Boolean)
        lines.push(indent + headingLine(section) + (notes.length ? `  (${notes.join(', ')})` : ''))
        walk(section.children, indent + '  ')
      }
    }
    walk(preset.sections, preset.title ? '    ' : '  ')
    blocks.push(lines.join('\n'))
  }
  process.stdout.write(blocks.join('\n\n') + '\n\nMore on one: designlint preset show <name>\n')
  return 0
}

export function init(preset: string, force: boolean, cwd: string): number {
  if (preset !== 'auto') loadPreset(preset, cwd)
  const file = path.join(cwd, '.designlintrc.json')
  const config = {preset, rules: {}}
  writeFileAtomic(file, JSON.stringify(config, null, 2) + '\n', {force})
  process.stdout.write(`designlint: wrote ${path.relative(cwd, file)} for preset ${preset}\n`)
  return 0
}

export function scaffoldCommand(values: {preset?: string; title?: string; output?: string; force?: boolean}, cwd: string): number {
  if (!values.preset) throw new UsageError('new needs --preset <name|path>')
  const output = values.output ? path.resolve(cwd, values.output) : undefined
  let reference = values.preset
  if (isTemplatePath(reference)) {
    const from = output ? path.dirname(output) : cwd
    reference = path.relative(from, path.resolve(cwd, reference)).split(path.sep).join('/')
  }
  const text = scaffold({preset: values.preset, templateReference: reference, cwd, ...(values.title ? {title: values.title} : {})})
  if (!output) {
    process.stdout.write(text)
    return 0
  }
  // A new document may start a new folder: -o docs/adr/0001.md creates docs/adr.
  writeFileAtomic(output, text, {force: values.force === true, createFolder: true})
  process.stderr.write(`designlint: wrote ${path.relative(cwd, output)} from ${values.preset}; fill it in, then run designlint on it\n`)
  return 0
}
