/**
 * The record of a lint run, for the loader to replay (`--cache`): shared by
 * the CLI, which writes it (src/run/replay.ts), and the loader, which plays
 * it back without loading the CLI (src/cli/bin.ts). Both bundles include
 * this module, so the key and the format cannot drift apart; it uses Node's
 * own modules and two small helpers of src/util only, and loads node:crypto
 * only when a run has `--cache`.
 *
 * A record is one file in the cache folder, `run-<key>.bin`: a line of JSON
 * (the key, the exit code, the inputs and the byte length of each chunk of
 * output) and then the output's bytes as written, stdout and stderr chunks in
 * the order they came. An input is a path the run read, statted, listed or
 * probed, with its fingerprint taken before the run touched it, and, for an
 * entry changed moments before, a digest of what the run read of it.
 */
import {fstatSync, readdirSync, readFileSync, statSync, writeSync, type Dirent, type Stats} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {endQuietlyWhenClosed} from '../util/closed-pipe.js'
import {hexDigest} from '../util/hash.js'

/** Bumped when the record's layout or what it checks changes: an older record is then a miss. */
const recordFormat = 1

/** Variables a shell changes between identical commands; every other one is part of the key. */
const shellNoise = new Set(['_', 'OLDPWD', 'SHLVL'])

/** A path the run touched: its fingerprint, and a digest of what it read when the fingerprint alone cannot tell. */
export type RecordedInput = [file: string, fingerprint: string, digest?: string]

/** A piece of output as the run wrote it: to stdout (1) or stderr (2). */
export interface OutputChunk {
  stream: 1 | 2
  bytes: Uint8Array
}

/** What a replay stands on and what it prints. */
export interface RunRecord {
  key: string
  exitCode: number
  inputs: RecordedInput[]
  output: OutputChunk[]
}

const requireBuiltin = createRequire(import.meta.url)

/** SHA-1 in hex (node:crypto is loaded on first use: a run without `--cache` never loads it here). */
function sha1(data: string | Uint8Array): string {
  return hexDigest('sha1', data)
}

/**
 * Whether a run may be replayed or recorded at all: one with `--cache`, and
 * without DESIGNLINT_CACHE_STATS, whose line says what the per-file cache
 * did, which a replay would repeat from another run.
 */
export function mayReplay(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--cache') && env.DESIGNLINT_CACHE_STATS === undefined
}

/**
 * The key of a run: everything besides the file system that its output may
 * depend on. The build (the hash the bundle writes beside `script`), Node and
 * its flags, the command (`argv`: its arguments), the folder, whether the
 * streams are terminals, the user,
 * and the environment but for a few shell variables: a changed variable is a
 * miss, never a wrong replay. Undefined where the build wrote no hash (tsc's
 * build, tests), or where there is no working folder: there is no replay.
 */
export function runKey(script: string, argv: readonly string[]): string | undefined {
  try {
    const build = readFileSync(`${script}.sha1`, 'utf8').trim()
    const environment = Object.entries(process.env)
      .filter(([name]) => !shellNoise.has(name))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return sha1(
      JSON.stringify([
        recordFormat,
        build,
        process.version,
        process.platform,
        process.arch,
        process.execPath,
        process.execArgv,
        process.argv[1],
        argv,
        process.cwd(),
        process.getuid?.(),
        isTerminal(1),
        isTerminal(2),
        environment,
      ]),
    )
  } catch {
    return undefined
  }
}

/**
 * Whether a file descriptor is a terminal, as `process.stdout.isTTY` tells,
 * without making the stream: a replay writes to the descriptors themselves,
 * and Node's stream for a pipe loads its whole net module. A terminal is a
 * character device, so anything else is told by one fstat, without loading
 * node:tty (which loads net as well).
 */
function isTerminal(fd: 1 | 2): boolean {
  try {
    return fstatSync(fd).isCharacterDevice() && (requireBuiltin('node:tty') as typeof import('node:tty')).isatty(fd)
  } catch {
    return false
  }
}

/**
 * The cache folder of a command line, as the CLI resolves it: the last
 * `--cache-location <dir>` or `--cache-location=<dir>` before `--`, else
 * node_modules/.cache/designlint, relative to `cwd`.
 */
