/**
 * Global setup of the e2e project: build dist/ (tsc, then the esbuild bundle)
 * once per test run, before any e2e test starts a process from it. With
 * DESIGNLINT_SKIP_BUILD=1 the existing dist/ is used as it is.
 */
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** `npm run build`, through the npm that started this run when there is one. */
function build(): {status: number | null; output: string} {
  const npmCli = process.env.npm_execpath
  const viaNode = npmCli !== undefined && /\.c?js$/.test(npmCli)
  const command = viaNode ? process.execPath : 'npm'
  const args = viaNode ? [npmCli, 'run', 'build'] : ['run', 'build']
  const result = spawnSync(command, args, {cwd: root, encoding: 'utf8', shell: !viaNode && process.platform === 'win32'})
  if (result.error) return {status: null, output: String(result.error)}
  return {status: result.status, output: `${result.stdout}${result.stderr}`}
}

export default function setup(): void {
  const bundle = path.join(root, 'dist', 'bundle', 'cli.js')
  if (process.env.DESIGNLINT_SKIP_BUILD === '1') {
    if (!existsSync(bundle)) {
      throw new Error(`DESIGNLINT_SKIP_BUILD=1, but there is no ${path.relative(root, bundle)}: run npm run build first`)
    }
    return
  }
  const started = performance.now()
  const {status, output} = build()
  if (status !== 0) throw new Error(`npm run build failed (exit ${status ?? 'not started'}); the e2e tests need dist/:\n${output.trim()}`)
  console.log(`e2e: built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
