/**
 * `npm run bundle`: the esbuild bundle in dist/bundle (see `bundle()`
 * below), and esbuild's metafiles (meta.json, meta-cli.json): which modules
 * land in which output file.
 *
 * It first compiles the five built-in presets (presets/*.md) with the
 * template compiler of src/, bundled for the occasion, and writes them to
 * dist/bundle/precompiled-presets/ (and dist/src/preset/precompiled-presets/
 * for the tsc build), where src/preset/precompiled.ts reads them.
 *
 * The serializer, mdast-util-to-markdown, stays out of the parser's chunk:
 * mdast-util-gfm-table imports it for its to-markdown half, which needs only
 * the inline code handler; that import is served by the handler alone. The
 * full serializer is bundled only where designlint itself imports it.
 *
 * `node scripts/bundle.mjs --report` also prints, for each entry, the bytes
 * it loads up front (the entry and the chunks it imports statically) and the
 * packages that make them up.
 */
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build} from 'esbuild'
import {asciiOnly} from './ascii-only.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outdir = path.join(root, 'dist', 'bundle')
const builtinPresets = ['standard', 'production', 'architecture', 'prd', 'evolving']

/**
 * An esbuild plugin: `mdast-util-to-markdown` imported by mdast-util-gfm-table
 * resolves to a module with only the inline code handler it calls.
 */
const inlineCodeHandlerOnly = {
  name: 'inline-code-handler-only',
  setup(esbuild) {
    esbuild.onResolve({filter: /^mdast-util-to-markdown$/}, (args) =>
      /[\\/]mdast-util-gfm-table[\\/]/.test(args.importer) ? {path: args.importer, namespace: 'inline-code-handler'} : undefined,
    )
    esbuild.onLoad({filter: /.*/, namespace: 'inline-code-handler'}, (args) => {
      const serializer = path.dirname(createRequire(args.path).resolve('mdast-util-to-markdown'))
      const handler = path.join(serializer, 'lib', 'handle', 'inline-code.js')
      return {contents: `import {inlineCode} from ${JSON.stringify(handler)}\nexport const defaultHandlers = {inlineCode}\n`, resolveDir: root}
    })
  },
}

/**
 * An esbuild plugin: markdown-it's constructor always makes a linkify-it
 * matcher (5 ms of start-up compiling its patterns), which the commonmark
 * preset never uses (src/markdown/fast-parse.ts); it gets an empty one.
 */
const noLinkify = {
  name: 'no-linkify',
  setup(esbuild) {
    esbuild.onResolve({filter: /^linkify-it$/}, () => ({path: 'linkify-it', namespace: 'no-linkify'}))
    esbuild.onLoad({filter: /.*/, namespace: 'no-linkify'}, () => ({
      contents: 'export default class LinkifyIt {}\n',
      loader: 'js',
    }))
  },
}

/**
 * Compile presets/*.md with src/'s template compiler (bundled into a
 * temporary module) and write each as precompiled JSON beside the code that
 * reads it.
 */