export function cacheFolderOf(argv: readonly string[], cwd: string): string {
  let location = 'node_modules/.cache/designlint'
  for (let index = 0; index < argv.length && argv[index] !== '--'; index++) {
    const arg = argv[index]
    if (arg === '--cache-location' && index + 1 < argv.length) location = argv[++index]
    else if (arg.startsWith('--cache-location=')) location = arg.slice('--cache-location='.length)
  }
  return path.resolve(cwd, location)
}

/** The file a run's record is kept in. */
export function recordFile(folder: string, key: string): string {
  return path.join(folder, `run-${key}.bin`)
}

/** The name of a record file, for pruning old ones. */
export const recordName = /^run-[0-9a-f]{40}\.bin$/

/**
 * Whether a name in the cache folder is one of designlint's own files (the
 * per-file cache, the records, their temporary files). They are not inputs:
 * the per-file cache holds results that are a function of the documents,
 * configs and templates, which are inputs themselves, and a run rewrites it.
 */
export function isOwnCacheFile(name: string): boolean {
  return /^\.?(?:results-[0-9a-f]+\.json|run-[0-9a-f]+\.bin)(?:\.\d+\.\d+\.tmp)?$/.test(name)
}

/** The stats of an entry, links followed; undefined when there is none. Other errors are thrown. */
export function statOf(file: string): Stats | undefined {
  return statSync(file, {throwIfNoEntry: false})
}

/**
 * An entry's fingerprint: `size:mtimeMs:ctimeMs:ino:mode` (a folder's times
 * change when entries come or go), `none` for no entry, `error:<code>` when
 * it cannot be statted. The cache folder's is the names in it other than
 * designlint's own: the run writes there, and a record must not go stale by
 * its own writes.
 */
export function fingerprint(file: string, cacheFolder: string): string {
  try {
    if (file === cacheFolder) return 'folder:' + sha1(sortedNames(readdirOrNone(file).filter((name) => !isOwnCacheFile(name))))
    return fingerprintOf(statOf(file))
  } catch (error) {
    return `error:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`
  }
}

/** The fingerprint of stats taken (`none`: no entry). */
export function fingerprintOf(stats: Stats | undefined): string {
  return stats ? `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}:${stats.mode}` : 'none'
}

function readdirOrNone(folder: string): string[] {
  try {
    return readdirSync(folder)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

function sortedNames(names: string[]): string {
  return names.sort().join('\0')
}

/** The digest of a file's content as read (a string as UTF-8, which is how the replay reads it back). */
export function contentDigest(content: string | Uint8Array): string {
  return 'content:' + sha1(content)
}

/** The digest of a folder's listing: its names, or its names and their kinds (`withFileTypes`). */
export function listingDigest(listing: ReadonlyArray<string | Dirent>): string {
  if (listing.every((entry) => typeof entry === 'string')) return 'names:' + sha1(sortedNames([...listing]))
  return 'entries:' + sha1(sortedNames(listing.map((entry) => (typeof entry === 'string' ? entry : `${entry.name}/${kindOf(entry)}`))))
}

function kindOf(entry: Dirent): string {
  return entry.isFile() ? 'f' : entry.isDirectory() ? 'd' : entry.isSymbolicLink() ? 'l' : 'o'
}

/** The digest of an entry as it is now, of the same kind as `recorded`. */
function currentDigest(file: string, recorded: string): string | undefined {
  if (recorded.startsWith('content:')) return contentDigest(readFileSync(file))
  if (recorded.startsWith('names:')) return listingDigest(readdirSync(file))
  if (recorded.startsWith('entries:')) return listingDigest(readdirSync(file, {withFileTypes: true}))
  return undefined
}

/** Whether every input is as the recorded run found it. */
export function inputsUnchanged(inputs: readonly RecordedInput[], cacheFolder: string): boolean {
  for (const [file, recorded] of inputs) if (fingerprint(file, cacheFolder) !== recorded) return false
  // Digests last: they read files, which a changed fingerprint has usually made needless.
  for (const [file, , digest] of inputs) {
    if (digest === undefined) continue
    try {
      if (currentDigest(file, digest) !== digest) return false
    } catch {
      return false
    }
  }
  return true
}

/** A record as bytes: its JSON header line, then the output. */
export function encodeRecord(record: RunRecord): Buffer {
  const header = {
    format: recordFormat,
    key: record.key,
    exitCode: record.exitCode,
    inputs: record.inputs,
    output: record.output.map((chunk) => [chunk.stream, chunk.bytes.byteLength]),
  }
  return Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), ...record.output.map((chunk) => chunk.bytes)])
}

