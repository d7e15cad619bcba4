/** `--changed-since <ref>`: the files git says changed against a base ref. */
import {execFileSync} from 'node:child_process'
import path from 'node:path'
import {DesignlintError} from '../util/errors.js'

export class GitError extends DesignlintError {
  override name = 'GitError'
}

function git(args: string[], cwd: string): string[] {
  try {
    return execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
      .split('\0')
      .filter(Boolean)
  } catch (error) {
    const stderr = String((error as {stderr?: string}).stderr ?? (error as Error).message)
      .trim()
      .split('\n')[0]
    throw new GitError(`git ${args[0]} failed: ${stderr}`)
  }
}

/**
 * Files changed against `ref` (committed or not, and new untracked files),
 * as absolute paths. Deleted files are left out.
 */
export function changedFiles(ref: string, cwd: string): Set<string> {
  const changed = git(['diff', '--name-only', '--diff-filter=ACMRT', '--relative', '-z', ref, '--'], cwd)
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], cwd)
  return new Set([...changed, ...untracked].map((file) => path.resolve(cwd, file)))
}
