#!/usr/bin/env node
/**
 * designlint's command line. Exit codes: 0 clean or warnings only; 1 an error
 * finding, or more warnings than --max-warnings; 2 a usage or configuration
 * error (one line on stderr).
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import type {VFile} from 'vfile'
import {checkFiles, isCacheable} from '../run/check-files.js'
import {workerCount} from '../run/pool.js'
import {startRecording} from '../run/replay.js'
import {DesignlintError, fileError, fromSystemError, UsageError} from '../util/errors.js'
import {removeTemporaryFilesOnSignal, writeFileAtomic} from '../util/write-file.js'
import {ConfigError, findConfig, loadConfigFile, type LoadedConfig} from '../config/config.js'
import type {Options} from '../plugin/plugin.js'
import {expandPaths, unexpandedFiles} from '../run/files.js'
import {countFindings, formatResults, formats, type Format} from '../report/format.js'
import {builtinPresets, checkPresetReference, isTemplatePath, packageRoot} from '../preset/builtin.js'
import {defaultPreset} from '../preset/default.js'
import {fromPlain, hashText, unreadableFile, type PlainResult} from '../run/plain.js'
import {unknownName} from '../util/similarity.js'

const help = `Usage: designlint [options] [paths|globs...]
       designlint presets
       designlint preset show <name|path> [--format json]
       designlint init [--preset <name|path>] [--force]
       designlint new --preset <name|path> [--title "…"] [-o file] [--force]
       designlint report [paths...] [-o file.html] [--force]

Check Markdown design docs against the template they were written from.
With no paths, lints every *.md under the working folder (skipping
node_modules and what .gitignore ignores). "-" reads standard input.

Options:
  --preset <name|path>     preset to check against: ${builtinPresets.join(', ')},
                           a template .md file, or "auto" (the best-matching preset);
                           default: from config, else ${defaultPreset}. A doc's front
                           matter "template: <name|path>" wins
  --config <file>          one config file for every document (default: for each
                           document, the nearest .designlintrc.json/.yaml/.yml,
                           .designlintrc or package.json "designlint", searched
                           upward from its folder)
  --format <format>        output: ${formats.join(', ')} (default: stylish);
                           github: workflow commands (annotations), sarif: SARIF 2.1.0,
                           junit: JUnit XML, markdown: a summary table
  --max-warnings <n>       exit 1 when there are more than n warnings
  --quiet                  only show files with findings
  --cache                  keep results by content hash and re-check only changed
                           documents (in node_modules/.cache/designlint)
  --cache-location <dir>   where to keep the cache
  --workers <n>            worker threads (default: one per core for many files,
                           on 4 cores or more)
  --baseline <file>        report only findings not recorded in <file>; when it does not
                           exist, record today's findings in it (exit 0)
  --update-baseline        with --baseline: record today's findings again
  --baseline-must-exist    with --baseline: a missing baseline file is an error (exit 2)
                           instead of being recorded, e.g. in CI
  --changed-since <ref>    lint only documents changed against a git ref (committed,
                           uncommitted or new), e.g. origin/main in a pull request
  --stdin-filename <name>  name of the document read from standard input
  --color / --no-color     force colours on or off (default: on for a terminal;
                           NO_COLOR and FORCE_COLOR are honoured)
  -h, --help               show this help
  -v, --version            show the version

Commands:
  presets                  list the built-in presets and their sections
  preset show <name|path>  print what a preset requires: sections, tables,
                           diagrams, fields and their allowed values
  init                     write .designlintrc.json for a preset
  new                      write a new document from a preset's template
                           (-o file, else standard output; --title sets the title)
  report                   write an HTML report: documents × template sections,
                           completeness, findings (-o file, default
                           designlint-report.html; "-o -" standard output)
  A command's name is a path to lint when a file or folder of that name is in
  the working folder: there, "designlint presets" lints ./presets. A path with a
  slash is never a command: "designlint presets/" and "./presets" always lint.

Exit codes: 0 clean or warnings only, 1 errors (or too many warnings),
2 usage or configuration error.
Inline control: <!-- designlint disable rule-id -->, <!-- designlint enable -->,
<!-- designlint ignore rule-id --> (the next block only).`

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {version: string}).version
}

/**
 * The version the cache is keyed on: the package's, and a hash of the code
 * that runs (the bundled script holds all of it), so a new build with the
 * same version number does not reuse old results. The bundle writes that
 * hash beside the script (`designlint.cjs.sha1`) to spare each run hashing
 * 2 MB; elsewhere (tsc's build, tests) this module's file is hashed.
 */
