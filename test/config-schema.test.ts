/**
 * schema/designlintrc.schema.json, the config's JSON Schema for editors
 * (issue 12, part 9), against the config validator (src/config/config.ts) and
 * the rule registry (rules/index.ts): the same keys, the same rule ids with
 * the same options, and the same verdict on good and bad configs, checked
 * with ajv. When a key, a rule or an option is added, these tests say what
 * the schema lacks.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Ajv} from 'ajv'
import {afterEach, describe, expect, it} from 'vitest'
import {ruleIds, ruleMetas} from '../rules/index.js'
import {clearConfigCache, loadConfigFile} from '../src/config/config.js'
import {defaultLimits} from '../src/markdown/limits.js'
import {builtinPresets} from '../src/preset/builtin.js'
import type {OptionSpec} from '../src/rule/define.js'
import {root} from './helpers.js'

/** The parts of a JSON Schema these tests read. */
interface SchemaNode {
  type?: string | string[]
  description?: string
  properties?: Record<string, SchemaNode>
  items?: SchemaNode | SchemaNode[]
  anyOf?: SchemaNode[]
  additionalProperties?: boolean
  default?: unknown
  examples?: unknown[]
  enum?: unknown[]
  $ref?: string
}

const schemaFile = path.join(root, 'schema', 'designlintrc.schema.json')
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as SchemaNode & {definitions: Record<string, SchemaNode>}
// The tuple [severity, options] takes more items and fewer, as the validator does: not a strict tuple.
const validateWithSchema = new Ajv({allErrors: true, strictTuples: false}).compile(schema)
const dir = mkdtempSync(path.join(tmpdir(), 'designlint-schema-'))
let written = 0

afterEach(() => clearConfigCache())

