/** The CLI as a real process: exit codes, stdout/stderr, JSON shape, config. */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixtures, root} from './helpers.js'

const cli = path.join(root, 'dist', 'bundle', 'cli.js')

function run(args: string[], options: {cwd?: string; input?: string} = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    input: options.input,
    encoding: 'utf8',
    env: {...process.env, FORCE_COLOR: '0', NO_COLOR: '1'},
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'designlint-'))
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), value)
  }
  return dir
}

const validStandard = readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')
const missingSubsection = path.join('fixtures', 'required-sections', 'fail-missing-subsection.md')

describe('designlint CLI', () => {
  it('prints help', () => {
    const {code, stdout} = run(['--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: designlint \[options\] \[paths\|globs\.\.\.\]/)
    expect(stdout).toContain('--max-warnings')
  })

  it('exits 0 on a clean document', () => {
    const {code, stdout, stderr} = run(['--preset', 'standard', 'fixtures/standard/valid.md'])
    expect({code, stderr}).toEqual({code: 0, stderr: ''})
    expect(stdout).toContain('fixtures/standard/valid.md: no issues found')
  })

  it('exits 1 with the finding in vfile-reporter format', () => {
    const {code, stdout} = run([missingSubsection])
    expect(code).toBe(1)
    expect(stdout).toContain(missingSubsection)
    expect(stdout).toMatch(/101:1 +error +Missing section "### Rollback Strategy" under "## Deployment": expected after "### Deployment Process" +required-sections +designlint/)
    expect(stdout).toMatch(/✖ 1 error/)
  })

  it('prints JSON in vfile-reporter-json shape with quick-fix data', () => {
    const {code, stdout} = run(['--format', 'json', missingSubsection, 'fixtures/standard/valid.md', '--preset', 'standard'])
    expect(code).toBe(1)
    const result = JSON.parse(stdout)
    expect(result).toHaveLength(2)
    const [failing, clean] = result
    expect(failing.path).toBe(missingSubsection.split(path.sep).join('/'))
    expect(clean.messages).toEqual([])
    expect(failing.messages).toEqual([
      expect.objectContaining({
        ruleId: 'required-sections',
        source: 'designlint',
        line: 101,
        column: 1,
        fatal: true,
        severity: 'error',
        expected: ['### Rollback Strategy\n\n'],
        url: expect.stringMatching(/rules\/required-sections\.md$/),
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
    expect(format.stderr).toBe('designlint: unknown format "jsno" (did you mean "json"?); known formats: stylish, json, github, sarif, junit, markdown\n')
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
    expect(stderr).toMatch(/^designlint: config .*\.designlintrc\.json: unknown key "rulez" \(did you mean "rules"\?\); known keys: preset, rules, overrides, draftStatuses\n$/)
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
    const {stdout} = run(['--quiet', '--preset', 'standard', 'fixtures/standard/valid.md', missingSubsection])
    expect(stdout).not.toContain('valid.md')
    expect(stdout).toContain('fail-missing-subsection.md')
  })

  it('lists the presets and their sections', () => {
    const {code, stdout} = run(['presets'])
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
    const rules = new Set((JSON.parse(lint.stdout)[0].messages as Array<{ruleId: string; severity: string}>).map((m) => `${m.ruleId} ${m.severity}`))
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
    expect(readFileSync(path.join(dir, 'docs', 'adr-1.md'), 'utf8')).toBe('---\ntemplate: ../templates/adr.md\n---\n\n# ADR: Queues\n\n## Context\n[Why]\n')
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
  for (let index = 0; index < 30; index++) docs[`docs/d${String(index).padStart(2, '0')}.md`] = index % 3 ? validStandard : validStandard.replace('### Scope', '### Scop')
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
      const result = spawnSync(process.execPath, [cli, '--cache', '--format', 'json', ...args, 'docs/'], {cwd: dir, encoding: 'utf8', env: {...process.env, ...env}})
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
})