function buildVersion(): string {
  const file = fileURLToPath(import.meta.url)
  let hash: string
  try {
    hash = readFileSync(`${file}.sha1`, 'utf8').trim()
  } catch {
    hash = hashText(readFileSync(file, 'utf8'))
  }
  return `${packageVersion()}+${hash.slice(0, 12)}`
}

const commands = ['init', 'new', 'preset', 'presets', 'report']

/**
 * The command asked for: the first positional when it is a command's name
 * and cannot be a path, i.e. no file or folder of that name is in cwd (a
 * name with a slash is never a command's). Else every positional is a path.
 */
function commandOf(positionals: string[], cwd: string): string | undefined {
  const first = positionals[0]
  if (first === undefined || !commands.includes(first)) return undefined
  if (!existsSync(path.resolve(cwd, first))) return first
  process.stderr.write(`designlint: linting ./${first}, not running the "${first}" command: a file or folder of that name is here\n`)
  return undefined
}

interface Configs {
  /** The settings of each config in play, the command line's preset applied. */
  settings: Options[]
  /** The index in `settings` of a document's (a path relative to cwd; none: standard input without a name). */
  indexOf(file: string | undefined): number
}

/**
 * The configs of the documents of a run: `--config` for all, else for each
 * the nearest to its folder. `--preset` wins over a config's preset and its
 * overrides.
 */
function configsFor(cwd: string, configFile: string | undefined, cliPreset: string | undefined): Configs {
  const fixed = configFile ? loadConfigFile(path.resolve(cwd, configFile)) : undefined
  const indexes = new Map<string, number>()
  const settings: Options[] = []
  return {
    settings,
    indexOf(file) {
      const config: LoadedConfig = fixed ?? findConfig(file ? path.dirname(path.resolve(cwd, file)) : cwd)
      const key = config.file ?? ''
      let index = indexes.get(key)
      if (index === undefined) {
        index = settings.length
        settings.push(withCommandLine(config, cliPreset, cwd))
        indexes.set(key, index)
      }
      return index
    },
  }
}

/**
 * A config's settings with the command line's preset applied. Every preset
 * it names, its overrides' too, is checked here, before any document is
 * linted: a wrong one is a configuration error (exit 2), not a finding per file.
 */
function withCommandLine(config: LoadedConfig, cliPreset: string | undefined, cwd: string): Options {
  const settings: Options = {...config.settings, config: false}
  if (cliPreset) {
    settings.preset = cliPreset
    delete settings.overrides
  }
  const base = settings.base ?? cwd
  if (settings.preset) checkPresetReference(settings.preset, base)
  for (const [index, override] of (settings.overrides ?? []).entries()) {
    try {
      checkPresetReference(override.preset, base)
    } catch (error) {
      if (!(error instanceof DesignlintError)) throw error
      throw new ConfigError(`config ${config.file ?? base}: overrides[${index}]: ${error.message}`)
    }
  }
  return settings
}

/** The command or mode a run is in: linting, or one of the commands. */
type Mode = 'lint' | 'init' | 'new' | 'presets' | 'preset show' | 'report'

/** The modes in which each option does something; anywhere else it is a usage error. */
const optionModes: Record<string, Mode[]> = {
  preset: ['lint', 'init', 'new', 'report'],
  config: ['lint', 'report'],
  format: ['lint', 'preset show'],
  'max-warnings': ['lint'],
  quiet: ['lint'],
  'stdin-filename': ['lint'],
  color: ['lint'],
  'no-color': ['lint'],
  cache: ['lint'],
  'cache-location': ['lint'],
  workers: ['lint'],
  baseline: ['lint'],
  'update-baseline': ['lint'],
  'baseline-must-exist': ['lint'],
  'changed-since': ['lint'],
  fix: ['lint'],
  'fix-dry-run': ['lint'],
  title: ['new'],
  output: ['new', 'report'],
  force: ['init', 'new', 'report'],
}