/** The message of the ConfigError the real validator gives for a config (in a file of `format`), or undefined when it accepts it. */
function validatorProblem(config: unknown, format: 'json' | 'yaml' = 'json'): string | undefined {
  written += 1
  const file = path.join(dir, `config-${written}.${format}`)
  // JSON is YAML too: the YAML file holds the same data, read by the YAML loader.
  writeFileSync(file, JSON.stringify(config))
  try {
    loadConfigFile(file)
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}

/** The names the validator lists after "known keys:" when it meets an unknown key. */
function knownNames(message: string | undefined): string[] {
  const match = /known keys: (.*)$/.exec(message ?? '')
  if (!match) throw new Error(`no list of known keys in ${JSON.stringify(message)}`)
  return match[1].split(', ')
}

/** The JSON Schema an option of a rule should have. */
function optionSchema(spec: OptionSpec): SchemaNode {
  const type = spec.type === 'string[]' ? {type: 'array', items: {type: 'string'}} : {type: spec.type}
  return {...type, default: spec.default, description: spec.description}
}

describe('the config JSON Schema', () => {
  it('is in the package', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {files: string[]}
    expect(manifest.files).toContain('schema/designlintrc.schema.json')
  })

  it('has the keys the validator knows (and $schema, for editors), and no other', () => {
    const known = knownNames(validatorProblem({unknownKey: 1}))
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...known, '$schema'].sort())
    expect(schema.additionalProperties).toBe(false)
  })

  it('has the limits the validator knows, with their defaults', () => {
    const limits = schema.properties?.limits
    const known = knownNames(validatorProblem({limits: {unknownLimit: 1}}))
    expect(Object.keys(limits?.properties ?? {}).sort()).toEqual([...known].sort())
    expect(Object.keys(defaultLimits).sort()).toEqual([...known].sort())
    for (const [name, value] of Object.entries(defaultLimits)) expect(limits?.properties?.[name].default).toBe(value)
    expect(limits?.additionalProperties).toBe(false)
  })

  it('has every rule of the registry, in its order, with its description and options', () => {
    const rules = schema.properties?.rules
    expect(Object.keys(rules?.properties ?? {})).toEqual([...ruleIds])
    expect(rules?.additionalProperties).toBe(false)
    for (const meta of ruleMetas) {
      const rule = rules?.properties?.[meta.id]
      expect(rule?.description, meta.id).toBe(`${meta.description} ${meta.url}`)
      const options = {
        type: 'object',
        properties: Object.fromEntries(Object.entries(meta.options).map(([name, spec]) => [name, optionSchema(spec)])),
        additionalProperties: false,
      }
      // A severity, [severity, options] or options alone: remark-lint's forms and designlint's.
      expect(rule?.anyOf, meta.id).toEqual([
        {$ref: '#/definitions/severity'},
        {type: 'array', items: [{$ref: '#/definitions/severity'}, options]},
        options,
      ])
    }
  })

  it('suggests the built-in presets', () => {
    expect(schema.properties?.preset?.examples).toEqual([...builtinPresets])
  })

  // A config must be valid to the schema exactly when designlint accepts it.
  const verdicts: Array<[string, unknown]> = [
    ['an empty config', {}],
    ['an empty file', null],
    [
      'a preset and rule severities in every form',
      {preset: 'standard', rules: {'heading-numbering': 'off', 'no-empty-sections': 1, 'section-order': true}},
    ],
    ['a template path as preset', {preset: './templates/adr.md'}],
    ['[severity, options]', {rules: {'no-placeholders': ['warn', {allow: ['[x]']}]}}],
    ['options alone', {rules: {'no-placeholders': {allow: ['TBD?']}}}],
    ['[severity] alone', {rules: {'required-sections': ['error']}}],
    [
      'overrides with one glob and with a list',
      {
        overrides: [
          {files: 'docs/adr/**', preset: 'architecture'},
          {files: ['a/**', 'b/**'], preset: 'prd'},
        ],
      },
    ],
    [
      'draftStatuses, limits and templatePaths',
      {draftStatuses: ['Draft', 'Proposed'], limits: {maxBytes: 20_000_000, maxDepth: 50}, templatePaths: ['../shared']},
    ],
    ['a $schema for editors', {$schema: './node_modules/designlint/schema/designlintrc.schema.json', preset: 'standard'}],
    ['a $schema that is not a string', {$schema: 1}],
    ['an unknown key', {presets: 'standard'}],
    ['a list as the config', ['standard']],
    ['an empty preset', {preset: ''}],
    ['a preset that is not a string', {preset: 3}],
    ['an unknown rule', {rules: {'required-section': 'error'}}],
    ['an unknown severity', {rules: {'required-sections': 'fatal'}}],
    ['severity 3', {rules: {'required-sections': 3}}],
    ['a null severity', {rules: {'required-sections': null}}],
    ['an option of a rule that takes none', {rules: {'required-sections': ['error', {allow: []}]}}],
    ['an unknown option', {rules: {'no-placeholders': {alow: ['x']}}}],
    ['an option of the wrong type', {rules: {'no-placeholders': ['warn', {allow: 'x'}]}}],
    ['options that are not an object', {rules: {'no-placeholders': ['warn', null]}}],
    ['rules as a list', {rules: ['required-sections']}],
    ['an override without a preset', {overrides: [{files: 'docs/**'}]}],
    ['an override with no globs', {overrides: [{files: [], preset: 'standard'}]}],
    ['overrides as an object', {overrides: {files: 'docs/**', preset: 'standard'}}],
    ['draftStatuses with a number', {draftStatuses: ['Draft', 1]}],
    ['an unknown limit', {limits: {maxSize: 10}}],
    ['a limit of 0', {limits: {maxBytes: 0}}],
    ['a fractional limit', {limits: {maxDepth: 2.5}}],
    ['an empty template path', {templatePaths: ['']}],
  ]

  it.each(verdicts)('gives the validator’s verdict on %s', (_name, config) => {
    const problem = validatorProblem(config)
    const schemaValid = validateWithSchema(config)
    expect({schemaValid, errors: schemaValid ? undefined : validateWithSchema.errors?.length}).toEqual({
      schemaValid: problem === undefined,
      errors: problem === undefined ? undefined : expect.any(Number),
    })
    // The YAML loader reads the same data, to the same verdict.
    expect(validatorProblem(config, 'yaml') === undefined).toBe(problem === undefined)
  })
})
