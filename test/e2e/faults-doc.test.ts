/**
 * Bad documents and bad templates (issue 11, part 8), through the built CLI:
 * line endings, pathological documents, templates that yield no sections or
 * lie outside the repository, broken YAML and control characters.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {XMLValidator} from 'fast-xml-parser'
import {afterAll, describe, expect, it} from 'vitest'
import {fixtures, root} from '../helpers.js'

const cli = path.join(root, 'dist', 'bundle', 'cli.js')
const folders: string[] = []

afterAll(() => {
  for (const folder of folders) rmSync(folder, {recursive: true, force: true})
})

/** A folder with these files (a `.git` folder makes it a repository). */
function project(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'designlint-faults-'))
  folders.push(folder)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
    writeFileSync(path.join(folder, name), content)
  }
  return folder
}

function run(args: string[], cwd: string) {
  const started = Date.now()
  const result = spawnSync(process.execPath, [cli, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - started) / 1000}
}

interface JsonMessage {
  ruleId: string
  reason: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

function json(stdout: string): Array<{path: string; messages: JsonMessage[]}> {
  return JSON.parse(stdout)
}

describe('line endings', () => {
  it('CRLF and CR-only copies of every filled fixture give no findings, as the LF ones', () => {
    for (const preset of ['standard', 'production', 'architecture', 'prd', 'evolving']) {
      const text = readFileSync(path.join(fixtures, preset, 'valid.md'), 'utf8')
      const folder = project({'crlf.md': text.replace(/\n/g, '\r\n'), 'cr.md': text.replace(/\n/g, '\r')})
      const result = run(['--preset', preset, '--format', 'json', 'crlf.md', 'cr.md'], folder)
      expect(json(result.stdout).filter((file) => file.messages.length > 0)).toEqual([])
      expect(result.status).toBe(0)
    }
  }, 60_000)

  it('reads fields of a CRLF file (the reproducer: no "Missing field Author / Date")', () => {
    const text = '# Technical Design Doc: X\r\n\r\n- **Author:** Priya\r\n- **Date:** 2026-04-02\r\n- **Status:** Draft\r\n'
    const folder = project({'c.md': text})
    const fields = json(run(['--preset', 'production', '--format', 'json', 'c.md'], folder).stdout)[0]
      .messages.filter((message) => message.reason.startsWith('Missing field'))
      .map((message) => message.reason.split('"')[1])
    expect(fields).not.toContain('Author')
    expect(fields).not.toContain('Date')
    expect(fields).not.toContain('Status')
  })

  it('places a finding after a lone CR on the line the parser counts, within it', () => {
    const folder = project({'cr.md': '\rd\n**Date**:'})
    const messages = json(run(['--format', 'json', 'cr.md'], folder).stdout)[0].messages
    const empty = messages.find((message) => message.reason.startsWith('Field "Date" is empty'))
    expect(empty).toMatchObject({line: 3, column: 10, endLine: 3, endColumn: 10})
    for (const message of messages) expect(message.line).toBeLessThanOrEqual(3)
  })
})

describe('pathological documents', () => {
  const cases: Record<string, {text: () => string; reason: RegExp}> = {
    'a 50 MB document': {
      text: () => '# T\n\n' + 'word '.repeat(10 * 1024 * 1024),
      reason: /^Document is 50 MB: over the 10 MB limit, not checked$/,
    },
    'a 10,000-level nested list': {
      text: () => '- '.repeat(10_000) + 'x\n',
      reason: /^Document nests lists or quotes deeper than 100 levels, at line 1: not checked$/,
    },
    'a list indented 3,000 levels deep': {
      text: () => Array.from({length: 3000}, (_, level) => ' '.repeat(2 * level) + '- x').join('\n'),
      reason: /deeper than 100 levels, at line 101/,
    },
    '200 KB of *_…_*': {
      text: () => '*_'.repeat(50_000) + '_*'.repeat(50_000) + '\n',
      reason: /^Document has more than 10,000 emphasis and link marks/,
    },
    '200 KB of […]': {
      text: () => '['.repeat(100_000) + ']'.repeat(100_000) + '\n',
      reason: /in the paragraph at line 1: over the limit, not checked$/,
    },
  }

  for (const [name, {text, reason}] of Object.entries(cases)) {
    it(`${name} gets one finding within seconds, and the other files are linted`, () => {
      const folder = project({'bad.md': text(), 'good.md': readFileSync(path.join(fixtures, 'standard', 'valid.md'), 'utf8')})
      const result = run(['--format', 'json', 'bad.md', 'good.md'], folder)
      expect(result.status).toBe(1)
      const [bad, good] = json(result.stdout)
      expect(bad.messages).toHaveLength(1)
      expect(bad.messages[0]).toMatchObject({ruleId: 'limit', reason: expect.stringMatching(reason)})
      expect(good.messages).toEqual([])
      expect(result.seconds).toBeLessThan(10)
    }, 30_000)
  }

  it('a 5 MB single line is checked within seconds', () => {
    const folder = project({'line.md': '# T\n\n' + 'word '.repeat(1_000_000) + '\n'})
    const result = run(['--format', 'json', 'line.md'], folder)
    expect(result.status).toBe(1)
    expect(json(result.stdout)[0].messages.some((message) => message.ruleId === 'required-sections')).toBe(true)
    // About 4 s on an idle machine; the bound leaves room for a loaded one.
    expect(result.seconds).toBeLessThan(30)
  }, 60_000)
})

describe('limits set in the config', () => {
  it('apply to the documents under it, and a wrong limit is a configuration error', () => {
    const folder = project({
      '.designlintrc.json': JSON.stringify({preset: 'standard', limits: {maxBytes: 100}}),
      'big.md': '# Design: X\n\n' + 'Words and more words. '.repeat(10) + '\n',
    })
    const result = run(['--format', 'json', 'big.md'], folder)
    const messages = json(result.stdout)[0].messages
    expect(messages.map((message) => message.ruleId)).toEqual(['limit'])
    expect(messages[0].reason).toMatch(/over the 100 B limit|over the .* limit, not checked/)
    writeFileSync(path.join(folder, '.designlintrc.json'), JSON.stringify({limits: {maxBites: 100}}))
    const wrong = run(['big.md'], folder)
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toMatch(/limits: unknown key "maxBites".*maxBytes/)
  })
})

describe('templates that yield no sections', () => {
  const folder = project({
    'doc.md': '# A doc\n\nText.\n',
    'no-headings.md': 'Just a paragraph, no headings.\n',
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x23, 0x20, 0x41]),
    '.designlintrc.json': '{"preset": "./no-headings.md"}',
  })

