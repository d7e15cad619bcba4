/**
 * Colour in `stylish` is vfile-reporter's call unless the caller forces it.
 * vfile-reporter (through supports-color) reads the environment once, when it
 * is first imported, and format.ts imports it lazily: so FORCE_COLOR is set
 * here, before anything loads it, and this file has a process of its own.
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {afterAll, afterEach, describe, expect, it} from 'vitest'

const saved = {FORCE_COLOR: process.env.FORCE_COLOR, NO_COLOR: process.env.NO_COLOR}
process.env.FORCE_COLOR = '1'
delete process.env.NO_COLOR

const {formatResults} = await import('../src/report/format.js')
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function findings(): VFile[] {
  const file = new VFile({path: 'doc.md'})
  file.message('Section "## Overview" is missing', {
    place: {line: 3, column: 1},
    ruleId: 'required-sections',
    source: 'designlint',
  }).fatal = true
  return [file]
}

// An SGR escape, built from a string: biome rejects control characters in regex literals.
const ansi = new RegExp(String.fromCharCode(0x1b) + '\\[\\d+m')

afterEach(() => {
  process.env.FORCE_COLOR = '1'
  delete process.env.NO_COLOR
})

describe('stylish colour', () => {
  it('with color unset, lets vfile-reporter decide: FORCE_COLOR=1 gives colour', async () => {
    expect(await formatResults('stylish', findings())).toMatch(ansi)
    expect(await formatResults('stylish', findings(), {color: undefined})).toMatch(ansi)
  })

  it('forced off, has none whatever the environment says', async () => {
    expect(await formatResults('stylish', findings(), {color: false})).not.toMatch(ansi)
  })

  it('turns colour off for NO_COLOR, which supports-color ignores, unless FORCE_COLOR is set', async () => {
    process.env.NO_COLOR = '1'
    expect(await formatResults('stylish', findings())).toMatch(ansi)
    delete process.env.FORCE_COLOR
    expect(await formatResults('stylish', findings())).not.toMatch(ansi)
    expect(await formatResults('stylish', findings(), {color: true})).toMatch(ansi)
    process.env.NO_COLOR = ''
    // An empty NO_COLOR does not count (no-color.org): colour follows whether standard output, where the report goes, is a terminal.
    expect(ansi.test(await formatResults('stylish', findings()))).toBe(process.stdout.isTTY === true)
  })

  it('is what vfile-reporter itself does without a color option, in a fresh process', () => {
    const script =
      "import {reporter} from 'vfile-reporter'; import {VFile} from 'vfile'; const f = new VFile({path: 'a.md'}); f.message('x').fatal = true; process.stdout.write(reporter([f]))"
    const child = (env: Record<string, string>) => {
      const base = {...process.env}
      delete base.FORCE_COLOR
      delete base.NO_COLOR
      return spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: root, encoding: 'utf8', env: {...base, ...env}})
        .stdout
    }
    expect(child({FORCE_COLOR: '1'})).toMatch(ansi)
    expect(child({FORCE_COLOR: '0'})).not.toMatch(ansi)
    // Not a terminal and nothing forced: no colour.
    expect(child({})).not.toMatch(ansi)
  })
})

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})
