/**
 * Output formats, and the dispatch to them: `stylish` (vfile-reporter's),
 * `json`, and the CI formats `github`, `sarif`, `junit`, `codequality` (GitLab)
 * and `markdown`.
 */
import type {VFile} from 'vfile'
import {statistics} from 'vfile-statistics'
import {formatCodeQuality} from './codequality.js'
import {printableFile} from './common.js'
import {formatGithub} from './github.js'
import {formatJson} from './json.js'
import {formatSarif} from './sarif.js'
import {formatStylish} from './stylish.js'

export type {JsonFile, JsonMessage} from './json.js'

/** The names `--format` takes. */
export const formats = ['stylish', 'json', 'github', 'sarif', 'junit', 'codequality', 'markdown'] as const

/** An output format. */
export type Format = (typeof formats)[number]

/** Options of {@link formatResults}. */
export interface FormatOptions {
  /** Leave out files without findings (stylish, json, markdown). */
  quiet?: boolean | undefined
  /**
   * Force colours on or off in `stylish`; leave unset to let vfile-reporter
   * decide from the environment (FORCE_COLOR, NO_COLOR, a terminal).
   */
  color?: boolean | undefined
  /** designlint's version, for SARIF. */
  version?: string | undefined
}

/**
 * The files' findings in `format`. Whatever a finding quotes from a document
 * (a heading, a value, a file name) is shown with its control characters
 * escaped, in every format.
 */
export async function formatResults(format: Format, given: VFile[], options: FormatOptions = {}): Promise<string> {
  const files = given.map(printableFile)
  switch (format) {
    case 'json':
      return formatJson(files, {quiet: options.quiet})
    case 'stylish':
      return formatStylish(files, {quiet: options.quiet, color: options.color})
    case 'github':
      return formatGithub(files)
    case 'sarif':
      return formatSarif(files, options.version ?? '0.0.0')
    // The XML builder and the Markdown serializer are loaded only for their
    // format: a run that prints stylish or JSON does not pay for them.
    case 'junit':
      return (await import('./junit.js')).formatJunit(files)
    case 'codequality':
      return formatCodeQuality(files)
    case 'markdown':
      return (await import('./markdown-summary.js')).formatMarkdown(
        options.quiet ? files.filter((file) => file.messages.length > 0) : files,
      )
  }
}

/**
 * Count findings by vfile-statistics: errors are fatal messages, warnings
 * those with `fatal: false`; info messages (`fatal` unset) are neither.
 */
export function countFindings(files: VFile[]): {errors: number; warnings: number} {
  const {fatal, warn} = statistics(files)
  return {errors: fatal, warnings: warn}
}
