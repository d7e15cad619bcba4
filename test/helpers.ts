/** Shared test helpers: lint fixtures and print findings one per line. */
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
