/** The CLI as a real process: exit codes, stdout/stderr, JSON shape, config. */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cliScript, fixtures, runCli} from './helpers.js'

const cli = cliScript
const run = runCli

function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'designlint-'))
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), value)
  }
  return dir
}

const validStandard = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
const validProduction = readFileSync(path.join(fixtures, 'production', 'valid.md'), 'utf8')
// The standard document without its "### Rollback Strategy", in a project of its own.
const missingSubsection = 'docs/fail-missing-subsection.md'
const sample = tempProject({
  'docs/valid.md': validStandard,
  [missingSubsection]: '---\ntemplate: standard\n---\n\n' + validStandard.replace(/\n\n### Rollback Strategy\n[^\n]*/, ''),
})

describe('designlint CLI', () => {
  it('prints help', () => {
    const {code, stdout} = run(['--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: designlint \[options\] \[paths\|globs\.\.\.\]/)
    expect(stdout).toContain('--max-warnings')
  })

  it('ends with its own exit code, and no stack trace, when its reader closes the pipe early (`| head`)', () => {
    // Many findings, so the report is far longer than the pipe takes before `head` closes it.
    const many = tempProject(Object.fromEntries(Array.from({length: 40}, (_, index) => [`docs/d${index}.md`, '# Doc\n\nTBD\n'])))
    for (const cache of [[], ['--cache', '--cache-location', path.join(many, 'cache')]]) {
      for (let round = 0; round < (cache.length > 0 ? 3 : 1); round++) {
        const command = `"${process.execPath}" "${cli}" ${cache.map((arg) => `"${arg}"`).join(' ')} --preset standard --format json docs | head -c 10 >/dev/null; echo "exit \${PIPESTATUS[0]}" >&2`
        const result = spawnSync('bash', ['-c', command], {cwd: many, encoding: 'utf8', timeout: 60_000})
        // The third run with --cache is a replay of the second.
        expect(result.stderr, `${cache.join(' ')} round ${round}`).toBe('exit 1\n')
      }
    }
  })

  it('exits 0 on a clean document', () => {
    const {code, stdout, stderr} = run(['--preset', 'standard', 'fixtures/standard/valid.md'])
    expect({code, stderr}).toEqual({code: 0, stderr: ''})
    expect(stdout).toContain('fixtures/standard/valid.md: no issues found')
  })

  it('exits 1 with the finding in vfile-reporter format', () => {
    const {code, stdout} = run([missingSubsection], {cwd: sample})
    expect(code).toBe(1)
    expect(stdout).toContain(missingSubsection)
    expect(stdout).toMatch(
      /101:1 +error +Missing section "### Rollback Strategy" under "## Deployment": expected after "### Deployment Process" +required-sections +designlint/,
    )
    expect(stdout).toMatch(/✖ 1 error/)
  })

  it('prints JSON in vfile-reporter-json shape with quick-fix data', () => {
    const {code, stdout} = run(['--format', 'json', missingSubsection, 'docs/valid.md', '--preset', 'standard'], {cwd: sample})
    expect(code).toBe(1)
    const result = JSON.parse(stdout)
    expect(result).toHaveLength(2)
    const [failing, clean] = result
    expect(failing.path).toBe(missingSubsection)
    expect(clean.messages).toEqual([])
    expect(failing.messages).toEqual([
      expect.objectContaining({
        ruleId: 'required-sections',
        source: 'designlint',
        line: 101,
        column: 1,
        fatal: true,
        severity: 'error',
        // The heading with the template's instruction text under it: what --fix and the quick fix insert.
        expected: ['### Rollback Strategy\n\n[How to rollback if issues occur]\n\n'],
        url: expect.stringMatching(/rules\/required-sections\.md(#[\w-]+)?$/),
      }),
    ])
  })

  it('rejects an unknown preset in one line, suggesting the closest', () => {
    const {code, stdout, stderr} = run(['--preset', 'prodution', 'fixtures/standard/valid.md'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      'designlint: unknown preset "prodution" (did you mean "production"?); known presets: standard, production, architecture, prd, evolving, or a path to a template .md file\n',
    )
  })

  it('rejects unknown options and formats with exit 2', () => {
    expect(run(['--frobnicate']).code).toBe(2)
    const format = run(['--format', 'jsno', 'x.md'])
    expect(format.code).toBe(2)
    expect(format.stderr).toBe(
      'designlint: unknown format "jsno" (did you mean "json"?); known formats: stylish, json, github, sarif, junit, codequality, markdown\n',
    )
    expect(run(['--max-warnings', 'many', 'x.md']).code).toBe(2)
  })

  it('reports a missing file and goes on with the others', () => {
    const {code, stdout} = run(['--preset', 'standard', 'no-such-doc.md', 'fixtures/standard/valid.md'])
    expect(code).toBe(1)
    expect(stdout).toContain('no-such-doc.md')
    expect(stdout).toMatch(/No such file or folder, or no Markdown files match: no-such-doc\.md/)
    expect(stdout).toContain('fixtures/standard/valid.md: no issues found')
  })

  it('reads standard input with --stdin-filename', () => {
    const {code, stdout} = run(['--preset', 'standard', '--stdin-filename', 'docs/new.md', '-'], {input: validStandard})
    expect(code).toBe(0)
    expect(stdout).toContain('docs/new.md: no issues found')
  })

  it('lints every *.md under the folder by default, skipping node_modules and .gitignore', () => {
    const dir = tempProject({
      'docs/a.md': validStandard,
      'docs/b.md': validStandard.replace('### Rollback Strategy', '### Rollback Stratgy'),
      'node_modules/pkg/README.md': '# x',
      'build/out.md': '# y',
      '.gitignore': 'build/\n',
      '.designlintrc.json': '{"preset": "standard"}',
    })
    const {code, stdout} = run(['--format', 'json'], {cwd: dir})
    expect(code).toBe(1)
    const result = JSON.parse(stdout) as Array<{path: string; messages: unknown[]}>
    expect(result.map((file) => file.path)).toEqual(['docs/a.md', 'docs/b.md'])
    expect(result[1].messages).toHaveLength(1)
  })

  it('takes preset and severities from the config file; --max-warnings', () => {
    const dir = tempProject({
      'doc.md': validStandard.replace('### Rollback Strategy', '### Rollback Stratgy'),
      '.designlintrc.yaml': 'preset: standard\nrules:\n  required-sections: warn\n',
    })
    const warned = run(['doc.md'], {cwd: dir})
    expect(warned.code).toBe(0)
    expect(warned.stdout).toMatch(/warning +Section "### Rollback Stratgy"/)
    const strict = run(['--max-warnings', '0', 'doc.md'], {cwd: dir})
    expect(strict.code).toBe(1)
    expect(strict.stderr).toBe('designlint: 1 warnings, more than --max-warnings 0\n')
  })

  it('rejects a broken config with exit 2 and one line', () => {
    const dir = tempProject({'doc.md': validStandard, '.designlintrc.json': '{"preset": "standard", "rulez": {}}'})
    const {code, stderr} = run(['doc.md'], {cwd: dir})
    expect(code).toBe(2)
    expect(stderr).toMatch(
      /^designlint: config .*\.designlintrc\.json: unknown key "rulez" \(did you mean "rules"\?\); known keys: preset, rules, overrides, draftStatuses, limits, templatePaths\n$/,
    )
    const bad = tempProject({'doc.md': validStandard, '.designlintrc.json': '{"rules": {"required-section": "error"}}'})
    expect(run(['doc.md'], {cwd: bad}).stderr).toMatch(/unknown rule "required-section" \(did you mean "required-sections"\?\)/)
  })

  it('takes the preset from front matter, per document', () => {
    const dir = tempProject({
      'a.md': '---\ntemplate: production\n---\n\n' + readFileSync(path.join(fixtures, 'production', 'valid.md'), 'utf8'),
      'b.md': '---\ntemplate: nosuch\n---\n\n# Hello\n',
      'c.md': validStandard,
    })
    const {code, stdout} = run(['--format', 'json', '--preset', 'standard'], {cwd: dir})
    expect(code).toBe(1)
    const [a, b, c] = JSON.parse(stdout) as Array<{messages: Array<{ruleId: string; reason: string}>}>
    expect(a.messages).toEqual([])
    expect(b.messages).toEqual([expect.objectContaining({ruleId: 'preset', reason: expect.stringMatching(/^unknown preset "nosuch"/)})])
    expect(c.messages).toEqual([])
  })

  it('--quiet shows only files with findings', () => {
    const {stdout} = run(['--quiet', '--preset', 'standard', 'docs/valid.md', missingSubsection], {cwd: sample})
    expect(stdout).not.toContain('valid.md')
    expect(stdout).toContain('fail-missing-subsection.md')
  })

  it('lists the presets and their sections', () => {
    // Not in the repository's root: its ./presets folder would be linted.
    const {code, stdout} = run(['presets'], {cwd: tempProject({})})
    expect(code).toBe(0)
    for (const name of ['standard', 'production', 'architecture', 'prd', 'evolving']) expect(stdout).toContain(name + ' (presets/')
    expect(stdout).toContain('      ### 5.1 {Primary User Workflow Name}  (repeatable)')
  })
})

describe('designlint new, init, preset show, auto', () => {
  it('new writes a document that has only content findings, and refuses to overwrite', () => {
    const dir = tempProject({})
    const first = run(['new', '--preset', 'production', '--title', 'Rate Limiter', '-o', 'design.md'], {cwd: dir})
    expect(first.code).toBe(0)
    const text = readFileSync(path.join(dir, 'design.md'), 'utf8')
    expect(text).toMatch(/^---\ntemplate: production\n---\n\n# Technical Design Doc: Rate Limiter\n/)
    expect(text).toContain('- **Status:** Draft\n')
    const lint = run(['--format', 'json', 'design.md'], {cwd: dir})
    expect(lint.code).toBe(0)
    const rules = new Set(
      (JSON.parse(lint.stdout)[0].messages as Array<{ruleId: string; severity: string}>).map((m) => `${m.ruleId} ${m.severity}`),
    )
    expect([...rules].sort()).toEqual(['no-placeholders warning', 'no-template-text warning'])

    writeFileSync(path.join(dir, 'design.md'), 'my own words\n')
    const again = run(['new', '--preset', 'production', '-o', 'design.md'], {cwd: dir})
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/design\.md exists already: choose another name, or add --force to replace it\n$/)
    expect(readFileSync(path.join(dir, 'design.md'), 'utf8')).toBe('my own words\n')
    expect(run(['new', '--preset', 'production', '-o', 'design.md', '--force'], {cwd: dir}).code).toBe(0)
    expect(readFileSync(path.join(dir, 'design.md'), 'utf8')).toContain('# Technical Design Doc: <Project / Feature Name>')
  })

  it('new from a template path names the template relative to the new document', () => {
    const dir = tempProject({'templates/adr.md': '# ADR: [Title]\n\n## Context\n[Why]\n'})
    expect(run(['new', '--preset', 'templates/adr.md', '--title', 'Queues', '-o', 'docs/adr-1.md'], {cwd: tempProject({})}).code).toBe(2)
    mkdirSync(path.join(dir, 'docs'))
    expect(run(['new', '--preset', 'templates/adr.md', '--title', 'Queues', '-o', 'docs/adr-1.md'], {cwd: dir}).code).toBe(0)
    expect(readFileSync(path.join(dir, 'docs', 'adr-1.md'), 'utf8')).toBe(
      '---\ntemplate: ../templates/adr.md\n---\n\n# ADR: Queues\n\n## Context\n[Why]\n',
    )
  })

  it('init writes a config, and refuses to overwrite one', () => {
    const dir = tempProject({})
    expect(run(['init', '--preset', 'prd'], {cwd: dir}).stdout).toBe('designlint: wrote .designlintrc.json for preset prd\n')
    expect(JSON.parse(readFileSync(path.join(dir, '.designlintrc.json'), 'utf8'))).toEqual({preset: 'prd', rules: {}})
    expect(run(['init', '--preset', 'prd'], {cwd: dir}).code).toBe(2)
    expect(run(['init', '--preset', 'nope'], {cwd: tempProject({})}).code).toBe(2)
  })

  it('preset show prints sections, tables, diagrams, fields and choices', () => {
    const {code, stdout} = run(['preset', 'show', 'prd'])
    expect(code).toBe(0)
    expect(stdout).toContain('Title: # {Product Name} — Technical Design Document  (your own text in place of the placeholder)')
    expect(stdout).toContain('table: Dependency | Owner | Status (one of Ready, In Progress, Blocked) | Impact if Delayed')
    expect(stdout).toContain('diagram: mermaid erDiagram')
    expect(stdout).toContain('Status (header, written "**Status:** x") (one of Draft, In Review, Approved)')
    const json = JSON.parse(run(['preset', 'show', 'standard', '--format', 'json']).stdout)
    expect(json.fields.map((field: {name: string}) => field.name)).toEqual(['Author', 'Date', 'Status'])
  })

  it('--preset auto says which preset it matched', () => {
    const dir = tempProject({'doc.md': validStandard})
    const {code, stdout} = run(['--preset', 'auto', 'doc.md'], {cwd: dir})
    expect(code).toBe(0)
    expect(stdout).toMatch(/1:1 +info +matched preset standard: \d+ of \d+ sections +preset +designlint/)
  })

  it('config overrides pick presets by path', () => {
    const dir = tempProject({
      'docs/rfcs/a.md': readFileSync(path.join(fixtures, 'production', 'valid.md'), 'utf8'),
      'docs/b.md': validStandard,
      '.designlintrc.json': JSON.stringify({preset: 'standard', overrides: [{files: 'docs/rfcs/**', preset: 'production'}]}),
    })
    const {code, stdout} = run(['--format', 'json'], {cwd: dir})
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as Array<{messages: unknown[]}>).map((file) => file.messages)).toEqual([[], []])
  })
})

describe('--cache and --workers', () => {
  const docs: Record<string, string> = {}
  for (let index = 0; index < 30; index++)
    docs[`docs/d${String(index).padStart(2, '0')}.md`] = index % 3 ? validStandard : validStandard.replace('### Scope', '### Scop')
  docs['.designlintrc.json'] = '{"preset": "standard"}'

  it('worker threads give the same output, in the same order, as one thread', () => {
    const dir = tempProject(docs)
    const one = run(['--workers', '0', '--format', 'json', 'docs/'], {cwd: dir})
    const two = run(['--workers', '2', '--format', 'json', 'docs/'], {cwd: dir})
    expect(two.stdout).toBe(one.stdout)
    expect(JSON.parse(one.stdout)).toHaveLength(30)
  })

  it('a warm run takes every result from the cache; a change re-checks that document only; config changes invalidate', () => {
    const dir = tempProject(docs)
    const env = {DESIGNLINT_CACHE_STATS: '1'}
    const cached = (args: string[] = []) => {
      const result = run(['--cache', '--format', 'json', ...args, 'docs/'], {cwd: dir, env})
      return {stdout: result.stdout, stats: result.stderr.trim()}
    }
    const cold = cached()
    expect(cold.stats).toBe('designlint cache: 0 from the cache, 30 checked')
    const warm = cached()
    expect(warm.stats).toBe('designlint cache: 30 from the cache, 0 checked')
    expect(warm.stdout).toBe(cold.stdout)
    writeFileSync(path.join(dir, 'docs', 'd05.md'), validStandard.replace('### Rollback Strategy', '### Rollback Stratgy'))
    const changed = cached()
    expect(changed.stats).toBe('designlint cache: 29 from the cache, 1 checked')
    expect(changed.stdout).toContain('Rollback Stratgy')
    writeFileSync(path.join(dir, '.designlintrc.json'), '{"preset": "standard", "rules": {"no-empty-sections": "off"}}')
    expect(cached().stats).toBe('designlint cache: 0 from the cache, 30 checked')
    expect(cached(['--preset', 'production']).stats).toBe('designlint cache: 0 from the cache, 30 checked')
  })

  it('a worker that stops gives its file a fatal crash message, and the run goes on', () => {
    const dir = tempProject(docs)
    const expected = JSON.parse(run(['--workers', '0', '--format', 'json', 'docs/'], {cwd: dir}).stdout) as Array<{
      path: string
      messages: unknown[]
    }>
    expected[7].messages = [
      expect.objectContaining({
        ruleId: 'crash',
        source: 'designlint',
        fatal: true,
        reason: 'Cannot lint file: the worker stopped unexpectedly (exit code 70)',
      }),
    ]
    // The test-only hook stops a worker when it is given docs/d07.md.
    for (const workers of ['1', '2']) {
      const stopped = run(['--workers', workers, '--format', 'json', 'docs/'], {cwd: dir, env: {DESIGNLINT_TEST_WORKER_EXIT: 'd07.md'}})
      expect(stopped.code).toBe(1)
      expect(JSON.parse(stopped.stdout)).toEqual(expected)
    }
  })
})

describe('nested configs', () => {
  const broken = validStandard.replace('### Rollback Strategy', '### Rollback Stratgy')
  const monorepo = () =>
    tempProject({
      '.designlintrc.json': '{"preset": "standard"}',
      'docs/top.md': validStandard,
      'packages/a/.designlintrc.json': JSON.stringify({preset: 'prd', overrides: [{files: 'docs/rfcs/**', preset: 'production'}]}),
      'packages/a/docs/design.md': validStandard,
      'packages/a/docs/rfcs/r.md': validProduction,
      'packages/b/package.json': JSON.stringify({name: 'b', designlint: {preset: 'standard', rules: {'required-sections': 'warn'}}}),
      'packages/b/docs/design.md': broken,
    })
  type Result = Array<{path: string; messages: Array<{ruleId: string; severity: string}>}>
  const byPath = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as Result).map((file) => [file.path, file.messages]))

  it('each document takes the config nearest to it: its preset, overrides and rules', () => {
    const dir = monorepo()
    const {code, stdout} = run(['--format', 'json'], {cwd: dir})
    expect(code).toBe(1)
    const found = byPath(stdout)
    expect(Object.keys(found)).toEqual([
      'docs/top.md',
      'packages/a/docs/design.md',
      'packages/a/docs/rfcs/r.md',
      'packages/b/docs/design.md',
    ])
    expect(found['docs/top.md']).toEqual([])
    // packages/a's preset: the same findings as naming prd on the command line.
    const prd = byPath(run(['--format', 'json', '--preset', 'prd', 'packages/a/docs/design.md'], {cwd: dir}).stdout)
    expect(found['packages/a/docs/design.md']).toEqual(prd['packages/a/docs/design.md'])
    expect(found['packages/a/docs/design.md'].length).toBeGreaterThan(0)
    // Its override's glob is relative to packages/a.
    expect(found['packages/a/docs/rfcs/r.md']).toEqual([])
    // packages/b's package.json key makes the finding a warning.
    expect(found['packages/b/docs/design.md'].map((message) => `${message.ruleId} ${message.severity}`)).toEqual([
      'required-sections warning',
    ])
  })

  it("from a package's folder and for standard input, the same config applies", () => {
    const dir = monorepo()
    const inside = run(['--format', 'json', 'docs/design.md'], {cwd: path.join(dir, 'packages/a')})
    expect(byPath(inside.stdout)['docs/design.md'].length).toBeGreaterThan(0)
    const stdin = (name: string) => run(['--format', 'json', '--stdin-filename', name, '-'], {cwd: dir, input: validStandard})
    expect(byPath(stdin('packages/a/docs/new.md').stdout)['packages/a/docs/new.md'].length).toBeGreaterThan(0)
    expect(byPath(stdin('docs/new.md').stdout)['docs/new.md']).toEqual([])
  })

  it("--preset wins over every config's preset and overrides; --config is one config for all", () => {
    const dir = monorepo()
    const preset = byPath(run(['--format', 'json', '--preset', 'standard'], {cwd: dir}).stdout)
    expect(preset['packages/a/docs/design.md']).toEqual([])
    expect(preset['packages/a/docs/rfcs/r.md'].length).toBeGreaterThan(0)
    expect(preset['packages/b/docs/design.md'].map((message) => message.severity)).toEqual(['warning'])
    const config = byPath(run(['--format', 'json', '--config', '.designlintrc.json'], {cwd: dir}).stdout)
    expect(config['packages/a/docs/design.md']).toEqual([])
    expect(config['packages/b/docs/design.md'].map((message) => message.severity)).toEqual(['error'])
  })

  it("caches each config's results, and threads lint every config's files alike", () => {
    const dir = monorepo()
    const one = run(['--workers', '0', '--format', 'json'], {cwd: dir})
    expect(run(['--workers', '2', '--format', 'json'], {cwd: dir}).stdout).toBe(one.stdout)
    const cached = () => run(['--cache', '--format', 'json'], {cwd: dir, env: {DESIGNLINT_CACHE_STATS: '1'}})
    expect(cached().stderr).toBe('designlint cache: 0 from the cache, 4 checked\n')
    const warm = cached()
    expect(warm.stderr).toBe('designlint cache: 4 from the cache, 0 checked\n')
    expect(warm.stdout).toBe(one.stdout)
  })

  it('a broken config fails the run in one line, naming it, only when a document under it is linted', () => {
    const dir = monorepo()
    writeFileSync(path.join(dir, 'packages/b/package.json'), JSON.stringify({designlint: {preset: 'standard', rulez: {}}}))
    const all = run(['--format', 'json'], {cwd: dir})
    expect(all.code).toBe(2)
    expect(all.stdout).toBe('')
    expect(all.stderr).toBe(
      `designlint: config ${path.join(dir, 'packages/b/package.json')}: unknown key "rulez" (did you mean "rules"?); known keys: preset, rules, overrides, draftStatuses, limits, templatePaths\n`,
    )
    expect(run(['packages/a'], {cwd: dir}).code).toBe(1)
  })
})

describe('command names and paths', () => {
  it('"presets" is the command where there is no ./presets, and lints the folder where there is', () => {
    const dir = tempProject({'presets/a.md': validStandard, '.designlintrc.json': '{"preset": "standard"}'})
    for (const arg of ['presets/', './presets']) {
      const {code, stdout, stderr} = run(['--format', 'json', arg], {cwd: dir})
      expect({code, stderr}).toEqual({code: 0, stderr: ''})
      expect((JSON.parse(stdout) as Array<{path: string}>).map((file) => file.path)).toEqual(['presets/a.md'])
    }
    const bare = run(['--format', 'json', 'presets'], {cwd: dir})
    expect(bare.code).toBe(0)
    expect((JSON.parse(bare.stdout) as Array<{path: string}>).map((file) => file.path)).toEqual(['presets/a.md'])
    expect(bare.stderr).toBe('designlint: linting ./presets, not running the "presets" command: a file or folder of that name is here\n')

    const elsewhere = tempProject({})
    expect(run(['presets'], {cwd: elsewhere}).stdout).toContain('standard (presets/')
    const missing = run(['presets/'], {cwd: elsewhere})
    expect(missing.code).toBe(1)
    expect(missing.stdout).toContain('No such file or folder, or no Markdown files match: presets/')
  })

  it('so are init, new and preset: a file or folder of that name is linted', () => {
    const dir = tempProject({'init/a.md': validStandard, 'new': validStandard, 'preset/b.md': validStandard})
    const init = run(['--preset', 'standard', 'init'], {cwd: dir})
    expect(init.code).toBe(0)
    expect(init.stdout).toContain('init/a.md: no issues found')
    expect(existsSync(path.join(dir, '.designlintrc.json'))).toBe(false)
    expect(run(['--preset', 'standard', 'new'], {cwd: dir}).stdout).toContain('new: no issues found')
    expect(run(['--preset', 'standard', '--format', 'json', 'preset'], {cwd: dir}).stdout).toContain('"path": "preset/b.md"')
    expect(run(['--preset', 'standard', 'new'], {cwd: tempProject({})}).stdout).toMatch(/^---\ntemplate: standard\n---/)
  })

  it('says so in the help', () => {
    expect(run(['--help']).stdout).toContain('"designlint presets" lints ./presets')
  })
})

describe('colour', () => {
  // An SGR escape, built from a string: biome rejects control characters in regex literals.
  const ansi = new RegExp(String.fromCharCode(0x1b) + '\\[\\d+m')
  const report = (args: string[], env: Record<string, string | undefined>) => run([missingSubsection, ...args], {cwd: sample, env}).stdout

  it('is left to vfile-reporter: FORCE_COLOR=1 colours, NO_COLOR=1 does not', () => {
    expect(report([], {FORCE_COLOR: '1', NO_COLOR: undefined})).toMatch(ansi)
    expect(report([], {FORCE_COLOR: undefined, NO_COLOR: '1'})).not.toMatch(ansi)
  })

  it('--color and --no-color win over the environment', () => {
    expect(report(['--color'], {FORCE_COLOR: undefined, NO_COLOR: '1'})).toMatch(ansi)
    expect(report(['--no-color'], {FORCE_COLOR: '1', NO_COLOR: undefined})).not.toMatch(ansi)
  })
})

describe('code cache', () => {
  // V8 rejects a cache written under other flags: the command tunes its compiler only after compiling the CLI.
  it('fits a plain start of Node', () => {
    const bundle = path.dirname(cli)
    const compile = path.join(bundle, '..', 'src', 'cli', 'code-cache.js')
    const probe = [
      `const {compileCli} = await import(${JSON.stringify(compile)})`,
      `const script = compileCli(${JSON.stringify(path.join(bundle, 'designlint.cjs'))}, ${JSON.stringify(path.join(bundle, 'designlint.cache'))})`,
      'process.stdout.write(String(script.cachedDataRejected))',
    ].join('\n')
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {encoding: 'utf8'})
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('false')
  })

  // V8 keeps a source with any character beyond ASCII as a two-byte string (scripts/ascii-only.mjs).
  it('is of a script that is pure ASCII', () => {
    const text = readFileSync(path.join(path.dirname(cli), 'designlint.cjs'), 'latin1')
    expect(text.match(/[^\0-\x7f]/g) ?? []).toEqual([])
  })
})