async function precompilePresets() {
  const temporary = mkdtempSync(path.join(tmpdir(), 'designlint-precompile-'))
  const compiler = path.join(temporary, 'compiler.mjs')
  try {
    await build({
      absWorkingDir: root,
      stdin: {
        contents: "export {compileTemplate} from './src/template/compile.ts'\nexport {toPrecompiled, precompiledFolder} from './src/preset/precompiled.ts'\n",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: compiler,
      logLevel: 'warning',
      banner: {js: "import {createRequire} from 'node:module'; const require = createRequire(import.meta.url);"},
    })
    const {compileTemplate, toPrecompiled, precompiledFolder} = await import(pathToFileURL(compiler).href)
    const folders = [path.join(outdir, precompiledFolder)]
    if (existsSync(path.join(root, 'dist', 'src', 'preset'))) folders.push(path.join(root, 'dist', 'src', 'preset', precompiledFolder))
    for (const folder of folders) mkdirSync(folder, {recursive: true})
    for (const name of builtinPresets) {
      const template = readFileSync(path.join(root, 'presets', name + '.md'), 'utf8')
      const preset = compileTemplate(template, {name, source: 'presets/' + name + '.md'})
      const text = JSON.stringify(toPrecompiled(preset, template))
      for (const folder of folders) writeFileSync(path.join(folder, name + '.json'), text)
    }
  } finally {
    rmSync(temporary, {recursive: true, force: true})
  }
}

const common = {
  absWorkingDir: root,
  bundle: true,
  external: ['tinypool'],
  platform: 'node',
  target: 'node20',
  outdir,
  logLevel: 'warning',
  metafile: true,
  plugins: [inlineCodeHandlerOnly, noLinkify],
}

/** A CommonJS build: the sources' `import.meta.url` is the output file's own URL. */
const commonJs = {
  ...common,
  entryNames: '[name]',
  format: 'cjs',
  define: {'import.meta.url': '__designlintUrl', DESIGNLINT_WORKER: JSON.stringify('./worker.mjs')},
  banner: {js: "const __designlintUrl = require('node:url').pathToFileURL(__filename).href;"},
}

/**
 * Bundle the entries; returns esbuild's metafiles. dist/bundle is a CommonJS
 * folder (its own package.json says so): Node starts a CommonJS entry
 * without its ES module loader, a tenth of a one-document run here.
 *
 * - `cli.js`: the command's loader (src/cli/bin.ts), which runs the CLI,
 *   bundled as one script (`designlint.cjs`), from V8's code cache (Node 20
 *   has no code cache for ES modules).
 * - `worker.mjs` and `language-server.mjs`: ES modules with shared chunks
 *   (`chunk-*.mjs`); `language-server.js` starts the server.
 */
async function bundle() {
  const modules = await build({
    ...common,
    entryPoints: {worker: 'src/run/worker.ts', 'language-server': 'src/lsp/language-server.ts'},
    entryNames: '[name]',
    outExtension: {'.js': '.mjs'},
    splitting: true,
    format: 'esm',
    banner: {
      js: "import {createRequire as __designlintRequire} from 'node:module'; const require = __designlintRequire(import.meta.url);",
    },
  })
  const script = await build({...commonJs, entryPoints: {designlint: 'src/cli/cli.ts'}, outExtension: {'.js': '.cjs'}})
  const scriptFile = path.join(outdir, 'designlint.cjs')
  // Pure ASCII, so V8 keeps the 2 MB source as a one-byte string (scripts/ascii-only.mjs).
  writeFileSync(scriptFile, asciiOnly(readFileSync(scriptFile, 'utf8'), 'dist/bundle/designlint.cjs'))
  // The build's identity for the result cache (src/cli/cli.ts buildVersion).
  writeFileSync(`${scriptFile}.sha1`, createHash('sha1').update(readFileSync(scriptFile, 'utf8')).digest('hex') + '\n')
  await build({...commonJs, entryPoints: {cli: 'src/cli/bin.ts'}, metafile: false})
  writeFileSync(path.join(outdir, 'package.json'), JSON.stringify({type: 'commonjs', private: true}) + '\n')
  writeFileSync(
    path.join(outdir, 'language-server.js'),
    "#!/usr/bin/env node\n// Starts the language server, an ES module (see scripts/bundle.mjs).\nimport('./language-server.mjs')\n",
  )
  for (const name of ['cli', 'language-server']) chmodSync(path.join(outdir, name + '.js'), 0o755)
  writeFileSync(path.join(outdir, 'meta.json'), JSON.stringify(modules.metafile))
  writeFileSync(path.join(outdir, 'meta-cli.json'), JSON.stringify(script.metafile))
  return [modules.metafile, script.metafile]
}

/**
 * The training run that writes the CLI's code cache: the CLI checks the
 * bundled examples (findings, a report), and what V8 compiled on the way is
 * kept in designlint.cache. A short run: in a long one, V8 drops the bytecode
 * of functions not run lately (start-up's) before the cache is made.
 */
function writeCodeCache() {
  const run = spawnSync(process.execPath, [path.join(outdir, 'cli.js'), '--no-color', 'examples'], {
    cwd: root,
    env: {...process.env, DESIGNLINT_WRITE_CODE_CACHE: '1'},
    encoding: 'utf8',
  })
  if (run.status !== 0 && run.status !== 1) throw new Error(`the training run of the CLI failed (exit ${run.status}):\n${run.stderr}`)
  if (!existsSync(path.join(outdir, 'designlint.cache'))) throw new Error('the training run of the CLI wrote no code cache')
}

/** The output files an entry loads before it runs: itself and its static imports, transitively. */
function loadedUpFront(metafile, entry) {
  const seen = new Set()
  const visit = (file) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const imported of metafile.outputs[file].imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
    }
  }
  visit(entry)
  return [...seen]
}

/** The npm package a bundled input belongs to (`designlint` for the project's own sources). */
function packageOf(input) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)
  return match ? match[1] : 'designlint'
}

/** Print each entry's up-front bytes and its largest packages. */
function report(metafiles) {
  const entries = new Set(['src/cli/cli.ts', 'src/run/worker.ts', 'src/lsp/language-server.ts'])
  for (const [file, output, metafile] of metafiles.flatMap((metafile) => Object.entries(metafile.outputs).map(([file, output]) => [file, output, metafile]))) {
    if (!entries.has(output.entryPoint)) continue
    const files = loadedUpFront(metafile, file)
    const byPackage = new Map()
    let bytes = 0
    for (const each of files) {
      bytes += metafile.outputs[each].bytes
      for (const [input, {bytesInOutput}] of Object.entries(metafile.outputs[each].inputs)) {
        const name = packageOf(input)
        byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput)
      }
    }
    const largest = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12)
    process.stdout.write(`${path.basename(file)}: ${(bytes / 1024).toFixed(0)} KiB up front in ${files.length} files\n`)
    for (const [name, size] of largest) process.stdout.write(`  ${(size / 1024).toFixed(1).padStart(7)} KiB  ${name}\n`)
    const serializer = byPackage.get('mdast-util-to-markdown') ?? 0
    process.stdout.write(`  mdast-util-to-markdown up front: ${(serializer / 1024).toFixed(1)} KiB\n`)
  }
}

// A fresh folder: chunks of earlier builds (content-hashed names) would otherwise pile up in the package.
rmSync(outdir, {recursive: true, force: true})
await precompilePresets()
const metafiles = await bundle()
writeCodeCache()
if (process.argv.includes('--report')) report(metafiles)
