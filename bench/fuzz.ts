/**
 * The fuzzer: seeded mutations of the fixtures and examples (line edits,
 * random bytes and control characters, lone CR / CRLF / CR-only line endings,
 * unbalanced brackets, backticks, pipes and emphasis, deep nesting), linted
 * by the built CLI with `--format json`. A run finds a problem when the CLI
 * exits other than 0 or 1, prints anything but JSON, or places a finding
 * outside its document (past the last line, past the end of its line, or
 * ending before it starts).
 *
 * `npm run fuzz -- --count 5000 [--seed 1]` for a long run; the e2e suite
 * runs a few hundred documents (test/e2e/fuzz.test.ts).
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {mulberry32} from './judge-sample.js'

/** A generator of numbers in [0, 1), the same for the same seed. */
export const seededRandom = mulberry32

type Random = () => number

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]
}

function randomInt(random: Random, below: number): number {
  return Math.floor(random() * below)
}

/** Insert `text` at a random offset of `source`. */
function insertAt(random: Random, source: string, text: string): string {
  const at = randomInt(random, source.length + 1)
  return source.slice(0, at) + text + source.slice(at)
}

/** Characters a document should not hold but may: controls, NUL, a BOM, bidi overrides, lone surrogates' neighbours. */
const oddCharacters = ['\u0000', '\u0007', '\u001b[31m', '\u0008', '\u007f', '\ufeff', '\u202e', '\u00a0', '\t', '\ufffd', '😀', '\u0301']

/** Marks that open or close inline or block syntax. */
const syntaxMarks = ['[', ']', '(', ')', '`', '```', '|', '*', '_', '**', '<', '>', '<!--', '-->', '---', '#', '$', '$$', '\\', '&', ':']

/** The mutations, each a function of the random source and a document. */
const mutations: Record<string, (random: Random, source: string) => string> = {
  deleteLine(random, source) {
    const lines = source.split('\n')
    lines.splice(randomInt(random, lines.length), 1 + randomInt(random, 3))
    return lines.join('\n')
  },
  duplicateLine(random, source) {
    const lines = source.split('\n')
    const at = randomInt(random, lines.length)
    lines.splice(at, 0, lines[at] ?? '')
    return lines.join('\n')
  },
  swapLines(random, source) {
    const lines = source.split('\n')
    const a = randomInt(random, lines.length)
    const b = randomInt(random, lines.length)
    ;[lines[a], lines[b]] = [lines[b], lines[a]]
    return lines.join('\n')
  },
  randomBytes(random, source) {
    let text = ''
    for (let count = 1 + randomInt(random, 12); count > 0; count--) {
      text += random() < 0.5 ? pick(random, oddCharacters) : String.fromCharCode(randomInt(random, 0x250))
    }
    return insertAt(random, source, text)
  },
  crlf: (_, source) => source.replace(/\r?\n/g, '\r\n'),
  crOnly: (_, source) => source.replace(/\r?\n/g, '\r'),
  loneCr(random, source) {
    let text = source
    for (let count = 1 + randomInt(random, 5); count > 0; count--) text = insertAt(random, text, '\r')
    return text
  },
  mixedEndings: (random, source) => source.replace(/\n/g, () => pick(random, ['\n', '\r\n', '\r'])),
  unbalanced(random, source) {
    let text = source
    for (let count = 1 + randomInt(random, 8); count > 0; count--) text = insertAt(random, text, pick(random, syntaxMarks))
    return text
  },
  deepNesting(random, source) {
    const depth = 5 + randomInt(random, 150)
    const marker = pick(random, ['- ', '> ', '1. ', '* ', '> - '])
    const nested =
      random() < 0.5 ? marker.repeat(depth) + 'x' : Array.from({length: depth}, (_, level) => ' '.repeat(2 * level) + '- item').join('\n')
    return insertAt(random, source, '\n' + nested + '\n')
  },
  truncate: (random, source) => source.slice(0, randomInt(random, source.length + 1)),
  emptyValues: (_, source) => source.replace(/(\*\*[^*\n]+:\*\*|^[A-Za-z ]+:)[^\n]*/gm, '$1'),
  frontMatter(random, source) {
    const yaml = pick(random, ['a: &x [*x]', '? [a, b]\n: c', 'title: "unclosed', 'template: 5', 'template: [a]', '- not a map', ''])
    return `---\n${yaml}\n---\n` + source.replace(/^---\n[\s\S]*?\n---\n/, '')
  },
}

export const mutationNames = Object.keys(mutations)

export interface FuzzDocument {
  name: string
  text: string
  /** The mutations applied, in order. */
  applied: string[]
}

/** The Markdown files the fuzzer starts from: fixtures/ and examples/. */
export function seedDocuments(root: string): string[] {
  const files: string[] = []
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.md')) files.push(full)
    }
  }
  walk(path.join(root, 'fixtures'))
  walk(path.join(root, 'examples'))
  return files.sort()
}

