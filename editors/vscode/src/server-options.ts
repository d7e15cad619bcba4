/**
 * Which designlint-language-server the extension starts, and the exact
 * command that starts it over stdio. Nothing here imports `vscode`, so the
 * tests run this very function outside VS Code and spawn what it returns
 * (test/e2e/vscode-extension.test.ts).
 *
 * The server is looked for, in order:
 *
 * 1. the `designlint.server.path` setting (a script, absolute or relative to
 *    the first workspace folder);
 * 2. the workspace's own designlint: the script that
 *    `node_modules/.bin/designlint-language-server` links to, read from the
 *    `bin` of `node_modules/designlint/package.json` in each workspace folder
 *    (so the version the project pins, and the presets next to it);
 * 3. a global install: `designlint-language-server` on PATH
 *    (`npm install --global designlint`).
 *
 * A script is run with the Node.js of VS Code's extension host
 * (`process.execPath` with ELECTRON_RUN_AS_NODE=1, as vscode-languageclient
 * runs a Node module), so it needs no `node` on PATH; VS Code 1.91 and later
 * have Node.js 20, which designlint needs.
 */
import {existsSync, readFileSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'

/** The name of designlint's language server binary. */
export const serverBinary = 'designlint-language-server'

/** A command as vscode-languageclient's `Executable` takes it (transport left unset: stdio, args as given). */
export interface ServerCommand {
  command: string
  args: string[]
  options: {cwd?: string; env: Record<string, string | undefined>; shell?: boolean}
}

/** Where the server was found, and how to start it. */
export interface ResolvedServer {
  /** `setting`: designlint.server.path; `workspace`: a folder's node_modules; `path`: a global install. */
  source: 'setting' | 'workspace' | 'path'
  /** The script or program started. */
  location: string
  command: ServerCommand
}

/** What the lookup depends on: given by the extension, or by a test. */
export interface ServerLookup {
  /** The workspace folders' paths, first one first. */
  workspaceFolders: readonly string[]
  /** The designlint.server.path setting; empty or undefined when not set. */
  serverPath?: string | undefined
  /** The Node.js (or Electron) that runs a script: the extension host's `process.execPath`. */
  execPath: string
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
}

/** Whether a path is a file. */
function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/** The language server script of the designlint installed in a folder's node_modules, if there is one. */
export function workspaceServerScript(folder: string): string | undefined {
  const packageDir = path.join(folder, 'node_modules', 'designlint')
  let manifest: {bin?: string | Record<string, string>}
  try {
    manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
  } catch {
    return undefined
  }
  const bin = typeof manifest.bin === 'object' ? manifest.bin[serverBinary] : undefined
  if (!bin) return undefined
  const script = path.resolve(packageDir, bin)
  return isFile(script) ? script : undefined
}

/** A program on PATH (with PATHEXT's extensions on Windows), if there is one. */
export function findOnPath(name: string, env: Record<string, string | undefined>, platform: NodeJS.Platform): string | undefined {
  const windows = platform === 'win32'
  const searchPath = env.PATH ?? env.Path ?? ''
  const extensions = windows ? (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';') : ['']
  for (const dir of searchPath.split(windows ? ';' : ':')) {
    if (!dir) continue
    for (const extension of extensions) {
      const candidate = path.join(dir, name + extension)
      if (isFile(candidate)) return candidate
    }
  }
  return undefined
}

/** The command that runs a server script with the given Node.js over stdio. */
export function nodeCommand(script: string, lookup: ServerLookup): ServerCommand {
  const cwd = lookup.workspaceFolders[0]
  return {
    command: lookup.execPath,
    args: [script, '--stdio'],
    // In VS Code, execPath is Electron's: ELECTRON_RUN_AS_NODE makes it plain Node.js.
    options: {...(cwd ? {cwd} : {}), env: {...lookup.env, ELECTRON_RUN_AS_NODE: '1'}},
  }
}

/**
 * The command for a program found on PATH: a JavaScript file it links to
 * (npm's global bin on Linux and macOS) is run with the extension host's
 * Node.js; anything else (npm's `.cmd` shim on Windows) as a program.
 */
function pathCommand(program: string, lookup: ServerLookup): ServerCommand {
  let target = program
  try {
    target = realpathSync(program)
  } catch {
    // A broken link: run it as it is, and let the start fail with its own message.
  }
  if (/\.[cm]?js$/.test(target)) return nodeCommand(target, lookup)
  const cwd = lookup.workspaceFolders[0]
  return {
    command: program,
    args: ['--stdio'],
    options: {...(cwd ? {cwd} : {}), env: lookup.env, ...(lookup.platform === 'win32' ? {shell: true} : {})},
  }
}

/** The server to start, by the order in this module's comment; undefined when there is none. */
export function resolveServer(lookup: ServerLookup): ResolvedServer | undefined {
  if (lookup.serverPath) {
    const base = lookup.workspaceFolders[0] ?? process.cwd()
    const script = path.resolve(base, lookup.serverPath)
    return {source: 'setting', location: script, command: nodeCommand(script, lookup)}
  }
  for (const folder of lookup.workspaceFolders) {
    const script = workspaceServerScript(folder)
    if (script) return {source: 'workspace', location: script, command: nodeCommand(script, lookup)}
  }
  const program = findOnPath(serverBinary, lookup.env, lookup.platform)
  if (program && existsSync(program)) return {source: 'path', location: program, command: pathCommand(program, lookup)}
  return undefined
}
