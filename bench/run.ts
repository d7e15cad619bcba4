/**
 * `npm run bench`: designlint against its peers and against its own parser,
 * side by side in one run on this machine, on the corpora in ../shared.
 * Prints a table of medians and ratios and writes it to bench/RESULTS.md.
 *
 * BENCH_RUNS (default 3) sets how many times each command runs.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync} from 'node:fs'
import {cpus, tmpdir, totalmem} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {createProcessor, lintText} from '../src/plugin/processor.js'
import {loadPreset} from '../src/preset/load.js'
import {remarkDesignlintSyntax} from '../src/markdown/syntax.js'
import {headingLine, walkSections} from '../src/template/headings.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const corpora = path.resolve(root, '..', 'shared', 'corpora')
const runs = Number(process.env.BENCH_RUNS ?? 3)
const cli = path.join(root, 'dist', 'bundle', 'cli.js')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined

interface Measure {
  seconds: number
  /** Peak resident memory in MB, where /usr/bin/time can tell. */
  megabytes?: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Run a command `runs` times; the median wall time and the largest peak memory. */
function measure(command: string[], cwd: string, times = runs): Measure {
  const seconds: number[] = []
  const memory: number[] = []
  for (let index = 0; index < times; index++) {
    const start = performance.now()
    const args = timeBinary ? ['-f', '%M', ...command] : command.slice(1)
    const result = spawnSync(timeBinary ?? command[0], args, {cwd, encoding: 'utf8', maxBuffer: 1 << 30})
    seconds.push((performance.now() - start) / 1000)
    if (result.error) throw result.error
    const kilobytes = timeBinary ? Number(result.stderr.trim().split('\n').pop()) : NaN
    if (!Number.isNaN(kilobytes)) memory.push(kilobytes / 1024)
  }
  return {seconds: median(seconds), ...(memory.length ? {megabytes: Math.max(...memory)} : {})}
}

interface Corpus {
  name: string
  template: string
  /** The documents, relative to `dir`, and a glob for the peers. */
  dir: string
  glob: string
  files: string[]
}