/** When linting, options that only do something alongside another, and what that is. */
const lintNeeds: Array<{option: string; needs: (values: Record<string, unknown>, positionals: string[]) => boolean; why: string}> = [
  {option: 'update-baseline', needs: (values) => values.baseline !== undefined, why: 'without --baseline <file>'},
  {option: 'baseline-must-exist', needs: (values) => values.baseline !== undefined, why: 'without --baseline <file>'},
  {option: 'cache-location', needs: (values) => values.cache !== undefined, why: 'without --cache'},
  {option: 'fix', needs: (values) => values['fix-dry-run'] === undefined, why: 'with --fix-dry-run, which only shows the fixes'},
  {option: 'stdin-filename', needs: (_, positionals) => positionals.includes('-'), why: 'without "-" (read standard input)'},
]

/** How an option is written on the command line. */
function optionName(option: string): string {
  return option === 'output' ? '-o/--output' : `--${option}`
}

/** "a", "a and b", "a, b and c". Made when first needed: making one costs ~10 ms of start-up (ICU data). */
function listOfWords(words: string[]): string {
  return new Intl.ListFormat('en-GB', {type: 'conjunction'}).format(words)
}

function modeName(mode: Mode): string {
  return mode === 'lint' ? 'linting' : `"${mode}"`
}

/** Reject an option given where it does nothing: `--title` while linting, `--update-baseline` without `--baseline`. */
function checkOptionsFit(mode: Mode, values: Record<string, unknown>, positionals: string[]): void {
  for (const [option, modes] of Object.entries(optionModes)) {
    if (values[option] === undefined || modes.includes(mode)) continue
    const where = mode === 'lint' ? 'when linting' : `with "${mode}"`
    throw new UsageError(`${optionName(option)} does nothing ${where}: it is an option of ${listOfWords(modes.map(modeName))}`)
  }
  if (mode !== 'lint') return
  for (const {option, needs, why} of lintNeeds) {
    if (values[option] !== undefined && !needs(values, positionals)) throw new UsageError(`--${option} does nothing ${why}`)
  }
}

/** The options that take a whole number: `--max-warnings -1` gets the message about numbers, not about dashes. */
const numberOptions = ['max-warnings', 'workers']

/** A whole number of 0 or more from an option's value, else a usage error. */
function wholeNumber(option: string, value: string): number {
  const number = Number(value)
  if (value.trim() === '' || !Number.isInteger(number) || number < 0) {
    throw new UsageError(`--${option} takes a whole number of 0 or more, not "${value}"`)
  }
  return number
}

/**
 * The message for an option followed by a value that starts with a dash,
 * which parseArgs calls ambiguous.
 */
function ambiguousValue(message: string, argv: string[]): string | undefined {
  const match = /^Option '(?:-\w, )?(-{1,2}[\w-]+)(?: <value>)?' argument is ambiguous/.exec(message)
  if (!match) return undefined
  const written = match[1]
  const option = written === '-o' ? 'output' : written.replace(/^--/, '')
  const at = argv.indexOf(written)
  const value = at === -1 ? undefined : argv[at + 1]
  if (value === undefined) return undefined
  if (numberOptions.includes(option)) wholeNumber(option, value)
  return `${optionName(option)} needs a value, and "${value}" looks like an option: write --${option}=${value} if you mean it`
}