function isInput(value: unknown): value is RecordedInput {
  return (
    Array.isArray(value) &&
    (value.length === 2 || value.length === 3) &&
    value.every((part) => typeof part === 'string') &&
    path.isAbsolute(value[0])
  )
}

/** A record from its bytes; undefined for anything else: a damaged, truncated or older record is a miss. */
export function decodeRecord(bytes: Buffer): RunRecord | undefined {
  const end = bytes.indexOf(10)
  if (end === -1) return undefined
  let header: {format?: unknown; key?: unknown; exitCode?: unknown; inputs?: unknown; output?: unknown}
  try {
    header = JSON.parse(bytes.toString('utf8', 0, end))
  } catch {
    return undefined
  }
  const {format, key, exitCode, inputs, output} = header ?? {}
  if (format !== recordFormat || typeof key !== 'string' || !Number.isInteger(exitCode)) return undefined
  if (!Array.isArray(inputs) || !inputs.every(isInput) || !Array.isArray(output)) return undefined
  const chunks: OutputChunk[] = []
  let offset = end + 1
  for (const chunk of output as unknown[]) {
    if (!Array.isArray(chunk) || (chunk[0] !== 1 && chunk[0] !== 2) || !Number.isInteger(chunk[1]) || chunk[1] < 0) return undefined
    chunks.push({stream: chunk[0], bytes: bytes.subarray(offset, offset + chunk[1])})
    offset += chunk[1]
  }
  // A truncated record, or one with bytes after its output, is not this format's.
  if (offset !== bytes.length) return undefined
  return {key, exitCode: exitCode as number, inputs, output: chunks}
}

/**
 * Replay the recorded run of this command line, when there is one and
 * nothing it depended on has changed: write its output in order and set its
 * exit code. False in every other case, the CLI then runs as usual (and
 * records the run afresh): the replay is an optimisation, never a failure.
 */
export function replayRecordedRun(script: string): boolean {
  const argv = process.argv.slice(2)
  if (!mayReplay(argv, process.env)) return false
  let record: RunRecord | undefined
  try {
    const key = runKey(script, argv)
    if (key === undefined) return false
    const folder = cacheFolderOf(argv, process.cwd())
    record = decodeRecord(readFileSync(recordFile(folder, key)))
    if (record?.key !== key || !inputsUnchanged(record.inputs, folder)) return false
  } catch {
    return false
  }
  process.exitCode = record.exitCode
  writeOutput(record.output)
  return true
}

/**
 * Write a recorded run's output to stdout and stderr in its order, straight
 * to the descriptors. A reader that stops early (`| head`) ends its stream
 * quietly, as in the CLI. A descriptor that cannot take a blocking write (a
 * non-blocking pipe says EAGAIN) gets the rest through Node's stream for it,
 * which waits for the reader; so does any later chunk for it, to keep their
 * order.
 */
function writeOutput(chunks: readonly OutputChunk[]): void {
  const closed = new Set<number>()
  const streamed = new Map<number, NodeJS.WriteStream>()
  for (const {stream: fd, bytes} of chunks) {
    if (closed.has(fd)) continue
    const stream = streamed.get(fd)
    if (stream) {
      stream.write(bytes)
      continue
    }
    let written = 0
    try {
      while (written < bytes.byteLength) written += writeSync(fd, bytes, written)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
        closed.add(fd)
        continue
      }
      const fallback = fd === 1 ? process.stdout : process.stderr
      endQuietlyWhenClosed(fallback)
      streamed.set(fd, fallback)
      fallback.write(bytes.subarray(written))
    }
  }
}
