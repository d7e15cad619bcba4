/**
 * Nested configs in a monorepo, through every entry point as a real process:
 * designlint's CLI, remark-cli with designlint in `.remarkrc.json`, and the
 * language server over stdio. The root's `.designlintrc.json` says standard,
 * packages/a's says prd and turns heading-numbering off, packages/b's
 * package.json says production; no document names its template, so each one
 * is checked against its own folder's preset or not at all.
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node.js'
import {fixtures, root} from '../helpers.js'

const timeout = 60_000
const cli = path.join(root, 'dist', 'bundle', 'cli.js')
const languageServer = path.join(root, 'dist', 'bundle', 'language-server.js')
const remarkCli = path.join(root, 'node_modules', 'remark-cli', 'cli.js')

/** The folder of each preset's config, relative to the monorepo's root. */
const folders = {standard: '.', prd: 'packages/a', production: 'packages/b'} as const
type Preset = keyof typeof folders
const presets = Object.keys(folders) as Preset[]

/** A fixture's text without the front matter `template:` line (and without the front matter, when that was all it held). */
function withoutTemplate(relative: string): {text: string; removed: number} {
  const text = readFileSync(path.join(fixtures, relative), 'utf8')
  const match = /^---\n([\s\S]*?\n)?---\n/.exec(text)
  if (!match) return {text, removed: 0}
  const kept = (match[1] ?? '').split('\n').filter((line) => line !== '' && !/^template:/.test(line))
  if (kept.length > 0) {
    const removed = match[0].split('\n').length - 3 - kept.length
    return {text: text.replace(match[0], `---\n${kept.join('\n')}\n---\n`), removed}
  }
  const rest = text.slice(match[0].length).replace(/^\n/, '')
  return {text: rest, removed: text.split('\n').length - rest.split('\n').length}
}

/** `rule-id line` of each line of a fixture's drifted.expected, its lines moved up by `removed`. */
function expectedDrift(preset: Preset, removed: number): string[] {
  return readFileSync(path.join(fixtures, preset, 'drifted.expected'), 'utf8')
    .split('\n')
    .map((line) => /^(\d+):\d+\S*\s+\w+\s+([a-z-]+)\//.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => `${match[2]} ${Number(match[1]) - removed}`)
}

// The same prd document, naming its template, with "## 2. System Context" unnumbered:
// at the root heading-numbering reports it, in packages/a (which turns the rule off) nothing does.
const prdValid = readFileSync(path.join(fixtures, 'prd', 'valid.md'), 'utf8')
const unnumbered = '---\ntemplate: prd\n---\n\n' + prdValid.replace('\n## 2. System Context\n', '\n## System Context\n')
const unnumberedLine = unnumbered.split('\n').indexOf('## System Context') + 1

const documents: Record<string, string> = {}
/** What each document should give, as sorted `rule-id line` strings. */
const expected: Record<string, string[]> = {}
for (const preset of presets) {
  const folder = path.posix.join(folders[preset], 'docs')
  const valid = withoutTemplate(path.join(preset, 'valid.md'))
  const drifted = withoutTemplate(path.join(preset, 'drifted.md'))
  documents[`${folder}/design.md`] = valid.text
  documents[`${folder}/drifted.md`] = drifted.text
  expected[`${folder}/design.md`] = []
  expected[`${folder}/drifted.md`] = expectedDrift(preset, drifted.removed)
    .filter((finding) => preset !== 'prd' || !finding.startsWith('heading-numbering '))
    .sort()
}
documents['docs/numbering.md'] = unnumbered
documents['packages/a/docs/numbering.md'] = unnumbered
expected['docs/numbering.md'] = [`heading-numbering ${unnumberedLine}`]
expected['packages/a/docs/numbering.md'] = []
const paths = Object.keys(documents).sort()

const configs: Record<string, string> = {
  '.designlintrc.json': JSON.stringify({preset: 'standard'}),
  'packages/a/.designlintrc.json': JSON.stringify({preset: 'prd', rules: {'heading-numbering': 'off'}}),
  'packages/b/package.json': JSON.stringify({name: 'b', private: true, designlint: {preset: 'production'}}),
}

const made: string[] = []

/** A new temp monorepo with the configs, the documents and `extra` files. */
function monorepo(extra: Record<string, string> = {}): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'designlint-nested-')))
  made.push(dir)
  for (const [name, value] of Object.entries({...configs, ...documents, ...extra})) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), value)
  }
  return dir
}

afterAll(() => {
  for (const dir of made) rmSync(dir, {recursive: true, force: true})
})

/** Findings by path, sorted, from designlint's JSON output. */
function fromJson(stdout: string): Record<string, string[]> {
  const files = JSON.parse(stdout) as Array<{path: string; messages: Array<{ruleId: string; line: number; source: string}>}>
  return Object.fromEntries(
    files.map((file) => [
      file.path,
      file.messages
        .filter((message) => message.source === 'designlint')
        .map((message) => `${message.ruleId} ${message.line}`)
        .sort(),
    ]),
  )
}

function runCli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout,
    env: {...process.env, FORCE_COLOR: '0', NO_COLOR: '1'},
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('nested configs: the CLI', () => {
  it(
    'checks each document against its own folder preset and rules, from the root',
    () => {
      const dir = monorepo()
      const {code, stdout, stderr} = runCli(['--format', 'json'], dir)
      expect(stderr).toBe('')
      expect(code).toBe(1)
      expect(fromJson(stdout)).toEqual(expected)
    },
    timeout,
  )

  it(
    "so the folders matter: under another folder's preset each valid document gives many findings",
    () => {
      const dir = monorepo()
      for (const preset of presets) {
        const others = presets.filter((other) => other !== preset).map((other) => path.posix.join(folders[other], 'docs', 'design.md'))
        const found = fromJson(runCli(['--format', 'json', '--preset', preset, ...others], dir).stdout)
        for (const other of others) expect(found[other].length, `${other} under --preset ${preset}`).toBeGreaterThanOrEqual(10)
      }
    },
    timeout,
  )
})