function corpusList(): Corpus[] {
  const list: Corpus[] = []
  const rfc = path.join(corpora, 'rust-rfcs')
  if (existsSync(rfc)) {
    list.push({
      name: 'Rust RFCs',
      template: path.join(rfc, '0000-template.md'),
      dir: rfc,
      glob: 'text/*.md',
      files: readdirSync(path.join(rfc, 'text'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join('text', name)),
    })
  }
  const kep = path.join(corpora, 'keps', 'keps')
  if (existsSync(kep)) {
    const files: string[] = []
    for (const sig of readdirSync(kep).filter((name) => name.startsWith('sig-')))
      for (const item of readdirSync(path.join(kep, sig)))
        if (existsSync(path.join(kep, sig, item, 'README.md'))) files.push(path.join(sig, item, 'README.md'))
    list.push({
      name: 'Kubernetes KEPs',
      template: path.join(kep, 'NNNN-kep-template', 'README.md'),
      dir: kep,
      glob: 'sig-*/*/README.md',
      files,
    })
  }
  return list
}

/** Peer configurations derived from the template: the headings it requires. */
function peerConfigs(corpus: Corpus, work: string): void {
  const preset = loadPreset(corpus.template)
  const all = [...walkSections(preset)].filter((section) => section !== preset.title)
  const top = preset.sections.filter((section) => !section.optional)
  writeFileSync(
    path.join(work, '.markdownlint-cli2.jsonc'),
    JSON.stringify({config: {default: false, MD043: {headings: all.map((section) => headingLine(section)), match_case: false}}}),
  )
  writeFileSync(
    path.join(work, 'contextlint.config.json'),
    JSON.stringify({
      include: [corpus.glob],
      rules: [
        {rule: 'sec001', options: {sections: top.map((section) => section.title)}},
        {rule: 'sec002', options: {order: top.map((section) => section.title), level: top[0]?.depth ?? 2}},
      ],
    }),
  )
}

/** Rules and engine over the bare parse: same parser options, same files, one thread. */
function engineOverParse(corpus: Corpus): {parse: number; full: number} {
  const texts = corpus.files.map((file) => readFileSync(path.join(corpus.dir, file), 'utf8'))
  const parser = unified().use(remarkParse).use(remarkDesignlintSyntax)
  const processor = createProcessor({preset: corpus.template, config: false})
  const parse: number[] = []
  const full: number[] = []
  for (let index = 0; index < runs; index++) {
    let start = performance.now()
    for (const text of texts) parser.parse(text)
    parse.push((performance.now() - start) / 1000)
    start = performance.now()
    corpus.files.forEach((file, position) => {
      lintText(processor, texts[position], file)
    })
    full.push((performance.now() - start) / 1000)
  }
  return {parse: median(parse), full: median(full)}
}

function row(cells: Array<string | number>): string {
  return '| ' + cells.map((cell) => (typeof cell === 'number' ? cell.toFixed(2) : cell)).join(' | ') + ' |'
}

function main(): void {
  const list = corpusList()
  if (list.length === 0) {
    process.stdout.write('bench: ../shared/corpora is absent; nothing to measure\n')
    return
  }
  const lines: string[] = [
    '# designlint benchmarks',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; medians of ${runs} runs. Peak memory is the largest maximum resident set size of the process (worker threads included) over the runs.`,
    '',
  ]
  const say = (line = '') => {
    lines.push(line)
    process.stdout.write(line + '\n')
  }
  const work = mkdtempSync(path.join(tmpdir(), 'designlint-bench-'))

  for (const corpus of list) {
    peerConfigs(corpus, work)
    const copy = path.join(work, 'docs')
    rmSync(copy, {recursive: true, force: true})
    cpSync(corpus.dir, copy, {recursive: true})
    const ours = ['node', cli, '--preset', corpus.template, '--format', 'json', corpus.glob]
    const designlint = measure(ours, copy)
    const oneThread = measure([...ours.slice(0, 2), '--workers', '0', ...ours.slice(2)], copy)
    const markdownlint = measure([bin('markdownlint-cli2'), '--config', path.join(work, '.markdownlint-cli2.jsonc'), corpus.glob], copy)
    const contextlint = measure([bin('contextlint'), '--config', path.join(work, 'contextlint.config.json'), corpus.glob], copy)
    const cacheDir = path.join(work, 'cache')
    rmSync(cacheDir, {recursive: true, force: true})
    const cached = [...ours.slice(0, 2), '--cache', '--cache-location', cacheDir, ...ours.slice(2)]
    const cold = measure(cached, copy, 1)
    const warm = measure(cached, copy)
    appendFileSync(path.join(copy, corpus.files[0]), '\nOne more line.\n')
    const oneChanged = spawnSync(cached[0], cached.slice(1), {
      cwd: copy,
      encoding: 'utf8',
      env: {...process.env, DESIGNLINT_CACHE_STATS: '1'},
      maxBuffer: 1 << 30,
    }).stderr.trim()
    const engine = engineOverParse(corpus)

    say(`## ${corpus.name}: ${corpus.files.length} documents`)
    say()
    say('| tool | what it checks | wall time (s) | peak memory (MB) | designlint / tool |')
    say('| --- | --- | ---: | ---: | ---: |')
    say(
      row([
        'designlint (all rules, worker threads)',
        'the template compiled as a preset',
        designlint.seconds,
        designlint.megabytes?.toFixed(0) ?? '',
        '1.00',
      ]),
    )
    say(
      row([
        'designlint --workers 0',
        'the same, one thread',
        oneThread.seconds,
        oneThread.megabytes?.toFixed(0) ?? '',
        (designlint.seconds / oneThread.seconds).toFixed(2),
      ]),
    )
    say(
      row([
        'markdownlint-cli2 (MD043 only)',
        "the template's headings",
        markdownlint.seconds,
        markdownlint.megabytes?.toFixed(0) ?? '',
        (designlint.seconds / markdownlint.seconds).toFixed(2),
      ]),
    )
    say(
      row([
        '@contextlint/cli (SEC-001, SEC-002)',
        'required top-level sections and their order',
        contextlint.seconds,
        contextlint.megabytes?.toFixed(0) ?? '',
        (designlint.seconds / contextlint.seconds).toFixed(2),
      ]),
    )
    say()
    say('| measure | value | target | holds |')
    say('| --- | ---: | ---: | --- |')
    const check = (name: string, value: number, target: number, unit = '×') =>
      say(row([name, `${value.toFixed(2)}${unit}`, `≤ ${target}${unit}`, value <= target ? 'yes' : 'no']))
    check('designlint / markdownlint-cli2 MD043', designlint.seconds / markdownlint.seconds, 0.5)
    check('designlint / contextlint', designlint.seconds / contextlint.seconds, 0.75)
    check('rules and engine over the bare parse (one thread, in process)', engine.full / engine.parse, 1.15)
    say(row(['… bare parse / full check, seconds', `${engine.parse.toFixed(2)} / ${engine.full.toFixed(2)}`, '', '']))
    check('warm --cache run / cold run', warm.seconds / cold.seconds, 0.05)
    say(row(['… cold / warm, seconds', `${cold.seconds.toFixed(2)} / ${warm.seconds.toFixed(2)}`, '', '']))
    say(row(['… after changing one document', oneChanged, 'one re-checked', /1 checked$/.test(oneChanged) ? 'yes' : 'no']))
    if (corpus.name === 'Kubernetes KEPs') {
      check('peak memory, worker threads', designlint.megabytes ?? NaN, 200, ' MB')
      check('peak memory, one thread', oneThread.megabytes ?? NaN, 200, ' MB')
    }
    say()
  }

  const single = path.join(root, 'fixtures', 'standard', 'valid.md')
  const ten = Math.max(runs, 10)
  const importOnly = measure(['node', '-e', "import('remark-parse')"], root, ten)
  const oneDoc = measure(['node', cli, '--preset', 'standard', single], root, ten)
  say('## One document (a pre-commit run)')
  say()
  say('| command | wall time (s) |')
  say('| --- | ---: |')
  say(row(['node -e "import(\'remark-parse\')"', importOnly.seconds]))
  say(row(['designlint --preset standard fixtures/standard/valid.md', oneDoc.seconds]))
  say()
  say('| measure | value | target | holds |')
  say('| --- | ---: | ---: | --- |')
  say(
    row([
      'one document / importing the parser',
      `${(oneDoc.seconds / importOnly.seconds).toFixed(2)}×`,
      '≤ 1.5×',
      oneDoc.seconds / importOnly.seconds <= 1.5 ? 'yes' : 'no',
    ]),
  )
  say()
  writeFileSync(path.join(root, 'bench', 'RESULTS.md'), lines.join('\n') + '\n')
  rmSync(work, {recursive: true, force: true})
  process.stdout.write('bench: wrote bench/RESULTS.md\n')
}

main()
