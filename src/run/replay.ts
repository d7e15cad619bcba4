/**
 * Recording a `--cache` lint run for the loader to replay (the record and the
 * replay: src/run/run-record.ts). While the run lasts, Node's fs functions
 * (sync, callback and promise forms) and the two output streams are wrapped:
 * every path the run reads, stats, lists or probes is noted with its
 * fingerprint taken before the access, and everything written to stdout and
 * stderr is kept in order. The bundle, lilconfig, tinyglobby and `ignore`
 * call fs through its module object, so they are all seen.
 *
 * A run is recorded only when the CLI says it may be (a plain lint run,
 * src/cli/cli.ts) and nothing spoiled it: a write outside the cache folder,
 * an access the record cannot name (a file descriptor, standard input), an
 * input that changed while the run was under way.
 */
import fs, {type Dirent, type Stats} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {writeFileAtomic} from '../util/write-file.js'
import {
  cacheFolderOf,
  contentDigest,
  encodeRecord,
  fingerprint,
  inputsUnchanged,
  isOwnCacheFile,
  listingDigest,
  mayReplay,
  recordFile,
  recordName,
  runKey,
  statOf,
  type OutputChunk,
  type RecordedInput,
} from './run-record.js'

/** A run being recorded. */
export interface Recording {
  /** The cache folder the record goes to (the CLI's own must be the same). */
  folder: string
  /** Let the record be written: the run is one a replay may stand for. */
  allowReplay(): void
  /**
   * Stop recording and restore fs and the streams; write the record when the
   * run was allowed, nothing spoiled it, and it ended with `exitCode`
   * (undefined: it failed).
   */
  finish(exitCode: number | undefined): void
}

/** Records kept in a cache folder: a new environment makes a new key, and each record holds a run's whole output. */
const recordsKept = 16

/** What a read function reads of its path: its metadata, its content, its listing, or a handle the run reads through. */
type Access = 'metadata' | 'content' | 'listing' | 'handle'

/** fs functions that read the path in their first argument, by what they read (each in its Sync, callback and promise forms). */
const readers: Record<string, Access> = {
  stat: 'metadata',
  lstat: 'metadata',
  exists: 'metadata',
  access: 'metadata',
  realpath: 'metadata',
  readlink: 'metadata',
  readFile: 'content',
  readdir: 'listing',
  opendir: 'handle',
}

/** fs functions that change the file system, and which of their arguments are the paths they change. */
const writers: Record<string, number[]> = {
  writeFile: [0],
  appendFile: [0],
  rename: [0, 1],
  mkdir: [0],
  mkdtemp: [0],
  rm: [0],
  rmdir: [0],
  unlink: [0],
  copyFile: [1],
  cp: [1],
  link: [1],
  symlink: [1],
  truncate: [0],
  utimes: [0],
  lutimes: [0],
  chmod: [0],
  lchmod: [0],
  chown: [0],
  lchown: [0],
}

/** fs functions that write to a file descriptor: on 1 or 2, output the stream wrappers do not see. */
const descriptorWriters = ['write', 'writeSync', 'writev', 'writevSync']

/**
 * Whether an entry changed so lately that its fingerprint may not tell the
 * next change: file systems stamp times by clock ticks (a few milliseconds on
 * Linux), HFS+ and FAT by whole seconds (two for FAT), so a change within the
 * tick of the one before leaves size and times as they were. What the run
 * reads of such an entry is kept as a digest too, for the replay to check.
 */
function changedRecently(stats: Stats, now: number): boolean {
  const wholeSeconds = stats.mtimeMs % 1000 === 0 && stats.ctimeMs % 1000 === 0
  return Math.max(stats.mtimeMs, stats.ctimeMs) > now - (wholeSeconds ? 3000 : 100)
}

/** The absolute path an fs function was given, when it was given one by name. */
function pathOf(target: unknown): string | undefined {
  if (typeof target === 'string') return path.resolve(target)
  if (target instanceof URL && target.protocol === 'file:') return path.resolve(fileURLToPath(target))
  return undefined
}

/** Whether `open` flags may write (anything but r, rs, sr, or O_RDONLY alone). */
function opensToWrite(flags: unknown): boolean {
  if (flags === undefined || flags === null) return false
  const {O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND} = fs.constants
  if (typeof flags === 'number') return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) !== 0
  return !(typeof flags === 'string' && /^(?:r|rs|sr)$/.test(flags))
}

/** The bytes of a chunk given to a stream's write (a copy: the writer may reuse its buffer). */
function bytesOf(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
  return chunk instanceof Uint8Array ? Buffer.from(chunk) : undefined
}

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown
type Target = Record<string, unknown>

