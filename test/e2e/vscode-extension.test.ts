/**
 * The VS Code extension in editors/vscode (issue 12, part 9), without VS Code:
 *
 * - its client wiring against the real server: the extension's own
 *   resolveServer (editors/vscode/src/server-options.ts, which does not import
 *   `vscode`) picks the server of a workspace, and exactly the command it
 *   returns is spawned, initialized over LSP on stdio and lints a document;
 * - its package: `npm run package` in editors/vscode builds a .vsix holding the
 *   bundled client, the manifest VS Code reads and the config's JSON Schema.
 *   Skipped when editors/vscode/node_modules is absent (`npm ci --prefix
 *   editors/vscode` installs it), so the root `npm test` does not need it.
 */
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {inflateRawSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node.js'
import {resolveServer, type ServerLookup} from '../../editors/vscode/src/server-options.js'
import {fixtures, root} from '../helpers.js'

const extensionDir = path.join(root, 'editors', 'vscode')
const serverScript = path.join(root, 'dist', 'bundle', 'language-server.js')
const valid = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
const broken = valid.replace('### Rollback Strategy\n', '### Rollback Stratgy\n')

/** A workspace with a config, and designlint "installed" in its node_modules (a link to this checkout). */
function workspace(withDesignlint: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'designlint-vscode-'))
  writeFileSync(path.join(dir, '.designlintrc.json'), JSON.stringify({preset: 'standard'}))
  if (withDesignlint) {
    mkdirSync(path.join(dir, 'node_modules'))
    symlinkSync(root, path.join(dir, 'node_modules', 'designlint'), 'dir')
  }
  return dir
}

/** The lookup as the extension makes it in VS Code, with this process's Node.js as the extension host's. */
function lookup(folders: string[], overrides: Partial<ServerLookup> = {}): ServerLookup {
  return {workspaceFolders: folders, execPath: process.execPath, env: {...process.env}, platform: process.platform, ...overrides}
}

/** One entry of a zip file: its name and its bytes. */
interface ZipEntry {
  name: string
  data: Buffer
}

/** The entries of a zip file (a .vsix), read from its central directory; stored and deflated entries. */
function readZip(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) throw new Error('not a zip file: no end of central directory')
  const count = zip.readUInt16LE(end + 10)
  let offset = zip.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  for (let index = 0; index < count; index++) {
    const method = zip.readUInt16LE(offset + 10)
    const compressedSize = zip.readUInt32LE(offset + 20)
    const nameLength = zip.readUInt16LE(offset + 28)
    const extraLength = zip.readUInt16LE(offset + 30)
    const commentLength = zip.readUInt16LE(offset + 32)
    const localHeader = zip.readUInt32LE(offset + 42)
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength)
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28)
    const raw = zip.subarray(dataStart, dataStart + compressedSize)
    entries.push({name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw)})
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** `npm <args>` in a folder, through the npm that started this run when there is one. */
function npm(args: string[], cwd: string): {status: number | null; output: string} {
  const npmCli = process.env.npm_execpath
  const viaNode = npmCli !== undefined && /\.c?js$/.test(npmCli)
  const result = spawnSync(viaNode ? process.execPath : 'npm', viaNode ? [npmCli, ...args] : args, {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    shell: !viaNode && process.platform === 'win32',
  })
  return {status: result.status, output: `${result.stdout}${result.stderr}${result.error ?? ''}`}
}

describe('VS Code extension: which server it starts', () => {
  it('takes the workspace’s designlint: the script node_modules/.bin/designlint-language-server links to', () => {
    const dir = workspace(true)
    const server = resolveServer(lookup([dir]))
    expect(server?.source).toBe('workspace')
    expect(server?.location).toBe(path.join(dir, 'node_modules', 'designlint', 'dist', 'bundle', 'language-server.js'))
    expect(server?.command).toMatchObject({command: process.execPath, args: [server?.location, '--stdio'], options: {cwd: dir}})
    expect(server?.command.options.env.ELECTRON_RUN_AS_NODE).toBe('1')
  })

  it('takes designlint.server.path first, relative to the first workspace folder', () => {
    const dir = workspace(true)
    const server = resolveServer(lookup([dir], {serverPath: 'tools/server.js'}))
    expect(server).toMatchObject({source: 'setting', location: path.join(dir, 'tools', 'server.js')})
  })

  it('else a global designlint-language-server on PATH, run with the extension host’s Node.js', () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'designlint-vscode-bin-'))
    symlinkSync(serverScript, path.join(bin, 'designlint-language-server'))
    const server = resolveServer(lookup([workspace(false)], {env: {PATH: bin}}))
    expect(server?.source).toBe('path')
    expect(server?.command.command).toBe(process.execPath)
    expect(server?.command.args).toEqual([serverScript, '--stdio'])
  })

  it('finds none without one', () => {
    expect(
      resolveServer(lookup([workspace(false)], {env: {PATH: mkdtempSync(path.join(tmpdir(), 'designlint-vscode-empty-'))}})),
    ).toBeUndefined()
  })
})

