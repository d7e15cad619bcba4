/**
 * designlint for VS Code: a thin client of designlint-language-server. It
 * starts the server (see ./server-options.ts for which one) over stdio for
 * Markdown documents; diagnostics, quick fixes and re-linting on each change
 * all come from the server. The config file's JSON Schema is contributed in
 * package.json (jsonValidation, yamlValidation), not here.
 */
import * as vscode from 'vscode'
import {LanguageClient, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'
import {resolveServer} from './server-options.js'

let client: LanguageClient | undefined

/** Start the language server for the workspace, or say why it cannot. */
async function startClient(): Promise<void> {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath)
  const serverPath = vscode.workspace.getConfiguration('designlint').get<string>('server.path')
  const server = resolveServer({workspaceFolders: folders, serverPath, execPath: process.execPath, env: process.env, platform: process.platform})
  if (!server) {
    void vscode.window.showWarningMessage(
      'designlint: no designlint-language-server found. Install designlint in the workspace (npm install --save-dev designlint), globally (npm install --global designlint), or set designlint.server.path.',
    )
    return
  }
  const serverOptions: ServerOptions = {run: server.command, debug: server.command}
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      {scheme: 'file', language: 'markdown'},
      {scheme: 'untitled', language: 'markdown'},
    ],
  }
  client = new LanguageClient('designlint', 'designlint', serverOptions, clientOptions)
  client.info(`Starting ${server.location} (found by ${server.source})`)
  await client.start()
}

/** Stop the running server, if any. */
async function stopClient(): Promise<void> {
  const running = client
  client = undefined
  await running?.stop()
}

/** Start the server; start it again when designlint.server.path changes. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('designlint.server.path')) return
      await stopClient()
      await startClient()
    }),
  )
  await startClient()
}

/** Stop the server with the extension. */
export async function deactivate(): Promise<void> {
  await stopClient()
}
