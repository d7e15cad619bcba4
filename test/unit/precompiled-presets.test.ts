/**
 * The precompiled form of a preset loses nothing: a compiled built-in
 * preset, written as JSON and read back, is the compiled preset, shared
 * arrays included. (test/e2e/precompiled-presets.test.ts checks the files
 * the build ships.)
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {builtinPresets, builtinTemplatePath} from '../../src/preset/builtin.js'
import {fromPrecompiled, precompiledPreset, toPrecompiled} from '../../src/preset/precompiled.js'
import {compileTemplate} from '../../src/template/compile.js'
import type {Preset} from '../../src/template/types.js'

/** Compile a built-in preset's template as loadPreset does. */
function compileBuiltin(name: string): {template: string; preset: Preset} {
  const template = readFileSync(builtinTemplatePath(name as (typeof builtinPresets)[number]), 'utf8')
  return {template, preset: compileTemplate(template, {name, source: 'presets/' + name + '.md'})}
}

/** The paths of objects and arrays reached more than once from `value`, but for the title's children. */
function sharedReferences(value: unknown): string[] {
  const seen = new Map<object, string>()
  const shared: string[] = []
  const walk = (node: unknown, at: string) => {
    if (typeof node !== 'object' || node === null) return
    const first = seen.get(node)
    if (first !== undefined) {
      const pair = [first, at].sort().join(' ')
      if (pair !== '.sections .title.children') shared.push(`${at} is ${first}`)
      return
    }
    seen.set(node, at)
    for (const [key, child] of Object.entries(node)) walk(child, `${at}.${key}`)
  }
  walk(value, '')
  return shared
}

describe('precompiled presets', () => {
  for (const name of builtinPresets) {
    it(`${name}: JSON and back is the compiled preset`, () => {
      const {template, preset} = compileBuiltin(name)
      const precompiled = JSON.parse(JSON.stringify(toPrecompiled(preset, template)))
      const loaded = fromPrecompiled(precompiled)
      expect(loaded).toStrictEqual(compileBuiltin(name).preset)
      if (loaded.title) expect(loaded.title.children).toBe(loaded.sections)
    })
    it(`${name}: the compiled preset shares no object but the title's children, so JSON copies nothing twice`, () => {
      expect(sharedReferences(compileBuiltin(name).preset)).toEqual([])
    })
  }

  it('toPrecompiled leaves the compiled preset as it is', () => {
    const {template, preset} = compileBuiltin('standard')
    toPrecompiled(preset, template)
    expect(preset.title?.children).toBe(preset.sections)
  })

  it('no precompiled file beside src/: the loader compiles', () => {
    const {template} = compileBuiltin('standard')
    expect(precompiledPreset('standard', template)).toBeUndefined()
  })
})