/** `count` mutated documents, the same for the same seed. */
export function fuzzDocuments(seeds: readonly string[], seed: number, count: number): FuzzDocument[] {
  const random = seededRandom(seed)
  const texts = seeds.map((file) => readFileSync(file, 'utf8'))
  const documents: FuzzDocument[] = []
  for (let index = 0; index < count; index++) {
    const from = randomInt(random, texts.length)
    let text = texts[from]
    const applied: string[] = []
    for (let step = 1 + randomInt(random, 4); step > 0; step--) {
      const name = pick(random, mutationNames)
      text = mutations[name](random, text)
      applied.push(name)
    }
    documents.push({name: `fuzz-${seed}-${index}.md`, text, applied: [path.basename(seeds[from]), ...applied]})
  }
  return documents
}

/** A finding's place as the JSON format gives it. */
interface JsonPlace {
  ruleId?: string
  reason: string
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
}

/** The lines of a text as the Markdown parser counts them (`\r\n`, `\r` and `\n` end a line). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length)
}

/** What is wrong with the places of a document's findings (nothing: an empty list). */
export function placeProblems(text: string, messages: readonly JsonPlace[]): string[] {
  const lengths = lineLengths(text)
  const problems: string[] = []
  const inside = (line: number, column: number) => line >= 1 && line <= lengths.length && column >= 1 && column <= lengths[line - 1] + 1
  for (const message of messages) {
    if (message.line === undefined || message.column === undefined) continue
    const where = `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId}: ${message.reason}`
    if (!inside(message.line, message.column)) problems.push(`start outside the document (${lengths.length} lines): ${where}`)
    const endLine = message.endLine ?? message.line
    const endColumn = message.endColumn ?? message.column
    if (!inside(endLine, endColumn)) problems.push(`end outside the document (${lengths.length} lines): ${where}`)
    if (endLine < message.line || (endLine === message.line && endColumn < message.column)) problems.push(`end before start: ${where}`)
  }
  return problems
}

export interface FuzzOptions {
  seed: number
  count: number
  /** The built CLI. */
  cli: string
  /** Documents per CLI run. */
  batch?: number
  /** Called after each batch with how many documents are done. */
  progress?: (done: number) => void
}

export interface FuzzFailure {
  document?: string
  applied?: string[]
  problem: string
}

/** Lint `count` fuzzed documents with the CLI; the failures found (none: an empty list). */
export function runFuzz(root: string, options: FuzzOptions): FuzzFailure[] {
  const documents = fuzzDocuments(seedDocuments(root), options.seed, options.count)
  const folder = mkdtempSync(path.join(tmpdir(), 'designlint-fuzz-'))
  const failures: FuzzFailure[] = []
  const size = options.batch ?? 50
  try {
    for (let start = 0; start < documents.length; start += size) {
      const batch = documents.slice(start, start + size)
      for (const document of batch) writeFileSync(path.join(folder, document.name), document.text)
      const run = spawnSync(process.execPath, [options.cli, '--format', 'json', ...batch.map((document) => document.name)], {
        cwd: folder,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: {...process.env, NO_COLOR: '1'},
      })
      const names = batch.map((document) => document.name).join(' ')
      if (run.status !== 0 && run.status !== 1) {
        failures.push({problem: `exit ${run.status ?? run.signal} for ${names}: ${run.stderr.split('\n').slice(0, 3).join(' ')}`})
        continue
      }
      if (run.stderr.trim()) failures.push({problem: `standard error for ${names}: ${run.stderr.split('\n').slice(0, 3).join(' ')}`})
      let results: Array<{path: string; messages: JsonPlace[]}>
      try {
        results = JSON.parse(run.stdout)
      } catch (error) {
        failures.push({problem: `not JSON for ${names}: ${(error as Error).message}`})
        continue
      }
      for (const document of batch) {
        const result = results.find((entry) => entry.path === document.name)
        if (!result) {
          failures.push({document: document.name, applied: document.applied, problem: 'no result'})
          continue
        }
        for (const message of result.messages) {
          if (message.ruleId === 'crash') {
            failures.push({document: document.name, applied: document.applied, problem: `crash: ${message.reason}`})
          }
        }
        for (const problem of placeProblems(document.text, result.messages)) {
          failures.push({document: document.name, applied: document.applied, problem})
        }
      }
      options.progress?.(Math.min(start + size, documents.length))
    }
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
  return failures
}

/** `npm run fuzz -- --count 5000 [--seed 1]`: print the failures, exit 1 when there are any. */
function main(): void {
  const {values} = parseArgs({options: {count: {type: 'string', default: '500'}, seed: {type: 'string', default: '1'}}})
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
  const count = Number(values.count)
  const seed = Number(values.seed)
  const started = Date.now()
  const failures = runFuzz(root, {
    seed,
    count,
    cli: path.join(root, 'dist', 'bundle', 'cli.js'),
    batch: 100,
    progress: (done) => process.stderr.write(`\r${done}/${count} documents`),
  })
  process.stderr.write(
    `\n${count} documents (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${failures.length} problems\n`,
  )
  for (const failure of failures) {
    process.stdout.write(`${failure.document ?? ''} ${failure.applied ? `[${failure.applied.join(', ')}]` : ''} ${failure.problem}\n`)
  }
  process.exitCode = failures.length > 0 ? 1 : 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
