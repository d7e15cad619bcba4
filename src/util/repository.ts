/** The repository a file is in: the nearest folder above it with a `.git` (a folder, or a file in a worktree). */
import {existsSync, realpathSync} from 'node:fs'
import path from 'node:path'

const roots = new Map<string, string | undefined>()

/** The root of the git repository holding `folder`, or undefined when it is in none. */
export function repositoryRoot(folder: string): string | undefined {
  const start = path.resolve(folder)
  if (roots.has(start)) return roots.get(start)
  let root: string | undefined
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) {
      root = dir
      break
    }
    if (path.dirname(dir) === dir) break
  }
  roots.set(start, root)
  return root
}

/** The real path of a file or folder (links followed), or the path itself when it does not exist. */
function realPath(file: string): string {
  try {
    return realpathSync(file)
  } catch {
    return path.resolve(file)
  }
}

/** Whether `file` is inside `folder` (or is it), once links are followed. */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(realPath(folder), realPath(file))
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}