  it('a template without headings named by --preset is a configuration error, exit 2, naming the file', () => {
    const result = run(['--preset', './no-headings.md', 'doc.md'], folder)
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(
      `designlint: template "${path.join(folder, 'no-headings.md')}": it has no headings: a template's sections are its headings ("## Overview"), so it would pass every document\n`,
    )
  })

  it('a binary template is a configuration error, exit 2, naming the file', () => {
    const result = run(['--preset', './binary.md', 'doc.md'], folder)
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(`designlint: template "${path.join(folder, 'binary.md')}": it is not a text file (it holds NUL bytes)\n`)
  })

  it('a config naming a template without headings is a configuration error too', () => {
    const result = run(['doc.md'], folder)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/^designlint: template ".*no-headings\.md": it has no headings/)
  })
})

describe('front matter template:', () => {
  const outside = project({'secret.md': '# Secret heading one\n\n## Secret heading two\n'})
  const repository = project({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'templates/t.md': '# Title\n\n## Overview\n',
    'docs/inside.md': '---\ntemplate: ../templates/t.md\n---\n# Title\n\n## Overview\n\nText.\n',
    'docs/outside.md': `---\ntemplate: ${path.join(outside, 'secret.md')}\n---\n# Title\n`,
    'docs/number.md': '---\ntemplate: 5\n---\n# Title\n',
    'docs/list.md': '---\ntemplate: [a, b]\n---\n# Title\n',
  })
  const upward = path.relative(path.join(repository, 'docs'), path.join(outside, 'secret.md'))
  writeFileSync(path.join(repository, 'docs', 'relative.md'), `---\ntemplate: ${upward}\n---\n# Title\n`)

  it('may name a template inside the repository', () => {
    const result = run(['--format', 'json', 'docs/inside.md'], repository)
    expect(json(result.stdout)[0].messages.filter((message) => message.ruleId === 'preset')).toEqual([])
    expect(result.status).toBe(0)
  })

  it('may not name one outside the repository, and nothing of that file is quoted', () => {
    const result = run(['--format', 'json', 'docs/outside.md', 'docs/relative.md'], repository)
    expect(result.status).toBe(1)
    for (const file of json(result.stdout)) {
      expect(file.messages).toHaveLength(1)
      expect(file.messages[0].reason).toMatch(
        /^Front matter "template: .*secret\.md" is outside the repository: a document may name only templates inside it$/,
      )
    }
    expect(result.stdout).not.toContain('Secret heading')
  })

  it('may name one outside when the config lists it in templatePaths', () => {
    const allowed = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.designlintrc.json': JSON.stringify({templatePaths: [outside]}),
      'docs/outside.md': `---\ntemplate: ${path.join(outside, 'secret.md')}\n---\n# Secret heading one\n\n## Secret heading two\n\nText.\n`,
    })
    const result = run(['--format', 'json', 'docs/outside.md'], allowed)
    expect(json(result.stdout)[0].messages).toEqual([])
    expect(result.status).toBe(0)
  })

  it('that is not a string is a finding', () => {
    const result = run(['--format', 'json', 'docs/list.md', 'docs/number.md'], repository)
    expect(result.status).toBe(1)
    expect(json(result.stdout).map((file) => file.messages.map((message) => message.reason))).toEqual([
      ['Front matter "template:" is a list: expected a preset name or a template path'],
      ['Front matter "template:" is a number: expected a preset name or a template path'],
    ])
  })
})

