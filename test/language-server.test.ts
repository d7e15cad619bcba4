/**
 * The language server over real stdio: initialize, open a document, read the
 * published diagnostics, change the document, request code actions and apply
 * one.
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node.js'
import {fixtures, root} from './helpers.js'

interface Diagnostic {
  range: {start: {line: number; character: number}; end: {line: number; character: number}}
  message: string
  severity: number
  code: string
  source: string
  codeDescription?: {href: string}
  data?: {expected: string[]}
}

interface TextEdit {
  range: Diagnostic['range']
  newText: string
}

/** Apply LSP text edits to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n')
  const offset = (position: {line: number; character: number}) =>
    lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character
  let result = text
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end))
  }
  return result
}

describe('designlint-language-server', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'designlint-lsp-'))
  writeFileSync(path.join(dir, '.designlintrc.json'), JSON.stringify({preset: 'standard'}))
  const uri = pathToFileURL(path.join(dir, 'design.md')).href
  const valid = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
  const broken = valid.replace('**Status**: Approved', '**Status**: Aproved').replace('### Rollback Strategy\n', '### Rollback Stratgy\n')

  let connection: MessageConnection
  let server: ReturnType<typeof spawn>
  const published: Array<{uri: string; diagnostics: Diagnostic[]}> = []
  let waiting: Array<() => void> = []

  const nextDiagnostics = () =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const count = published.length
      const timer = setTimeout(() => reject(new Error('no diagnostics within 20 s')), 20_000)
      const check = () => {
        if (published.length > count) {
          clearTimeout(timer)
          resolve(published[published.length - 1].diagnostics)
        } else waiting.push(check)
      }
      check()
    })

  beforeAll(async () => {
    server = spawn(process.execPath, [path.join(root, 'dist', 'bundle', 'language-server.js'), '--stdio'], {
      cwd: dir,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!))
    connection.onNotification('textDocument/publishDiagnostics', (params: {uri: string; diagnostics: Diagnostic[]}) => {
      published.push(params)
      const pending = waiting
      waiting = []
      for (const callback of pending) callback()
    })
    connection.onRequest(() => null)
    connection.listen()
    const result = await connection.sendRequest<{capabilities: {codeActionProvider?: unknown}}>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: {},
      workspaceFolders: [{uri: pathToFileURL(dir).href, name: 'test'}],
    })
    expect(result.capabilities.codeActionProvider).toBeTruthy()
    await connection.sendNotification('initialized', {})
  }, 30_000)

  afterAll(() => {
    connection?.dispose()
    server?.kill()
  })

  let diagnostics: Diagnostic[] = []

  it('publishes diagnostics with rule ids, severities, ranges and doc links', async () => {
    const next = nextDiagnostics()
    await connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: broken}})
    diagnostics = await next
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.source, diagnostic.severity]).sort()).toEqual([
      ['field-values', 'designlint', 1],
      ['required-sections', 'designlint', 1],
    ])
    const renamed = diagnostics.find((diagnostic) => diagnostic.code === 'required-sections')!
    const line = broken.split('\n').indexOf('### Rollback Stratgy')
    expect(renamed.range).toEqual({start: {line, character: 4}, end: {line, character: 20}})
    // The link lands on the message's entry in the rule page: the message id travels in the anchor.
    expect(renamed.codeDescription?.href).toMatch(/rules\/required-sections\.md#near-miss$/)
    expect(renamed.data?.expected).toEqual(['Rollback Strategy'])
  }, 30_000)

  it('updates the diagnostics when the document changes', async () => {
    const next = nextDiagnostics()
    const fixed = broken.replace('### Rollback Stratgy', '### Rollback Strategy')
    await connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: fixed}]})
    const updated = await next
    expect(updated.map((diagnostic) => diagnostic.code)).toEqual(['field-values'])
    diagnostics = updated
  }, 30_000)

  it('offers a quick fix from `expected` and applying it fixes the document', async () => {
    const [status] = diagnostics
    const actions = await connection.sendRequest<
      Array<{title: string; isPreferred?: boolean; edit: {changes: Record<string, TextEdit[]>}}>
    >('textDocument/codeAction', {textDocument: {uri}, range: status.range, context: {diagnostics: [status]}})
    expect(actions).toHaveLength(1)
    expect(actions[0].isPreferred).toBe(true)
    const current = broken.replace('### Rollback Stratgy', '### Rollback Strategy')
    const next = applyEdits(current, actions[0].edit.changes[uri])
    expect(next).toBe(valid)
  }, 30_000)

  it('a missing section is offered as an insertion where it belongs', async () => {
    const other = pathToFileURL(path.join(dir, 'missing.md')).href
    const without = valid.replace(/### Rollback Strategy\n[^\n]*\n\n/, '')
    const next = nextDiagnostics()
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: {uri: other, languageId: 'markdown', version: 1, text: without},
    })
    const [missing] = await next
    expect(missing.code).toBe('required-sections')
    expect(missing.range.start).toEqual(missing.range.end)
    const actions = await connection.sendRequest<Array<{edit: {changes: Record<string, TextEdit[]>}}>>('textDocument/codeAction', {
      textDocument: {uri: other},
      range: missing.range,
      context: {diagnostics: [missing]},
    })
    const fixed = applyEdits(without, actions[0].edit.changes[other])
    expect(fixed).toContain('### Deployment Process\n')
    // The template's instruction text comes with the heading: the document shows what to write.
    const inserted = '### Rollback Strategy\n\n[How to rollback if issues occur]\n\n### Monitoring'
    expect(fixed.indexOf(inserted)).toBeGreaterThan(fixed.indexOf('### Deployment Process'))
    // --fix makes the same edit from the same finding: one implementation.
    const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'bundle', 'cli.js'), '--fix', '-', '--stdin-filename', 'missing.md'], {
      cwd: dir,
      input: without,
      encoding: 'utf8',
    })
    expect(cli.stdout).toBe(fixed)
  }, 30_000)
})
