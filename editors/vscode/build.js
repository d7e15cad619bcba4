/**
 * Build the extension into dist/: src/extension.ts and vscode-languageclient
 * bundled by esbuild into one CommonJS file (VS Code loads `main` with
 * require; `vscode` is VS Code's own), and the config's JSON Schema copied
 * from the designlint package (../../schema) into schema/, where
 * package.json's jsonValidation and yamlValidation find it.
 */
import {copyFileSync, mkdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const here = path.dirname(fileURLToPath(import.meta.url))

await build({
  entryPoints: [path.join(here, 'src', 'extension.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  outfile: path.join(here, 'dist', 'extension.cjs'),
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
})

mkdirSync(path.join(here, 'schema'), {recursive: true})
copyFileSync(path.join(here, '..', '..', 'schema', 'designlintrc.schema.json'), path.join(here, 'schema', 'designlintrc.schema.json'))
