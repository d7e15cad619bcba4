/**
 * The presets the build precompiles (dist/bundle/precompiled-presets and
 * dist/src/preset/precompiled-presets) are exactly what compiling
 * presets/*.md gives, and what compiling the user's seeds in ../shared/seeds
 * gives; the loader takes them only for the template text they came from.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {builtinPresets, builtinTemplatePath} from '../../src/preset/builtin.js'
import {fromPrecompiled, type PrecompiledPreset, precompiledFolder} from '../../src/preset/precompiled.js'
import {compileTemplate} from '../../src/template/compile.js'
import {root, shared} from '../helpers.js'

const folders = [path.join(root, 'dist', 'bundle', precompiledFolder), path.join(root, 'dist', 'src', 'preset', precompiledFolder)]
const seeds = path.join(shared, 'seeds')
/** The seed of each preset: the seeds' file names sort in the order of the built-in presets. */
const seedOf = (name: string) =>
  path.join(seeds, readdirSync(seeds).sort()[builtinPresets.indexOf(name as (typeof builtinPresets)[number])])

/** The shipped precompiled preset `name` in `folder`. */
function shipped(folder: string, name: string): PrecompiledPreset {
  return JSON.parse(readFileSync(path.join(folder, name + '.json'), 'utf8')) as PrecompiledPreset
}

describe('the precompiled presets the build ships', () => {
  for (const folder of folders) {
    const where = path.relative(root, folder)
    for (const name of builtinPresets) {
      const options = {name, source: 'presets/' + name + '.md'}
      it(`${where}/${name}.json equals compiling presets/${name}.md`, () => {
        const template = readFileSync(builtinTemplatePath(name), 'utf8')
        const precompiled = shipped(folder, name)
        expect(precompiled.template).toBe(template)
        expect(fromPrecompiled(precompiled)).toStrictEqual(compileTemplate(template, options))
      })
      it.skipIf(!existsSync(seeds))(`${where}/${name}.json equals compiling its seed`, () => {
        expect(fromPrecompiled(shipped(folder, name))).toStrictEqual(compileTemplate(readFileSync(seedOf(name), 'utf8'), options))
      })
    }
  }

  it('the built loader takes a precompiled preset for its own template only', async () => {
    const module = path.join(root, 'dist', 'src', 'preset', 'precompiled.js')
    const {precompiledPreset} = (await import(pathToFileURL(module).href)) as typeof import('../../src/preset/precompiled.js')
    const template = readFileSync(builtinTemplatePath('standard'), 'utf8')
    expect(precompiledPreset('standard', template)).toStrictEqual(
      compileTemplate(template, {name: 'standard', source: 'presets/standard.md'}),
    )
    expect(precompiledPreset('standard', template + '\n## Another section\n')).toBeUndefined()
    expect(precompiledPreset('no-such-preset', template)).toBeUndefined()
  })
})