/** The command line's options and positionals; a wrong one is a usage error. */
function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        preset: {type: 'string'},
        config: {type: 'string'},
        format: {type: 'string'},
        'max-warnings': {type: 'string'},
        quiet: {type: 'boolean'},
        'stdin-filename': {type: 'string'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        help: {type: 'boolean', short: 'h', default: false},
        title: {type: 'string'},
        cache: {type: 'boolean'},
        'cache-location': {type: 'string'},
        workers: {type: 'string'},
        baseline: {type: 'string'},
        'update-baseline': {type: 'boolean'},
        'baseline-must-exist': {type: 'boolean'},
        'changed-since': {type: 'string'},
        fix: {type: 'boolean'},
        'fix-dry-run': {type: 'boolean'},
        output: {type: 'string', short: 'o'},
        force: {type: 'boolean'},
        version: {type: 'boolean', short: 'v', default: false},
      },
    })
  } catch (error) {
    const message = String((error as Error).message)
    throw new UsageError(ambiguousValue(message, argv) ?? message.split('\n')[0])
  }
}

async function main(argv: string[]): Promise<number> {
  const {values, positionals} = parseCommandLine(argv)

  if (values.help) {
    // A command's --help is its own: `designlint new --help`.
    const command = commandOf(positionals, process.cwd())
    process.stdout.write((command ? (await import('./commands.js')).commandHelp(command) : help) + '\n')
    return 0
  }
  if (values.version) {
    process.stdout.write(packageVersion() + '\n')
    return 0
  }

  const format = (values.format ?? 'stylish') as Format
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(unknownName('format', format, formats))
  }
  const maxWarnings = values['max-warnings'] === undefined ? -1 : wholeNumber('max-warnings', values['max-warnings'])
  const workers = values.workers === undefined ? undefined : wholeNumber('workers', values.workers)

  const cwd = process.cwd()
  const command = commandOf(positionals, cwd)
  const mode: Mode = command === 'preset' ? 'preset show' : ((command as Mode | undefined) ?? 'lint')
  checkOptionsFit(mode, values, positionals)
  if (command) {
    removeTemporaryFilesOnSignal()
    const commands = await import('./commands.js')
    if (command === 'init') return commands.init(values.preset ?? defaultPreset, values.force === true, cwd)
    if (command === 'new') return commands.scaffoldCommand(values, cwd)
    if (command === 'presets') return commands.listPresets()
    if (command === 'report') {
      const reportPreset = values.preset && (isTemplatePath(values.preset) ? path.resolve(cwd, values.preset) : values.preset)
      if (reportPreset) checkPresetReference(reportPreset, cwd)
      const configs = configsFor(cwd, values.config, reportPreset)
      const request = {paths: positionals.slice(1), output: values.output, force: values.force === true, version: packageVersion()}
      return commands.reportCommand({...request, settingsOf: (file) => configs.settings[configs.indexOf(file)]}, cwd)
    }
    if (positionals[1] !== 'show' || !positionals[2]) throw new UsageError('usage: designlint preset show <name|path>')
    return commands.showPreset(positionals[2], cwd, format === 'json')
  }

  const cliPreset = values.preset && (isTemplatePath(values.preset) ? path.resolve(cwd, values.preset) : values.preset)
  // Check the preset up front: a wrong one is a usage error, not a finding per file.
  if (cliPreset) checkPresetReference(cliPreset, cwd)
  const configs = configsFor(cwd, values.config, cliPreset)

  const files: VFile[] = []
  const inputs = positionals.length > 0 ? positionals : ['.']
  const paths = inputs.filter((input) => input !== '-')
  const fixing: FixMode | undefined = values['fix-dry-run'] ? 'dry-run' : values.fix ? 'write' : undefined
  // What --fix writes to standard output (the fixed document of "-", or the diffs) keeps the report off it.
  const reportToStderr = fixing === 'dry-run' || (fixing === 'write' && inputs.includes('-'))
  const fixed = {findings: 0, files: 0}
  if (inputs.includes('-')) {
    let value: string
    try {
      value = readFileSync(0, 'utf8')
    } catch (error) {
      throw fileError('read', 'standard input', error)
    }
    const {createProcessor, lintText} = await import('../plugin/processor.js')
    const settings = configs.settings[configs.indexOf(values['stdin-filename'])]
    const processor = createProcessor(settings)
    if (fixing) {
      const name = values['stdin-filename'] ?? 'stdin'
      const result = await fixDocument(value, (text) => lintText(processor, text, values['stdin-filename'], cwd))
      if (fixing === 'write') process.stdout.write(result.text)
      else process.stdout.write(result.diff(name))
      countFixed(fixed, result.applied)
      files.push(result.file)
    } else files.push(lintText(processor, value, values['stdin-filename'], cwd))
  }
  // Only now: a signal handler would make the blocking read of standard input uninterruptible.
  removeTemporaryFilesOnSignal()
  if (paths.length > 0) {
    let {files: found, missing, notFiles} = await expandPaths(paths, cwd)
    if (values['changed-since']) {
      const {changedFiles} = await import('../run/changed.js')
      const changed = changedFiles(values['changed-since'], cwd)
      found = found.filter((file) => changed.has(path.resolve(cwd, file)))
    }
    const cache = values.cache
      ? {folder: path.resolve(cwd, values['cache-location'] ?? 'node_modules/.cache/designlint'), version: buildVersion()}
      : undefined
    // Each file with the settings of its nearest config (or of --config).
    const configOf = found.map((file) => configs.indexOf(file))
    if (fixing) files.push(...(await fixFiles(found, configOf, configs.settings, cwd, fixing, fixed)))
    else {
      const results = await checkFiles({files: found, configOf, settings: configs.settings}, cwd, {workers, cache, tuneCompiler: true})
      if (recording && cache?.folder === recording.folder && replayable(values, inputs, results, workers)) recording.allowReplay()
      files.push(...results.map((result) => fromPlain(result, cwd)))
    }
    files.push(...unexpandedFiles({missing, notFiles}, cwd))
    if (found.length === 0 && missing.length === 0 && notFiles.length === 0 && !inputs.includes('-')) {
      const why = values['changed-since'] ? ` changed since ${values['changed-since']}` : ''
      process.stderr.write(`designlint: no Markdown files${why} in ${paths.join(', ')}\n`)
    }
  }

  if (values.baseline) {
    // Loaded only for a run with a baseline, like every part a one-document run does not need.
    const {applyBaseline, baselineRoot, createBaseline, readBaseline, writeBaseline} = await import('../report/baseline.js')
    const file = path.resolve(cwd, values.baseline)
    // --update-baseline replaces the file unread: it is how a damaged one is recorded again.
    const update = values['update-baseline'] === true
    const existing = update ? undefined : readBaseline(file)
    const exists = update ? existsSync(file) : existing !== undefined
    if (!exists && values['baseline-must-exist']) {
      throw new UsageError(
        `no baseline at ${values.baseline} (--baseline-must-exist): check the path, or record one without --baseline-must-exist`,
      )
    }
    // File names in the baseline are relative to the repository, whatever folder the run is in.
    const root = baselineRoot(file)
    if (!existing) {
      const recorded = createBaseline(files, root)
      writeBaseline(file, recorded)
      const count = recorded.findings.reduce((sum, entry) => sum + entry.count, 0)
      const recordedWhere = exists
        ? `recorded ${count} findings in ${values.baseline}`
        : `no baseline at ${values.baseline} yet: recorded ${count} findings in it`
      process.stderr.write(`designlint: ${recordedWhere}; from now on only new ones are reported\n`)
      return 0
    }
    const dropped = applyBaseline(files, existing, root)
    if (dropped > 0) process.stderr.write(`designlint: ${dropped} findings recorded in ${values.baseline} not shown\n`)
  }
  // --quiet shows findings only: info messages (what "auto" matched) would be counted without being shown.
  if (values.quiet) for (const file of files) file.messages = file.messages.filter((message) => typeof message.fatal === 'boolean')

  // Without --color or --no-color, vfile-reporter decides (FORCE_COLOR, NO_COLOR, a terminal).
  const color = values['no-color'] ? false : values.color
  const output = await formatResults(format, files, {
    quiet: values.quiet === true,
    version: packageVersion(),
    ...(color === undefined ? {} : {color}),
  })
  if (output) (reportToStderr ? process.stderr : process.stdout).write(output + '\n')
  if (fixing) {
    const verb = fixing === 'write' ? 'fixed' : 'would fix'
    process.stderr.write(`designlint: ${verb} ${fixed.findings} findings in ${fixed.files} files\n`)
  }

  const {errors, warnings} = countFindings(files)
  if (errors > 0) return 1
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    process.stderr.write(`designlint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`)
    return 1
  }
  return 0
}

