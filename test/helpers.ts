/** Shared test helpers: lint fixtures and print findings one per line. */
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {createProcessor, lintText} from '../src/plugin/processor.js'
import type {Options} from '../src/plugin/plugin.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const fixtures = path.join(root, 'fixtures')
export const shared = path.resolve(root, '..', 'shared')
/** The built command (`npm run build` makes it), as users run it. */
export const cliScript = path.join(root, 'dist', 'bundle', 'cli.js')

/**
 * Run the built command as a process, with colour off: its exit code and
 * output. A run that hangs fails its test after a minute instead of blocking
 * the suite.
 */
export function runCli(args: string[], options: {cwd?: string; input?: string | undefined; env?: Record<string, string | undefined>} = {}) {
  const result = spawnSync(process.execPath, [cliScript, ...args], {
    cwd: options.cwd ?? root,
    input: options.input,
    encoding: 'utf8',
    timeout: 60_000,
    env: {...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env},
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

const processors = new Map<string, ReturnType<typeof createProcessor>>()

/** Lint Markdown text with designlint (no config file lookup). */
export function lint(value: string, options: Options = {}, filePath = 'doc.md'): VFile {
  const key = JSON.stringify(options)
  let processor = processors.get(key)
  if (!processor) {
    processor = createProcessor({config: false, ...options})
    processors.set(key, processor)
  }
  return lintText(processor, value, filePath, root)
}

/** Lint a file under fixtures/ (its front matter names its preset). */
export function lintFixture(relative: string, options: Options = {}): VFile {
  const file = path.join(fixtures, relative)
  return lint(readFileSync(file, 'utf8'), options, path.relative(root, file))
}

/** One line per finding: `line:column-endLine:endColumn severity rule-id reason`. */
export function findings(file: VFile): string[] {
  return file.messages.map((message) => findingLine(message))
}

/** A finding's line (see {@link findings}), with `id` for its rule id (the rule-doc examples add the message id). */
export function findingLine(message: VFileMessage, id = message.ruleId): string {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : undefined
  const at = start ? `${start.line}:${start.column}` + (end ? `-${end.line}:${end.column}` : '') : '0:0'
  const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
  return `${at} ${severity} ${id} ${message.reason}`
}