describe('VS Code extension: the client wiring against the real server over stdio', () => {
  it('spawns exactly the resolved command, initializes over LSP and gets diagnostics for a Markdown document', async () => {
    const dir = workspace(true)
    const server = resolveServer(lookup([dir]))!
    // What vscode-languageclient does with an Executable whose transport is unset: spawn it, talk over stdio.
    const child = spawn(server.command.command, server.command.args, {...server.command.options, stdio: ['pipe', 'pipe', 'pipe']})
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
    try {
      const uri = pathToFileURL(path.join(dir, 'design.md')).href
      const diagnostics = new Promise<Array<{code: string; source: string; range: {start: {line: number}}}>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no diagnostics within 20 s')), 20_000)
        connection.onNotification('textDocument/publishDiagnostics', (params: {uri: string; diagnostics: never[]}) => {
          if (params.uri !== uri) return
          clearTimeout(timer)
          resolve(params.diagnostics)
        })
      })
      connection.onRequest(() => null)
      connection.listen()
      const result = await connection.sendRequest<{capabilities: {textDocumentSync?: unknown; codeActionProvider?: unknown}}>(
        'initialize',
        {
          processId: process.pid,
          rootUri: pathToFileURL(dir).href,
          capabilities: {},
          workspaceFolders: [{uri: pathToFileURL(dir).href, name: 'workspace'}],
        },
      )
      expect(result.capabilities.textDocumentSync).toBeTruthy()
      expect(result.capabilities.codeActionProvider).toBeTruthy()
      await connection.sendNotification('initialized', {})
      // The extension's documentSelector: Markdown files.
      await connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: broken}})
      const published = await diagnostics
      expect(published.map((diagnostic) => [diagnostic.code, diagnostic.source, diagnostic.range.start.line])).toEqual([
        ['required-sections', 'designlint', broken.split('\n').indexOf('### Rollback Stratgy')],
      ])
      await connection.sendRequest('shutdown')
      await connection.sendNotification('exit')
    } finally {
      connection.dispose()
      child.kill()
    }
  }, 30_000)
})

describe('VS Code extension: the .vsix', () => {
  const installed = existsSync(path.join(extensionDir, 'node_modules'))

  it.skipIf(!installed)(
    'npm run package builds designlint.vsix with the bundled client, its manifest and the config schema',
    () => {
      const {status, output} = npm(['run', 'package'], extensionDir)
      expect(status, output).toBe(0)
      const vsix = readFileSync(path.join(extensionDir, 'designlint.vsix'))
      const entries = readZip(vsix)
      expect(entries.map((entry) => entry.name).sort()).toEqual([
        '[Content_Types].xml',
        'extension.vsixmanifest',
        'extension/LICENSE.txt',
        'extension/changelog.md',
        'extension/dist/extension.cjs',
        'extension/package.json',
        'extension/readme.md',
        'extension/schema/designlintrc.schema.json',
      ])
      const file = (name: string) => entries.find((entry) => entry.name === name)!.data
      const manifest = JSON.parse(file('extension/package.json').toString('utf8'))
      expect(manifest).toMatchObject({
        main: './dist/extension.cjs',
        activationEvents: ['onLanguage:markdown'],
        engines: {vscode: expect.stringMatching(/^\^1\.\d+\.\d+$/)},
        contributes: {
          jsonValidation: [{fileMatch: ['.designlintrc.json'], url: './schema/designlintrc.schema.json'}],
          yamlValidation: [
            {fileMatch: ['.designlintrc', '.designlintrc.yaml', '.designlintrc.yml'], url: './schema/designlintrc.schema.json'},
          ],
        },
      })
      // The packaged schema is the package's, byte for byte.
      expect(
        file('extension/schema/designlintrc.schema.json').equals(readFileSync(path.join(root, 'schema', 'designlintrc.schema.json'))),
      ).toBe(true)
      // The client is bundled (no node_modules in the .vsix) and leaves `vscode` to VS Code.
      const client = file('extension/dist/extension.cjs').toString('utf8')
      expect(client).toContain('require("vscode")')
      expect(client).toContain('designlint-language-server')
    },
    180_000,
  )
})
