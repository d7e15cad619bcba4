/**
 * The one error base class: a problem the user can fix (a wrong option, a
 * config or template that cannot be read, a file that exists already),
 * explained in one line. The CLI prints its message and exits 2; any other
 * error is an internal error.
 *
 * File-system errors become such one-line errors here, and only here:
 * {@link fileError} for a file designlint was reading or writing, and
 * {@link fromSystemError} for one that reached the CLI unexplained.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'

export class DesignlintError extends Error {
  override name = 'DesignlintError'
}

/** A wrong command line. */
export class UsageError extends DesignlintError {
  override name = 'UsageError'
}

/** A file or folder that could not be read or written. */
export class FileError extends DesignlintError {
  override name = 'FileError'
}

/** What a file-system error code means, in words. */
const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it exists already',
  ENOTEMPTY: 'it is a folder that is not empty',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'over the disk quota',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
  EIO: 'input/output error',
  EINVAL: 'invalid argument',
}

/** The code of a Node.js system error (`EACCES`…), if `error` is one. */
export function systemErrorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined
}

/** The first line of what was thrown: an error's message, else the value itself as text. */
export function firstLineOf(error: unknown): string {
  return String((error as Error | undefined)?.message ?? error).split('\n')[0]
}

/** Why a file-system call failed, in a few words: "permission denied". */
export function describeSystemError(error: unknown): string {
  const code = systemErrorCode(error)
  if (code && reasons[code]) return reasons[code]
  const message = firstLineOf(error)
  // Node's own text, without the "EXYZ: " code and the ", open '/path'" it repeats.
  return message.replace(/^E[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')
}

/** A path as the user knows it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
}

/** `cannot write "docs/x.md": permission denied`, for a file designlint was reading or writing. */
export function fileError(action: string, file: string, error: unknown): FileError {
  return new FileError(`cannot ${action} "${displayPath(file)}": ${fileErrorReason(action, file, error)}`)
}

/** Why an action on a file failed; more precise than the code alone where the code is misleading. */
function fileErrorReason(action: string, file: string, error: unknown): string {
  const code = systemErrorCode(error)
  if (action === 'write' && code === 'ENOENT' && !existsSync(path.dirname(file))) return 'its folder does not exist'
  if (action === 'create the folder' && code === 'EEXIST') return 'a file of that name is in the way'
  return describeSystemError(error)
}

/** What a system call did, as the user would say it. */
const actions: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  mkdir: 'create the folder',
  rename: 'write',
  link: 'write',
  unlink: 'remove',
  scandir: 'read the folder',
  stat: 'read',
  lstat: 'read',
  copyfile: 'write',
}

/**
 * A file-system error that reached the CLI without being explained, as a
 * one-line error; undefined for anything else (an internal error).
 */
export function fromSystemError(error: unknown): FileError | undefined {
  const code = systemErrorCode(error)
  const errno = error as NodeJS.ErrnoException
  if (!code || typeof errno.path !== 'string') return undefined
  return fileError(actions[errno.syscall ?? ''] ?? 'use', errno.path, error)
}