/** Findings by path, sorted, from remark-cli's vfile-reporter output (designlint's only). */
function fromReport(output: string): Record<string, string[]> {
  const found: Record<string, string[]> = {}
  let current: string[] | undefined
  for (const line of output.split('\n')) {
    const header = /^(\S+\.md)(?:: no issues found)?$/.exec(line)
    if (header) {
      current = []
      found[header[1]] = current
      continue
    }
    const message = /^\s*(\d+):\d+(?:-\d+:\d+)?\s+(?:error|warning|info)\s+.*?\s([a-z-]+)\s+designlint\s*$/.exec(line)
    if (message && current) current.push(`${message[2]} ${message[1]}`)
  }
  for (const list of Object.values(found)) list.sort()
  return found
}

describe('nested configs: remark-cli with designlint in .remarkrc.json', () => {
  it(
    'checks each document against its own folder preset and rules, from the root',
    () => {
      const dir = monorepo({'.remarkrc.json': JSON.stringify({plugins: ['designlint']})})
      mkdirSync(path.join(dir, 'node_modules'))
      symlinkSync(root, path.join(dir, 'node_modules', 'designlint'), 'dir')
      const remark = spawnSync(process.execPath, [remarkCli, '--no-stdout', '--no-color', 'docs', 'packages'], {
        cwd: dir,
        encoding: 'utf8',
        timeout,
      })
      expect(remark.stderr).not.toMatch(/Cannot (?:find|parse)|Error:/)
      expect(remark.status).toBe(1)
      expect(fromReport(remark.stderr)).toEqual(expected)
    },
    timeout,
  )
})

interface Diagnostic {
  range: {start: {line: number; character: number}}
  code?: string
  source?: string
}

describe('nested configs: the language server, opened at the root', () => {
  const dir = monorepo()
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href
  let server: ReturnType<typeof spawn>
  let connection: MessageConnection
  /** Every publication of each document's diagnostics, in order. */
  const published = new Map<string, Diagnostic[][]>()
  let waiting: Array<() => void> = []

  /** The diagnostics of `name` published after its `after`th publication. */
  const publication = (name: string, after: number) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${name} within 30 s`)), 30_000)
      const check = () => {
        const list = published.get(uri(name)) ?? []
        if (list.length > after) {
          clearTimeout(timer)
          resolve(list[list.length - 1])
        } else waiting.push(check)
      }
      check()
    })

  const count = (name: string) => published.get(uri(name))?.length ?? 0

  /** Diagnostics as sorted `rule-id line` strings, designlint's only. */
  const summary = (diagnostics: Diagnostic[]) =>
    diagnostics
      .filter((diagnostic) => diagnostic.source === 'designlint')
      .map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start.line + 1}`)
      .sort()

  beforeAll(async () => {
    server = spawn(process.execPath, [languageServer, '--stdio'], {cwd: dir, stdio: ['pipe', 'pipe', 'pipe']})
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!))
    connection.onNotification('textDocument/publishDiagnostics', (params: {uri: string; diagnostics: Diagnostic[]}) => {
      const list = published.get(params.uri) ?? []
      list.push(params.diagnostics)
      published.set(params.uri, list)
      const pending = waiting
      waiting = []
      for (const callback of pending) callback()
    })
    connection.onRequest(() => null)
    connection.listen()
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: {},
      workspaceFolders: [{uri: pathToFileURL(dir).href, name: 'monorepo'}],
    })
    await connection.sendNotification('initialized', {})
  }, timeout)

  afterAll(() => {
    connection?.dispose()
    server?.kill()
  })

  it(
    'checks each open document against its own folder preset and rules',
    async () => {
      const all = Promise.all(paths.map((name) => publication(name, 0)))
      for (const name of paths) {
        await connection.sendNotification('textDocument/didOpen', {
          textDocument: {uri: uri(name), languageId: 'markdown', version: 1, text: documents[name]},
        })
      }
      const diagnostics = await all
      expect(Object.fromEntries(paths.map((name, index) => [name, summary(diagnostics[index])]))).toEqual(expected)
    },
    timeout,
  )

  // Fails: the server re-checks every open document on workspace/didChangeWatchedFiles
  // (unified-language-server does that by itself), but designlint's config lookup
  // (findConfig in src/config/config.ts) caches each folder's config for the life of
  // the process and nothing calls clearConfigCache() in the language server, so the
  // re-check still sees heading-numbering "off" in packages/a (a new process, such as
  // the CLI, sees the edit). It needs the documents the test above opened. Once the
  // server clears the config cache on this notification, make it an `it`.
  it(
    'picks up an edited config after workspace/didChangeWatchedFiles',
    async () => {
      const name = 'packages/a/docs/numbering.md'
      const before = count(name)
      expect(before).toBeGreaterThan(0)
      const config = path.join(dir, 'packages/a/.designlintrc.json')
      writeFileSync(config, JSON.stringify({preset: 'prd'}))
      const next = publication(name, before)
      await connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(config).href, type: 2}]})
      expect(summary(await next)).toEqual([`heading-numbering ${unnumberedLine}`])
    },
    timeout,
  )
})
