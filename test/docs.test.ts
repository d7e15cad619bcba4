/** We use what we ship: our own design doc and the README's examples. */
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from './helpers.js'

const cli = path.join(root, 'dist', 'bundle', 'cli.js')

function run(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], {cwd: root, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
}

describe('docs and examples', () => {
  it('docs/design.md follows the standard preset with zero findings', () => {
    const result = run(['--preset', 'standard', 'docs/design.md'])
    expect(result.stdout).toBe('docs/design.md: no issues found\n')
    expect(result.status).toBe(0)
  })

  it('the quick start lints the examples: two clean, three drifted', () => {
    const result = run(['--format', 'json', 'examples/'])
    expect(result.status).toBe(1)
    const files = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string}>}>
    const summary = Object.fromEntries(files.map((file) => [file.path, file.messages.map((message) => message.ruleId)]))
    expect(summary).toEqual({
      'examples/flagship-evaluation.md': ['required-sections', 'required-sections'],
      'examples/ledgerly-budgets.md': [],
      'examples/notification-preferences.md': ['no-placeholders', 'required-diagrams', 'table-values'],
      'examples/payments-ledger.md': ['section-order', 'heading-level', 'no-empty-sections'],
      'examples/rate-limiter.md': [],
    })
  })
})
