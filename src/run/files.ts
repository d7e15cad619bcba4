/**
 * Which files to lint: paths, folders and globs, skipping node_modules, .git
 * and what .gitignore files ignore. Folders and globs take Markdown files;
 * a file named explicitly is always taken.
 */
import {existsSync, readFileSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'
import type {Ignore} from 'ignore'
import type {VFile} from 'vfile'
import {unreadableFile} from './plain.js'

export interface Expanded {
  /** Files to lint, relative to cwd when inside it, sorted. */
  files: string[]
  /** Arguments that matched nothing. */
  missing: string[]
  /** Arguments that name something other than a file or folder (a FIFO, a socket, a device), and what it is. */
  notFiles: Array<{path: string; kind: string}>
}

/** What a file-system entry that is neither a file nor a folder is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

const alwaysSkipped = ['**/node_modules/**', '**/.git/**']

/** Expand command-line arguments to files. */
export async function expandPaths(args: string[], cwd: string): Promise<Expanded> {
  const files = new Set<string>()
  const missing: string[] = []
  const notFiles: Expanded['notFiles'] = []
  // Globbing and .gitignore files are only needed for folders and globs: a
  // pre-commit run that names its files loads neither.
  let ignored: ((file: string) => boolean) | undefined
  let globbing: typeof import('tinyglobby') | undefined

  for (const arg of args) {
    const absolute = path.resolve(cwd, arg)
    let stats: ReturnType<typeof statSync> | undefined
    try {
      stats = statSync(absolute)
    } catch {
      stats = undefined
    }
    if (stats?.isFile()) {
      files.add(display(cwd, absolute))
      continue
    }
    if (stats && !stats.isDirectory()) {
      notFiles.push({path: arg, kind: kindOf(stats)})
      continue
    }
    globbing ??= await import('tinyglobby')
    let found: string[]
    if (stats?.isDirectory()) {
      found = await globbing.glob('**/*.{md,markdown}', {cwd: absolute, ignore: alwaysSkipped, absolute: true, dot: false})
    } else if (globbing.isDynamicPattern(arg)) {
      found = await globbing.glob(arg, {cwd, ignore: alwaysSkipped, absolute: true})
    } else {
      missing.push(arg)
      continue
    }
    ignored ??= await loadGitignores(cwd, globbing.glob)
    const test = ignored
    const kept = found.filter((file) => !test(file))
    if (kept.length === 0 && !stats) missing.push(arg)
    for (const file of kept) files.add(display(cwd, file))
  }
  return {files: [...files].sort(), missing, notFiles}
}

function display(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute
}

/** A test for files that a .gitignore under (or at) cwd ignores. */
async function loadGitignores(cwd: string, glob: typeof import('tinyglobby').glob): Promise<(file: string) => boolean> {
  const {default: ignore} = await import('ignore')
  const found = await glob('**/.gitignore', {cwd, ignore: alwaysSkipped, absolute: true, dot: true})
  const rules: Array<{dir: string; ig: Ignore}> = []
  for (const file of found) {
    if (!existsSync(file)) continue
    rules.push({dir: path.dirname(file), ig: ignore().add(readFileSync(file, 'utf8'))})
  }
  return (file) => {
    for (const {dir, ig} of rules) {
      const relative = path.relative(dir, file)
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue
      if (ig.ignores(relative.split(path.sep).join('/'))) return true
    }
    return false
  }
}

/** One fatal `read` finding for each path that matched no file, or is not a file. */
export function unexpandedFiles({missing, notFiles}: Pick<Expanded, 'missing' | 'notFiles'>, cwd: string): VFile[] {
  return [
    ...missing.map((input) => unreadableFile(input, `No such file or folder, or no Markdown files match: ${input}`, cwd)),
    ...notFiles.map(({path: input, kind}) => unreadableFile(input, `Cannot read file: it is ${kind}, not a file`, cwd)),
  ]
}
