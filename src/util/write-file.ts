/**
 * Safe writes: the content goes to a temporary file beside the target first,
 * then takes the target's name in one step. Without `force`, an existing file
 * is never replaced (the link fails instead), so nothing the user wrote is
 * lost.
 */
import {linkSync, renameSync, unlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {DesignlintError} from './errors.js'

export class ExistsError extends DesignlintError {
  override name = 'ExistsError'
}

export function writeFileAtomic(file: string, content: string, force = false): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`)
  writeFileSync(temporary, content, {flag: 'wx'})
  try {
    if (force) {
      renameSync(temporary, file)
      return
    }
    try {
      linkSync(temporary, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new ExistsError(`${file} exists already: choose another name, or add --force to replace it`)
      }
      throw error
    }
    unlinkSync(temporary)
  } catch (error) {
    try {
      unlinkSync(temporary)
    } catch {
      // Already renamed or removed.
    }
    throw error
  }
}
