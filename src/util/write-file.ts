/**
 * Safe writes: the content goes to a temporary file beside the target first,
 * then takes the target's name in one step. Without `force`, an existing file
 * is never replaced (the link fails instead), so nothing the user wrote is
 * lost; a folder is never replaced, even with `force`.
 *
 * Temporary files are named `.<name>.<pid>.<time>.tmp`. One left behind by a
 * process that was killed while writing is removed by the next write of the
 * same file; {@link removeTemporaryFilesOnSignal} makes an interrupted run
 * finish the write under way (the writes are synchronous) and remove any
 * temporary file before it ends.
 */
import {linkSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {DesignlintError, fileError, systemErrorCode} from './errors.js'

export class ExistsError extends DesignlintError {
  override name = 'ExistsError'
}

export interface WriteOptions {
  /** Replace an existing file. */
  force?: boolean
  /** Create the file's folder (and its parents) when missing. */
  createFolder?: boolean
}

/** Temporary files being written, removed if the process is interrupted. */
const writing = new Set<string>()

/** A temporary file older than this is stale whatever its process id says. */
const staleAfterMs = 60 * 60 * 1000

/** Write `content` to `file` atomically; a file-system failure is a one-line {@link FileError} naming `file`. */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  const folder = path.dirname(file)
  if (options.createFolder) createFolder(folder)
  if (isFolder(file)) throw fileError('write', file, {code: 'EISDIR'})
  removeStaleTemporaryFiles(file)
  const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`)
  writing.add(temporary)
  try {
    writeFileSync(temporary, content, {flag: 'wx'})
    if (options.force) {
      renameSync(temporary, file)
      return
    }
    try {
      linkSync(temporary, file)
    } catch (error) {
      if (systemErrorCode(error) === 'EEXIST') {
        throw new ExistsError(`${file} exists already: choose another name, or add --force to replace it`)
      }
      throw error
    }
  } catch (error) {
    throw error instanceof DesignlintError ? error : fileError('write', file, error)
  } finally {
    removeQuietly(temporary)
    writing.delete(temporary)
  }
}

/**
 * Create a folder and its missing parents, one at a time: Node's recursive
 * mkdir loops forever where a file system refuses with ENOENT (/proc).
 */
function createFolder(folder: string): void {
  if (isFolder(folder)) return
  const parent = path.dirname(folder)
  if (parent !== folder) createFolder(parent)
  try {
    mkdirSync(folder)
  } catch (error) {
    if (systemErrorCode(error) === 'EEXIST' && isFolder(folder)) return
    throw fileError('create the folder', folder, error)
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory()
  } catch {
    return false
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // Already renamed or removed.
  }
}

/** Whether a process of this id is running (a process of another user's counts). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return systemErrorCode(error) === 'EPERM'
  }
}

/** Remove the temporary files of earlier writes of `file` whose process is gone (or that are an hour old). */
export function removeStaleTemporaryFiles(file: string): void {
  const folder = path.dirname(file)
  const prefix = `.${path.basename(file)}.`
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const match = /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length))
    if (!match) continue
    const pid = Number(match[1])
    const stale = pid !== process.pid && (!isRunning(pid) || Date.now() - Number(match[2]) > staleAfterMs)
    if (stale) removeQuietly(path.join(folder, name))
  }
}

let handlersInstalled = false

/**
 * On SIGINT, SIGTERM or SIGHUP, remove the temporary files being written and
 * end as the signal would have. A write under way finishes first: the
 * handler runs between synchronous steps. Install it only once the process
 * no longer blocks on a synchronous read (standard input), which a handler
 * would make impossible to interrupt.
 */
export function removeTemporaryFilesOnSignal(): void {
  if (handlersInstalled) return
  handlersInstalled = true
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const temporary of writing) removeQuietly(temporary)
      process.kill(process.pid, signal)
    })
  }
}