/**
 * Whether a replay of this run (src/run/replay.ts) may stand for it: a lint
 * run that reads no standard input, asks git nothing and keeps no baseline
 * (--fix does not get here), whose results could all be cached
 * (src/run/check-files.ts) and were all made in this thread, where the
 * recording sees what they read: a result from the cache has no content
 * hash, one just made has.
 */
function replayable(
  values: ReturnType<typeof parseCommandLine>['values'],
  inputs: string[],
  results: PlainResult[],
  workers: number | undefined,
): boolean {
  if (inputs.includes('-') || values['changed-since'] || values.baseline) return false
  const linted = results.filter((result) => result.contentHash !== undefined).length
  return workerCount(linted, workers) === 0 && results.every(isCacheable)
}

/** `write`: --fix; `dry-run`: --fix-dry-run. */
type FixMode = 'write' | 'dry-run'

/** A document fixed: its text, the edits applied, its diff, and the findings left. */
async function fixDocument(value: string, lint: (text: string) => VFile) {
  const {fixText} = await import('../fix/fix.js')
  const {unifiedDiff} = await import('../fix/diff.js')
  let last: VFile | undefined
  const result = fixText(value, (text) => {
    last = lint(text)
    return last.messages
  })
  return {...result, file: last!, diff: (name: string) => unifiedDiff(name, value, result.text)}
}

