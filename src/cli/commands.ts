/**
 * The CLI's commands other than linting: presets, preset show, init, new,
 * report. Loaded only when one of them is asked for.
 */
import {execFileSync} from 'node:child_process'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {Options} from '../plugin/plugin.js'
import {lintFiles} from '../plugin/processor.js'
import {renderHtmlReport} from '../report/html-report.js'
import {createReportProcessor} from '../report/sections.js'
import {expandPaths, unexpandedFiles} from '../run/files.js'
import {describePreset} from '../template/describe.js'
import {builtinPresets, isTemplatePath, loadPreset} from '../preset/load.js'
import {defaultPreset} from '../preset/default.js'
import {scaffold} from './scaffold.js'
import type {TemplateSection} from '../template/types.js'
import {writeFileAtomic} from '../util/write-file.js'

import {UsageError} from '../util/errors.js'
import {headingLine} from '../template/headings.js'

/** Where `designlint report` writes without `-o`: replaced on every run, as it is designlint's own file. */
export const defaultReportFile = 'designlint-report.html'

/** Each command's `--help`: its usage and its options. */
const commandHelps: Record<string, string> = {
  presets: `Usage: designlint presets

List the built-in presets (${builtinPresets.join(', ')}) and the sections each requires.
More on one: designlint preset show <name>.`,
  preset: `Usage: designlint preset show <name|path> [--format json]

Print what a preset or a template .md file requires: sections, tables,
diagrams, fields and their allowed values.

Options:
  --format json            the preset as JSON`,
  init: `Usage: designlint init [--preset <name|path>] [--force]

Write .designlintrc.json in the working folder for a preset.

Options:
  --preset <name|path>     ${builtinPresets.join(', ')}, a template .md file, or "auto"
                           (default: ${defaultPreset})
  --force                  replace an existing .designlintrc.json`,
  new: `Usage: designlint new --preset <name|path> [--title "…"] [-o file] [--force]

Write a new document from a preset's template: its title filled in, Status the
first draft status, dates today, Author from git config user.name.

Options:
  --preset <name|path>     ${builtinPresets.join(', ')}, or a template .md file
  --title <title>          the document's title
  -o, --output <file>      where to write it (its folders are created); default:
                           standard output
  --force                  replace an existing file`,
  report: `Usage: designlint report [paths|globs...] [-o file] [--force]

Write one self-contained HTML page: each document against its template's
sections (present, missing, empty, moved, misplaced, renamed), how complete
each document and each section is, and the findings by rule.

Options:
  --preset <name|path>     the preset for documents with no config or front matter
  --config <file>          the config file to use instead of searching for one
  -o, --output <file>      where to write it (- for standard output); default:
                           ${defaultReportFile}, replaced on every run
  --force                  replace an existing -o file`,
}

/** The `--help` text of a command (`presets`, `preset`, `init`, `new`, `report`). */
export function commandHelp(command: string): string {
  const text = commandHelps[command]
  if (text === undefined) throw new Error(`no help for the "${command}" command`)
  return text
}

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
  const author = gitUserName(cwd)
  const text = scaffold({
    preset: values.preset,
    templateReference: reference,
    cwd,
    ...(values.title ? {title: values.title} : {}),
    ...(author ? {author} : {}),
  })
  if (!output) {
    process.stdout.write(text)
    return 0
  }
  // A new document may start a new folder: -o docs/adr/0001.md creates docs/adr.
  writeFileAtomic(output, text, {force: values.force === true, createFolder: true})
  process.stderr.write(`designlint: wrote ${path.relative(cwd, output)} from ${values.preset}; fill it in, then run designlint on it\n`)
  return 0
}

/** What `designlint report` is given. */
export interface ReportRequest {
  /** Paths, folders and globs (none: the working folder). */
  paths: string[]
  /** The file to write (`-` for standard output); default {@link defaultReportFile}. */
  output?: string | undefined
  force: boolean
  /** The settings of a document's config (a path relative to cwd) and the command line's. */
  settingsOf: (file: string) => Options
  version: string
}

/**
 * `designlint report [paths] [-o file]`: lint the documents in this thread
 * (no workers and no cache: the sections travel on the files, not as plain
 * findings) and write the HTML report. Its exit code is 0 whatever the
 * documents hold: the report is the result. An existing `-o` file is replaced
 * only with `--force`; the default file always is.
 */
export async function reportCommand(request: ReportRequest, cwd: string): Promise<number> {
  const {files: found, missing, notFiles} = await expandPaths(request.paths.length > 0 ? request.paths : ['.'], cwd)
  const processors = new Map<Options, ReturnType<typeof createReportProcessor>>()
  const files: VFile[] = []
  for (const file of found) {
    const settings = request.settingsOf(file)
    let processor = processors.get(settings)
    if (!processor) {
      processor = createReportProcessor({...settings, config: false})
      processors.set(settings, processor)
    }
    files.push(...(await lintFiles(processor, [file], cwd)))
  }
  files.push(...unexpandedFiles({missing, notFiles}, cwd))
  if (files.length === 0) process.stderr.write(`designlint: no Markdown files in ${request.paths.join(', ') || '.'}\n`)
  const html = renderHtmlReport(files, {generated: new Date(), version: request.version})
  if (request.output === '-') {
    process.stdout.write(html)
    return 0
  }
  const output = path.resolve(cwd, request.output ?? defaultReportFile)
  writeFileAtomic(output, html, {force: request.force || request.output === undefined, createFolder: true})
  const withFindings = files.filter((file) => file.messages.some((message) => typeof message.fatal === 'boolean')).length
  process.stderr.write(`designlint: wrote ${path.relative(cwd, output)}: ${files.length} documents, ${withFindings} with findings\n`)
  return 0
}

/** The user's name as git knows it (`git config user.name` in cwd), or undefined without git or a name. */
export function gitUserName(cwd: string): string | undefined {
  try {
    const name = execFileSync('git', ['config', 'user.name'], {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()
    return name === '' ? undefined : name
  } catch {
    return undefined
  }
}
