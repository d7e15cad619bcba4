/** `--changed-since <ref>`: the files git says changed against a base ref. */
import {execFileSync} from 'node:child_process'
import path from 'node:path'
import {DesignlintError, UsageError} from '../util/errors.js'

export class GitError extends DesignlintError {
  override name = 'GitError'
}

/**
 * The line of git's stderr that says why it failed: its first `fatal:` or
 * `error:` line, not a warning printed before it.
 */
export function gitFailure(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  return lines.find((line) => /^(fatal|error):/.test(line)) ?? lines.at(-1) ?? 'no output'
}

function git(args: string[], cwd: string): string[] {
  try {
    return execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
      .split('\0')
      .filter(Boolean)
  } catch (error) {
    const stderr = (error as {stderr?: string}).stderr
    throw new GitError(`git ${args[0]} failed: ${gitFailure(stderr ? String(stderr) : String((error as Error).message))}`)
  }
}

/**
 * Files changed against `ref` (committed or not, and new untracked files),
 * as absolute paths. Deleted files are left out. A ref that starts with "-"
 * is a usage error (git would take it for an option), and the ref is passed
 * after `--end-of-options` all the same.
 */
export function changedFiles(ref: string, cwd: string): Set<string> {
  if (ref.startsWith('-') || ref.trim() === '') {
    throw new UsageError(`--changed-since takes a git ref such as origin/main, not "${ref}"`)
  }
  const changed = git(['diff', '--name-only', '--diff-filter=ACMRT', '--relative', '-z', '--end-of-options', ref, '--'], cwd)
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], cwd)
  return new Set([...changed, ...untracked].map((file) => path.resolve(cwd, file)))
}