describe('YAML front matter', () => {
  it('an alias that refers to itself, and a key that is a list, give no stack, no warning and no "circular structure"', () => {
    const folder = project({
      'alias.md': '---\na: &x [*x]\nstatus: Draft\n---\n# T\n',
      'key.md': '---\n? [a, b]\n: c\n---\n# T\n',
    })
    const result = run(['--format', 'json', 'alias.md', 'key.md'], folder)
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('')
    expect(result.stdout).not.toMatch(/circular|Cannot lint/i)
  })

  it('invalid YAML is reported at its line in the document, and its template: is still used', () => {
    const folder = project({'bad.md': '---\ntemplate: production\ntitle: "unclosed\n---\n# T\n'})
    const result = run(['--format', 'json', 'bad.md'], folder)
    const messages = json(result.stdout)[0].messages
    const yaml = messages.find((message) => message.ruleId === 'field-format')
    expect(yaml?.reason).toBe('Front matter is not valid YAML: Missing closing "quote at line 3, column 17; expected "key: value" lines')
    // The production preset's fields, not standard's footer fields.
    expect(messages.some((message) => message.reason.includes('"- **Author:** …" under the title'))).toBe(true)
  })
})

describe('control characters from documents', () => {
  const folder = project({'ctl.md': '# Title \u001b[31mRED\u0007 bell\n\n## Weird \u001b]0;pwned\u0007 heading\n'})

  for (const format of ['stylish', 'json', 'github', 'sarif', 'junit', 'markdown']) {
    it(`are escaped in ${format}`, () => {
      const result = run(['--format', format, 'ctl.md'], folder)
      expect(result.status).toBe(1)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must not pass
      expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/)
      expect(result.stdout).toContain('u001B')
      expect(result.stdout).toContain('u0007 bell')
      if (format === 'junit') expect(XMLValidator.validate(result.stdout)).toBe(true)
    })
  }
})
