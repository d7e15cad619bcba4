/**
 * The engine: lint Markdown files or strings with designlint, one processor
 * shared by every file. It parses with the fast path (src/markdown/parse.ts),
 * which gives the tree remark-parse would, without loading micromark. A file
 * that cannot be read or processed gets one fatal message and the run goes on.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {designlintParse} from '../markdown/parse.js'
import {designlintChecks, type Options} from './checks.js'
import {source} from '../rule/define.js'
import {describeSystemError, firstLineOf} from '../util/errors.js'

/** A processor that parses Markdown and runs designlint. */
export function createProcessor(options: Options = {}) {
  return unified().use(designlintParse).use(designlintChecks, options).freeze()
}

export type DesignlintProcessor = ReturnType<typeof createProcessor>

/** Lint one in-memory document. */
export function lintText(processor: DesignlintProcessor, value: string, filePath?: string, cwd = process.cwd()): VFile {
  const file = new VFile({value, cwd, ...(filePath ? {path: filePath} : {})})
  run(processor, file)
  return file
}

/**
 * Lint files from disk (paths relative to cwd), in order. Each is read
 * synchronously: one after the other, a read handed to the thread pool
 * costs several times a direct one.
 */
export async function lintFiles(processor: DesignlintProcessor, files: string[], cwd = process.cwd()): Promise<VFile[]> {
  const results: VFile[] = []
  for (const filePath of files) {
    let value: string
    try {
      value = readFileSync(path.resolve(cwd, filePath), 'utf8')
    } catch (error) {
      const file = new VFile({path: filePath, cwd})
      fail(file, `Cannot read file: ${describeSystemError(error)}`, 'read')
      results.push(file)
      continue
    }
    results.push(lintText(processor, value, filePath, cwd))
  }
  return results
}

function run(processor: DesignlintProcessor, file: VFile): void {
  try {
    const tree = processor.parse(file)
    processor.runSync(tree, file)
  } catch (error) {
    if (file.messages.includes(error as never)) return
    fail(file, `Cannot lint file: ${firstLineOf(error)}`, 'crash')
  }
}

/** Add a fatal message that is not a finding of any rule. */
export function fail(file: VFile, reason: string, ruleId: string): void {
  const message = file.message(reason, {ruleId, source})
  message.fatal = true
}
