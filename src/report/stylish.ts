/**
 * `stylish`: vfile-reporter's report, with each finding's note under it.
 *
 * vfile-reporter shows notes only with `verbose`, which also prints each
 * message's `url` and its trace of ancestor nodes. Every designlint finding
 * has a url (its rule's page, set by unified-lint-rule), so `verbose` alone
 * would add two lines under every finding. What a user expects is the note
 * (why a finding is a warning in a draft) and nothing else, so the reporter
 * gets `verbose` and a view of each message without `url` and `ancestors`;
 * the json and sarif formats carry the url.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** Options of the stylish report. */
export interface StylishOptions {
  /** Leave out files without findings. */
  quiet?: boolean | undefined
  /** Force colours on or off; unset, vfile-reporter decides (see {@link formatStylish}). */
  color?: boolean | undefined
}

/** The file as vfile-reporter should see it: its messages without url and trace. */
function withoutLinks(file: VFile): VFile {
  const messages = file.messages.map((message) =>
    Object.assign(Object.create(message) as VFileMessage, {url: undefined, ancestors: undefined}),
  )
  return Object.assign(Object.create(file) as VFile, {messages})
}

/**
 * Whether NO_COLOR (https://no-color.org) turns colours off. supports-color,
 * which vfile-reporter asks, reads FORCE_COLOR and `--no-color` but not
 * NO_COLOR; as in Node, FORCE_COLOR wins when both are set.
 */
function noColor(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.NO_COLOR) && env.FORCE_COLOR === undefined
}

/**
 * vfile-reporter's report of the files. With `color` unset: FORCE_COLOR is
 * left to vfile-reporter (supports-color reads it), NO_COLOR turns colours
 * off, and otherwise colours are on when standard output, where the report
 * goes, is a terminal (vfile-reporter alone would ask of standard error).
 */
export async function formatStylish(files: VFile[], options: StylishOptions = {}): Promise<string> {
  const {reporter} = await import('vfile-reporter')
  const env = process.env
  const color = options.color ?? (env.FORCE_COLOR !== undefined ? undefined : noColor(env) ? false : process.stdout.isTTY === true)
  return reporter(files.map(withoutLinks), {quiet: options.quiet === true, verbose: true, ...(color === undefined ? {} : {color})})
}
