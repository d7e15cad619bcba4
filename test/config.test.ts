/** Config discovery: the nearest config per folder, its formats, caching, and one-line errors. */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {ConfigError, clearConfigCache, configFileNames, findConfig, loadConfigFile} from '../src/config/config.js'

function tempTree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'designlint-config-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
  return dir
}

/** The ConfigError that `run` throws. */
function configError(run: () => unknown): ConfigError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return error as ConfigError
  }
  throw new Error('expected a ConfigError')
}

afterEach(() => clearConfigCache())

describe('findConfig', () => {
  it('takes the nearest config: a package of a monorepo has its own', () => {
    const dir = tempTree({
      '.designlintrc.json': '{"preset": "standard"}',
      'packages/a/.designlintrc.json': '{"preset": "prd"}',
      'packages/a/docs/x.md': '',
      'packages/b/docs/y.md': '',
    })
    const a = findConfig(path.join(dir, 'packages/a/docs'))
    expect(a.settings.preset).toBe('prd')
    expect(a.file).toBe(path.join(dir, 'packages/a/.designlintrc.json'))
    expect(a.settings.base).toBe(path.join(dir, 'packages/a'))
    const b = findConfig(path.join(dir, 'packages/b/docs'))
    expect(b.settings.preset).toBe('standard')
    expect(b.file).toBe(path.join(dir, '.designlintrc.json'))
    expect(findConfig(dir).file).toBe(b.file)
  })

  it('finds nothing where there is no config', () => {
    const dir = tempTree({'docs/x.md': ''})
    expect(findConfig(path.join(dir, 'docs'))).toEqual({settings: {}})
  })

  it('reads the designlint key of package.json, and passes a package.json without one', () => {
    const dir = tempTree({
      '.designlintrc.yml': 'preset: architecture\n',
      'packages/a/package.json': JSON.stringify({name: 'a', designlint: {preset: 'production', rules: {'heading-numbering': 'off'}}}),
      'packages/b/package.json': JSON.stringify({name: 'b'}),
    })
    const a = findConfig(path.join(dir, 'packages/a'))
    expect(a.file).toBe(path.join(dir, 'packages/a/package.json'))
    expect(a.settings).toEqual({base: path.join(dir, 'packages/a'), preset: 'production', rules: {'heading-numbering': 'off'}})
    expect(findConfig(path.join(dir, 'packages/b')).settings.preset).toBe('architecture')
  })

  it('reads YAML and JSON in every file name, the rc files before package.json', () => {
    const yaml = 'preset: prd\nrules:\n  no-empty-sections: warn\ndraftStatuses: [Draft, Proposed]\n'
    for (const name of configFileNames) {
      const dir = tempTree({
        [name]: name.endsWith('.json') ? JSON.stringify({preset: 'prd', draftStatuses: ['Draft']}) : yaml,
        'package.json': '{"designlint": {"preset": "standard"}}',
      })
      const {settings, file} = findConfig(dir)
      expect(file).toBe(path.join(dir, name))
      expect(settings.preset).toBe('prd')
    }
    const json = tempTree({'.designlintrc': '{"preset": "evolving", "rules": {"section-order": ["warn"]}}'})
    expect(findConfig(json).settings).toEqual({base: json, preset: 'evolving', rules: {'section-order': ['warn']}})
    expect(findConfig(tempTree({'.designlintrc.yaml': yaml})).settings.rules).toEqual({'no-empty-sections': 'warn'})
  })

  it("resolves template paths in preset and overrides against the config file's folder", () => {
    const dir = tempTree({
      'packages/a/.designlintrc.yaml': 'preset: ./templates/design.md\noverrides:\n  - files: docs/adr/**\n    preset: ../../adr.md\n',
    })
    const {settings} = findConfig(path.join(dir, 'packages/a/docs'))
    expect(settings.preset).toBe(path.join(dir, 'packages/a/templates/design.md'))
    expect(settings.overrides).toEqual([{files: ['docs/adr/**'], preset: path.join(dir, 'adr.md')}])
  })

  it('an empty config file is the config of its folder', () => {
    const dir = tempTree({'.designlintrc.json': '{"preset": "prd"}', 'sub/.designlintrc.yaml': ''})
    expect(findConfig(path.join(dir, 'sub'))).toEqual({settings: {}, file: path.join(dir, 'sub/.designlintrc.yaml')})
  })

  it('is cached per folder until clearConfigCache', () => {
    const dir = tempTree({'.designlintrc.json': '{"preset": "prd"}', 'a/x.md': '', 'b/y.md': ''})
    const first = findConfig(path.join(dir, 'a'))
    expect(findConfig(path.join(dir, 'a'))).toBe(first)
    // Another folder under the same config shares the loaded config.
    expect(findConfig(path.join(dir, 'b'))).toBe(first)
    writeFileSync(path.join(dir, '.designlintrc.json'), '{"preset": "standard"}')
    expect(findConfig(path.join(dir, 'a')).settings.preset).toBe('prd')
    clearConfigCache()
    expect(findConfig(path.join(dir, 'a')).settings.preset).toBe('standard')
    writeFileSync(path.join(dir, 'a', '.designlintrc.yml'), 'preset: evolving\n')
    clearConfigCache()
    expect(findConfig(path.join(dir, 'a')).settings.preset).toBe('evolving')
  })

  it('a broken config is a one-line ConfigError naming the file', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['.designlintrc.json', '{"preset": "prd",', /^cannot parse config .*\.designlintrc\.json: /],
      ['.designlintrc.yaml', 'preset: [prd\nrules: {', /^cannot parse config .*\.designlintrc\.yaml: /],
      ['.designlintrc', 'preset: prd\nrulez: {}\n', /^config .*\.designlintrc: unknown key "rulez" \(did you mean "rules"\?\)/],
      [
        'package.json',
        '{"designlint": {"rules": {"required-section": "error"}}}',
        /^config .*package\.json: unknown rule "required-section"/,
      ],
      ['package.json', '{"name": "x",,}', /^cannot parse config .*package\.json: /],
      [
        '.designlintrc.yml',
        'rules:\n  required-sections: loud\n',
        /^config .*\.designlintrc\.yml: rule "required-sections" has severity "loud"/,
      ],
    ]
    for (const [name, text, expected] of cases) {
      const dir = tempTree({[name]: text, 'docs/x.md': ''})
      const error = configError(() => findConfig(path.join(dir, 'docs')))
      expect(error.message).toMatch(expected)
      expect(error.message).toContain(path.join(dir, name))
      expect(error.message).not.toContain('\n')
    }
  })
})

describe('loadConfigFile', () => {
  it('loads JSON, YAML, or the designlint key of a package.json', () => {
    const dir = tempTree({
      'lint/config.json': '{"preset": "./t.md"}',
      'lint/config.yaml': 'preset: prd\n',
      'package.json': '{"name": "x", "designlint": {"preset": "evolving"}}',
    })
    expect(loadConfigFile(path.join(dir, 'lint/config.json')).settings).toEqual({
      base: path.join(dir, 'lint'),
      preset: path.join(dir, 'lint/t.md'),
    })
    expect(loadConfigFile(path.join(dir, 'lint/config.yaml')).settings.preset).toBe('prd')
    expect(loadConfigFile(path.join(dir, 'package.json')).settings.preset).toBe('evolving')
  })

  it('says so in one line when the file cannot be read', () => {
    const file = path.join(tempTree({}), 'nope.json')
    expect(configError(() => loadConfigFile(file)).message).toBe(`cannot read config ${file}: ENOENT`)
  })
})