function countFixed(fixed: {findings: number; files: number}, applied: unknown[]): void {
  fixed.findings += applied.length
  if (applied.length > 0) fixed.files++
}

/**
 * --fix on files from disk, one after another on this thread (each pass
 * lints again): each changed file written atomically, or its diff printed
 * (--fix-dry-run). The findings are those left.
 */
async function fixFiles(
  found: string[],
  configOf: number[],
  settings: Options[],
  cwd: string,
  mode: FixMode,
  fixed: {findings: number; files: number},
): Promise<VFile[]> {
  const {createProcessor, lintText} = await import('../plugin/processor.js')
  const processors = new Map<number, ReturnType<typeof createProcessor>>()
  const results: VFile[] = []
  for (const [index, file] of found.entries()) {
    const absolute = path.resolve(cwd, file)
    let value: string
    try {
      value = readFileSync(absolute, 'utf8')
    } catch (error) {
      results.push(unreadableFile(file, `Cannot read file: ${fileError('read', file, error).message}`, cwd))
      continue
    }
    let processor = processors.get(configOf[index])
    if (!processor) {
      processor = createProcessor({...settings[configOf[index]], config: false})
      processors.set(configOf[index], processor)
    }
    const linter = processor
    const result = await fixDocument(value, (text) => lintText(linter, text, file, cwd))
    countFixed(fixed, result.applied)
    if (result.text !== value) {
      if (mode === 'write') writeFileAtomic(absolute, result.text, {force: true})
      else process.stdout.write(result.diff(file.split(path.sep).join('/')))
    }
    results.push(result.file)
  }
  return results
}

/** This run's record for the loader to replay, when it may be one (`--cache`). */
const recording = startRecording(process.argv.slice(2), fileURLToPath(import.meta.url))

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
    recording?.finish(code)
  },
  (error: unknown) => {
    recording?.finish(undefined)
    // A file-system error no step explained still gets one line, not a stack.
    const explained = error instanceof DesignlintError ? error : fromSystemError(error)
    if (explained) {
      process.stderr.write(`designlint: ${explained.message}\n`)
      process.exitCode = 2
      return
    }
    process.stderr.write(`designlint: internal error: ${(error as Error)?.stack ?? error}\n`)
    process.exitCode = 2
  },
)
