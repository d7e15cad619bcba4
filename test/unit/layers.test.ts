/**
 * The house keeps its layout: each stage imports only the stages below it,
 * so the tree reads as the pipeline and nothing below the rules knows them.
 * A stage is a folder of src/ (or the top-level rules/); `src/index.ts` is
 * the public API and may import anything.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from '../helpers.js'

/** From the bottom up. */
const stages = [
  'util',
  'markdown',
  'template',
  'document',
  'align',
  'analysis',
  'rule',
  'rules',
  'preset',
  'config',
  'plugin',
  'report',
  'fix',
  'run',
  'cli',
  'lsp',
  'index',
]

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? files(file) : file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : []
  })
}

function stageOf(file: string): string {
  const [top, second, third] = path.relative(root, file).split(path.sep)
  if (top === 'rules') return 'rules'
  return third === undefined ? second.replace(/\.ts$/, '') : second
}

const sources = [...files(path.join(root, 'src')), ...files(path.join(root, 'rules'))]

describe('layers', () => {
  it('every folder of src/ is a known stage', () => {
    const folders = readdirSync(path.join(root, 'src')).filter((name) => statSync(path.join(root, 'src', name)).isDirectory())
    expect(folders.filter((folder) => !stages.includes(folder))).toEqual([])
  })

  it('each stage imports only stages below it', () => {
    const wrong: string[] = []
    for (const file of sources) {
      const from = stageOf(file)
      for (const match of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'\n]*from '(\.[^']+)'/gm)) {
        const to = stageOf(path.resolve(path.dirname(file), match[1]))
        if (stages.indexOf(to) > stages.indexOf(from)) wrong.push(`${path.relative(root, file)} (${from}) imports ${match[1]} (${to})`)
      }
    }
    expect(wrong).toEqual([])
  })
})