/**
 * Start recording this run, when it may be replayed later (`--cache`, a
 * build that wrote its hash beside `script`). Undefined otherwise.
 */
export function startRecording(argv: string[], script: string): Recording | undefined {
  const key = mayReplay(argv, process.env) ? runKey(script, argv) : undefined
  if (key === undefined) return undefined
  const folder = cacheFolderOf(argv, process.cwd())
  const inputs = new Map<string, RecordedInput>()
  const output: OutputChunk[] = []
  const restores: Array<() => void> = []
  let recording = true
  let noting = false
  let spoiled = false
  let allowed = false

  const spoil = (): undefined => {
    spoiled = true
    return undefined
  }

  /** Whether a path is inside the cache folder. */
  const inCacheFolder = (file: string | undefined) => file?.startsWith(folder + path.sep) === true

  /**
   * Whether a path is the cache folder or a folder above it. Making those is
   * the cache's own write, and whether they exist yet says nothing of the
   * output: such a write is allowed and such a probe is no input. What making
   * them changes of an input (a listing the run read) is caught when the
   * record is written, which takes every fingerprint again.
   */
  const holdsCacheFolder = (file: string | undefined) => file !== undefined && (file === folder || folder.startsWith(file + path.sep))

  /**
   * Note a read of `target` (its fingerprint before the access). Returns the
   * input when what is read must be digested: content or a listing of an
   * entry changed moments ago.
   */
  const noteRead = (target: unknown, access: Access): RecordedInput | undefined => {
    // Taking fingerprints calls fs too: those calls are the recording's, not the run's.
    noting = true
    try {
      return fingerprintRead(target, access)
    } finally {
      noting = false
    }
  }

  /** noteRead's work, its own fs calls aside. */
  const fingerprintRead = (target: unknown, access: Access): RecordedInput | undefined => {
    const file = pathOf(target)
    if (file === undefined) return spoil()
    if (path.dirname(file) === folder && isOwnCacheFile(path.basename(file))) return undefined
    if (access === 'metadata' && holdsCacheFolder(file)) return undefined
    const print = fingerprint(file, folder)
    const known = inputs.get(file)
    if (known === undefined) inputs.set(file, [file, print])
    else if (known[1] !== print) return spoil()
    if (access === 'metadata' || file === folder) return undefined
    let stats: Stats | undefined
    try {
      stats = statOf(file)
    } catch {
      stats = undefined
    }
    if (stats === undefined || !changedRecently(stats, Date.now())) return undefined
    // A handle is read later, out of sight: its content cannot be digested.
    if (access === 'handle') return spoil()
    return inputs.get(file)
  }

  /** Keep the digest of what was read of a recently changed input; two reads that differ spoil the record. */
  const noteDigest = (input: RecordedInput, access: Access, result: unknown) => {
    let digest: string | undefined
    if (access === 'content' && (typeof result === 'string' || result instanceof Uint8Array)) digest = contentDigest(result)
    else if (
      access === 'listing' &&
      Array.isArray(result) &&
      result.every((entry) => typeof entry === 'string' || entry instanceof fs.Dirent)
    ) {
      digest = listingDigest(result as Array<string | Dirent>)
    }
    if (digest === undefined || (input[2] !== undefined && input[2] !== digest)) spoil()
    else input[2] = digest
  }

  /** Replace `target[name]`, restored by finish(). */
  const replace = (target: Target, name: string, make: (original: AnyFunction) => AnyFunction) => {
    const original = target[name]
    if (typeof original !== 'function') return
    const own = Object.hasOwn(target, name)
    const wrapped = make(original as AnyFunction) as AnyFunction & {native?: unknown}
    // realpath.native and realpathSync.native are read through the function.
    if ('native' in original) wrapped.native = (original as {native: unknown}).native
    target[name] = wrapped
    restores.push(() => {
      // A stream's write is its prototype's: the stream gets it back by losing its own.
      if (own) target[name] = original
      else delete target[name]
    })
  }

  /** Wrap a reader in one of its forms: the result is digested when noteRead asks for it. */
  const watchRead = (target: Target, name: string, access: Access, form: 'sync' | 'callback' | 'promise') =>
    replace(
      target,
      name,
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          if (!recording || noting) return original.apply(this, args)
          if (access === 'listing' && (args[1] as {recursive?: unknown} | undefined)?.recursive) spoil()
          const input = noteRead(args[0], access)
          if (input === undefined) return original.apply(this, args)
          if (form === 'sync') {
            const result = original.apply(this, args)
            noteDigest(input, access, result)
            return result
          }
          if (form === 'promise') {
            return (original.apply(this, args) as Promise<unknown>).then((result) => {
              noteDigest(input, access, result)
              return result
            })
          }
          const callback = args.at(-1)
          if (typeof callback !== 'function') return original.apply(this, args)
          args[args.length - 1] = (error: unknown, result: unknown) => {
            if (!error) noteDigest(input, access, result)
            callback(error, result)
          }
          return original.apply(this, args)
        },
    )

  /** Wrap `target[name]`: `check` sees the arguments of each call the run makes, before the call. */
  const watch = (target: Target, name: string, check: (args: unknown[]) => void) =>
    replace(
      target,
      name,
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          if (recording && !noting) check(args)
          return original.apply(this, args)
        },
    )

  /**
   * A write to a path (or a descriptor) spoils the record unless it is inside
   * the cache folder. A descriptor was opened by name, and checked then; 1
   * and 2 are the output, which the record sees only through the streams.
   */
  const checkWrite = (target: unknown) => {
    if (typeof target === 'number' ? target <= 2 : !inCacheFolder(pathOf(target))) spoil()
  }

  const watchWrite = (target: Target, name: string, positions: number[]) =>
    watch(target, name, (args) => {
      if ((name === 'mkdir' || name === 'mkdirSync') && holdsCacheFolder(pathOf(args[0]))) return
      for (const position of positions) checkWrite(args[position])
    })

  /** Open for reading is a read through a handle, else a write. */
  const watchOpen = (target: Target, name: string) =>
    watch(target, name, (args) => (opensToWrite(args[1]) ? checkWrite(args[0]) : noteRead(args[0], 'handle')))

  /** Keep what is written to a stream. */
  const capture = (stream: NodeJS.WriteStream, id: 1 | 2) =>
    watch(stream as unknown as Target, 'write', ([chunk, encoding]) => {
      const bytes = bytesOf(chunk, encoding)
      if (bytes) output.push({stream: id, bytes})
      else spoil()
    })

  // The streams first: made now, a file's stream takes fs.writeSync before it is wrapped.
  capture(process.stdout, 1)
  capture(process.stderr, 2)
  const sync = fs as unknown as Target
  const promises = fs.promises as unknown as Target
  for (const [name, access] of Object.entries(readers)) {
    watchRead(sync, `${name}Sync`, access, 'sync')
    watchRead(sync, name, access, 'callback')
    watchRead(promises, name, access, 'promise')
  }
  // On the wrappers, which took them over from the originals.
  watchRead(sync.realpathSync as Target, 'native', 'metadata', 'sync')
  watchRead(sync.realpath as Target, 'native', 'metadata', 'callback')
  for (const [name, positions] of Object.entries(writers)) {
    for (const target of [sync, promises]) watchWrite(target, name, positions)
    watchWrite(sync, `${name}Sync`, positions)
  }
  for (const name of descriptorWriters) watchWrite(sync, name, [0])
  for (const target of [sync, promises]) watchOpen(target, 'open')
  watchOpen(sync, 'openSync')
  watchRead(sync, 'createReadStream', 'handle', 'sync')
  watchWrite(sync, 'createWriteStream', [0])

  return {
    folder,
    allowReplay() {
      allowed = true
    },
    finish(exitCode) {
      if (!recording) return
      recording = false
      for (const restore of restores.reverse()) restore()
      if (!allowed || spoiled || exitCode === undefined) return
      try {
        // Every input as the run found it still, by the replay's own test: nothing
        // changed it while the run went on, the run's own writes included.
        const recorded = [...inputs.values()]
        if (!inputsUnchanged(recorded, folder)) return
        const record = encodeRecord({key, exitCode, inputs: recorded, output})
        writeFileAtomic(recordFile(folder, key), record, {force: true, createFolder: true})
        pruneRecords(folder)
      } catch {
        // Without a record the next run is a normal one: the replay is an optimisation.
      }
    },
  }
}

/** Remove all but the newest records of a cache folder. */
function pruneRecords(folder: string): void {
  const records = fs.readdirSync(folder).filter((name) => recordName.test(name))
  if (records.length <= recordsKept) return
  const byAge = records
    .map((name) => ({file: path.join(folder, name), time: statOf(path.join(folder, name))?.mtimeMs ?? 0}))
    .sort((a, b) => b.time - a.time)
  for (const {file} of byAge.slice(recordsKept)) fs.rmSync(file, {force: true})
}
