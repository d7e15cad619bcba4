/**
 * `npm run bench`: designlint against its peers and against its own parser,
 * side by side in one run on this machine, on the corpora in ../shared; the
 * one-document run against `node -e 0` and against importing the parser; and
 * the time per MB of pathological documents at a few sizes. The commands of
 * a table run alternately (one run of each, then the next round), so a
 * neighbour's load falls on all of them alike; each figure is a median.
 * Prints the tables and writes them to bench/RESULTS.md.
 *
 * BENCH_RUNS (default 3) sets how many rounds the corpus tables run (the
 * one-document table runs at least 11). BENCH_ONLY=startup,pathological,rfc,kep
 * runs only those parts, and replaces only their sections of RESULTS.md.
 */
import {spawnSync} from 'node:child_process'
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import {cpus, loadavg, tmpdir, totalmem} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseMarkdown} from '../src/markdown/parse.js'
import {parseWithRemark} from '../src/markdown/syntax.js'
import {createProcessor, lintText} from '../src/plugin/processor.js'
import {loadPreset} from '../src/preset/load.js'
import {workerCount, workerThreshold} from '../src/run/pool.js'
import {headingLine, walkSections} from '../src/template/headings.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const corpora = path.resolve(root, '..', 'shared', 'corpora')
const runs = Number(process.env.BENCH_RUNS ?? 3)
const cli = path.join(root, 'dist', 'bundle', 'cli.js')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined
/** The parts to run (all when BENCH_ONLY is unset). */
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((part) => part.trim())) : undefined
const runsPart = (part: string) => only === undefined || only.has(part)

interface Measure {
  seconds: number
  /** Peak resident memory in MB, where /usr/bin/time can tell. */
  megabytes?: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * This machine's environment sets NODE_EXTRA_CA_CERTS (to the system's CA
 * bundle), and Node 20 then parses that bundle's certificates as it starts,
 * before any script runs: 70–100 ms of CPU here on every Node process, about
 * half of a one-document run. Every table runs in the environment as it is,
 * as CI does; the rows marked "no extra CA" run without the variable, to
 * show what the ratios against Node's own start are on a machine without it.
 */
const extraCa = process.env.NODE_EXTRA_CA_CERTS !== undefined
const withoutExtraCa: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'))

/** One run of a command: wall time in seconds and peak memory in MB, where /usr/bin/time can tell. */
function runOnce(command: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): {seconds: number; megabytes?: number} {
  const start = performance.now()
  const args = timeBinary ? ['-f', '%M', ...command] : command.slice(1)
  const result = spawnSync(timeBinary ?? command[0], args, {cwd, env, encoding: 'utf8', maxBuffer: 1 << 30})
  const seconds = (performance.now() - start) / 1000
  if (result.error) throw result.error
  const kilobytes = timeBinary ? Number(result.stderr.trim().split('\n').pop()) : NaN
  return Number.isNaN(kilobytes) ? {seconds} : {seconds, megabytes: kilobytes / 1024}
}

/** A command of a table, by name. */
interface Command {
  name: string
  command: string[]
  cwd: string
  /** Its environment, when not the bench's own. */
  env?: NodeJS.ProcessEnv
}

/**
 * Run the commands alternately, `times` rounds of one run each; for each
 * command the median wall time and the largest peak memory.
 */
function measureAlternately(commands: Command[], times = runs): Map<string, Measure> {
  const seconds = new Map<string, number[]>(commands.map(({name}) => [name, []]))
  const memory = new Map<string, number[]>(commands.map(({name}) => [name, []]))
  for (let round = 0; round < times; round++) {
    for (const {name, command, cwd, env} of commands) {
      const once = runOnce(command, cwd, env)
      seconds.get(name)?.push(once.seconds)
      if (once.megabytes !== undefined) memory.get(name)?.push(once.megabytes)
    }
  }
  const measures = new Map<string, Measure>()
  for (const {name} of commands) {
    const peaks = memory.get(name) ?? []
    measures.set(name, {seconds: median(seconds.get(name) ?? []), ...(peaks.length ? {megabytes: Math.max(...peaks)} : {})})
  }
  return measures
}

interface Corpus {
  /** Its part's name in BENCH_ONLY. */
  part: 'rfc' | 'kep'
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
      part: 'rfc',
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
      part: 'kep',
      name: 'Kubernetes KEPs',
      template: path.join(kep, 'NNNN-kep-template', 'README.md'),
      dir: kep,
      glob: 'sig-*/*/README.md',
      files,
    })
  }
  return list
}

/**
 * Peer configurations derived from the template: the headings it requires
 * (markdownlint-cli2, contextlint); designlint's own plugin for remark-cli,
 * installed in `work`'s node_modules as a link to this package.
 */
function peerConfigs(corpus: Corpus, work: string): void {
  mkdirSync(path.join(work, 'node_modules'), {recursive: true})
  const link = path.join(work, 'node_modules', 'designlint')
  if (!existsSync(link)) symlinkSync(root, link, 'dir')
  writeFileSync(path.join(work, '.remarkrc.json'), JSON.stringify({plugins: [['designlint', {preset: corpus.template}]]}))
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

/**
 * The full check in process (one thread) against the bare parse of the same
 * files: remark-parse's (what a check cost before the fast path) and the fast
 * path's.
 */
function engineOverParse(corpus: Corpus): {parse: number; fastParse: number; full: number} {
  const texts = corpus.files.map((file) => readFileSync(path.join(corpus.dir, file), 'utf8'))
  const processor = createProcessor({preset: corpus.template, config: false})
  const parse: number[] = []
  const fastParse: number[] = []
  const full: number[] = []
  for (let index = 0; index < runs; index++) {
    let start = performance.now()
    for (const text of texts) parseWithRemark(text)
    parse.push((performance.now() - start) / 1000)
    start = performance.now()
    for (const text of texts) parseMarkdown(text)
    fastParse.push((performance.now() - start) / 1000)
    start = performance.now()
    corpus.files.forEach((file, position) => {
      lintText(processor, texts[position], file)
    })
    full.push((performance.now() - start) / 1000)
  }
  return {parse: median(parse), fastParse: median(fastParse), full: median(full)}
}

/** What designlint's default is on this machine, for a corpus (many files). */
function defaultThreads(): string {
  const threads = workerCount(workerThreshold)
  return threads === 0 ? 'one thread here' : `${threads} worker threads here`
}

function row(cells: Array<string | number>): string {
  return '| ' + cells.map((cell) => (typeof cell === 'number' ? cell.toFixed(2) : cell)).join(' | ') + ' |'
}

/** The path of a peer's command in node_modules/.bin, or undefined when it is not installed. */
function installed(name: string): string | undefined {
  return existsSync(bin(name)) ? bin(name) : undefined
}

/** A corpus's table: every tool on the same documents, alternately. Returns its Markdown lines. */
function benchCorpus(corpus: Corpus, work: string): string[] {
  const lines: string[] = []
  const say = (line = '') => lines.push(line)
  peerConfigs(corpus, work)
  const copy = path.join(work, 'docs')
  rmSync(copy, {recursive: true, force: true})
  cpSync(corpus.dir, copy, {recursive: true})
  const ours = ['node', cli, '--preset', corpus.template, '--format', 'json', corpus.glob]
  const rumdl = installed('rumdl')
  const commands: Command[] = [
    {name: 'designlint', command: ours, cwd: copy},
    {name: 'one thread', command: [...ours.slice(0, 2), '--workers', '0', ...ours.slice(2)], cwd: copy},
    {name: 'two threads', command: [...ours.slice(0, 2), '--workers', '2', ...ours.slice(2)], cwd: copy},
    {
      name: 'markdownlint-cli2',
      command: [bin('markdownlint-cli2'), '--config', path.join(work, '.markdownlint-cli2.jsonc'), corpus.glob],
      cwd: copy,
    },
    {name: 'contextlint', command: [bin('contextlint'), '--config', path.join(work, 'contextlint.config.json'), corpus.glob], cwd: copy},
    {
      name: 'remark-cli',
      command: ['node', path.join(root, 'node_modules', 'remark-cli', 'cli.js'), '--no-stdout', '--quiet', '--no-color', corpus.glob],
      cwd: copy,
    },
    // rumdl keeps a cache of results by default: every run here checks every file. It also reads a
    // markdownlint config it finds as its own, and the one written above for markdownlint-cli2 (MD043
    // only) is in the folder above the documents: `--no-config` keeps rumdl to its defaults, what its
    // row says. Bench runs before did not, and measured less than half of rumdl's work (6,884 findings
    // on the RFCs instead of 30,634); that run stays in the table, marked, for comparison.
    ...(rumdl
      ? [
          {name: 'rumdl', command: [rumdl, 'check', '--no-config', '--no-cache', ...corpus.files], cwd: copy},
          {name: 'rumdl, markdownlint config', command: [rumdl, 'check', '--no-cache', ...corpus.files], cwd: copy},
        ]
      : []),
  ]
  const measures = measureAlternately(commands)
  const designlint = measures.get('designlint') as Measure
  const oneThread = measures.get('one thread') as Measure
  const markdownlint = measures.get('markdownlint-cli2') as Measure
  const contextlint = measures.get('contextlint') as Measure

  // Cold and warm alternately, medians of each as for every other row: each round a first `--cache`
  // run into an empty cache folder, then the same command again, which replays it. Bench runs before
  // timed one cold run only, whose luck decided the ratio (0.05x one hour, 0.06x the next).
  const cacheDir = path.join(work, 'cache')
  const cached = [...ours.slice(0, 2), '--cache', '--cache-location', cacheDir, ...ours.slice(2)]
  const environments = extraCa ? [process.env, withoutExtraCa] : [process.env]
  const coldRuns = environments.map((): number[] => [])
  const warmRuns = environments.map((): number[] => [])
  for (let round = 0; round < runs; round++) {
    environments.forEach((env, index) => {
      rmSync(cacheDir, {recursive: true, force: true})
      coldRuns[index].push(runOnce(cached, copy, env).seconds)
      warmRuns[index].push(runOnce(cached, copy, env).seconds)
    })
  }
  const [cold, coldWithoutCa] = coldRuns.map((values) => ({seconds: median(values)}))
  const [warm, warmWithoutCa] = warmRuns.map((values) => ({seconds: median(values)}))
  appendFileSync(path.join(copy, corpus.files[0]), '\nOne more line.\n')
  const oneChanged = spawnSync(cached[0], cached.slice(1), {
    cwd: copy,
    encoding: 'utf8',
    env: {...process.env, DESIGNLINT_CACHE_STATS: '1'},
    maxBuffer: 1 << 30,
  }).stderr.trim()
  const engine = engineOverParse(corpus)

  const tools: Array<[string, string, string]> = [
    ['designlint (all rules, default threads)', `the template compiled as a preset (${defaultThreads()})`, 'designlint'],
    ['designlint --workers 0', 'the same, one thread', 'one thread'],
    ['designlint --workers 2', 'the same, two worker threads', 'two threads'],
    ['markdownlint-cli2 (MD043 only)', "the template's headings", 'markdownlint-cli2'],
    ['@contextlint/cli (SEC-001, SEC-002)', 'required top-level sections and their order', 'contextlint'],
    ['remark-cli with designlint as a plugin', 'the same as designlint, through unified-engine', 'remark-cli'],
    ['rumdl check (Rust, all its rules)', 'its default Markdown rules', 'rumdl'],
    ['rumdl check, as bench runs before ran it', "what it reads of markdownlint-cli2's MD043 config", 'rumdl, markdownlint config'],
  ]
  say(`## ${corpus.name}: ${corpus.files.length} documents`)
  say()
  say('| tool | what it checks | wall time (s) | peak memory (MB) | designlint / tool |')
  say('| --- | --- | ---: | ---: | ---: |')
  for (const [tool, what, name] of tools) {
    const measured = measures.get(name)
    if (!measured) {
      say(row([tool, what, 'skipped: not installed (`npm install --save-dev rumdl`)', '', '']))
      continue
    }
    say(row([tool, what, measured.seconds, measured.megabytes?.toFixed(0) ?? '', (designlint.seconds / measured.seconds).toFixed(2)]))
  }
  say()
  say('| measure | value | target | holds |')
  say('| --- | ---: | ---: | --- |')
  const check = (name: string, value: number, target: number, unit = '×') =>
    say(row([name, `${value.toFixed(2)}${unit}`, `≤ ${target}${unit}`, value <= target ? 'yes' : 'no']))
  check('designlint / markdownlint-cli2 MD043', designlint.seconds / markdownlint.seconds, 0.25)
  check('designlint / contextlint', designlint.seconds / contextlint.seconds, 0.75)
  const rumdlMeasure = measures.get('rumdl')
  if (rumdlMeasure) check('designlint / rumdl', designlint.seconds / rumdlMeasure.seconds, 3)
  check('full check (one thread, in process) / remark-parse alone', engine.full / engine.parse, 1.15)
  say(row(['… full check / fast parse alone', `${(engine.full / engine.fastParse).toFixed(2)}×`, '', '']))
  say(row(['… fast parse / remark-parse', `${(engine.fastParse / engine.parse).toFixed(3)}×`, '', '']))
  say(
    row([
      '… remark-parse / fast parse / full check, seconds',
      `${engine.parse.toFixed(2)} / ${engine.fastParse.toFixed(2)} / ${engine.full.toFixed(2)}`,
      '',
      '',
    ]),
  )
  check('warm --cache run / cold run', warm.seconds / cold.seconds, 0.05)
  say(row(['… cold / warm, seconds', `${cold.seconds.toFixed(2)} / ${warm.seconds.toFixed(2)}`, '', '']))
  if (coldWithoutCa && warmWithoutCa) {
    const ratio = warmWithoutCa.seconds / coldWithoutCa.seconds
    say(
      row([
        '… no extra CA: warm / cold',
        `${ratio.toFixed(3)}× (${warmWithoutCa.seconds.toFixed(2)} / ${coldWithoutCa.seconds.toFixed(2)} s)`,
        '',
        '',
      ]),
    )
  }
  say(row(['… after changing one document', oneChanged, 'one re-checked', /1 checked$/.test(oneChanged) ? 'yes' : 'no']))
  if (corpus.part === 'kep') {
    check('peak memory, default threads', designlint.megabytes ?? NaN, 200, ' MB')
    check('peak memory, one thread', oneThread.megabytes ?? NaN, 200, ' MB')
    check('peak memory, two worker threads', (measures.get('two threads') as Measure).megabytes ?? NaN, 200, ' MB')
  }
  say()
  return lines
}

/** The one-document run against starting Node and against importing the parser, alternately. */
function benchStartup(): string[] {
  const single = path.join(root, 'fixtures', 'standard', 'valid.md')
  const rounds = Math.max(runs, 11)
  const commands: Command[] = [
    {name: 'node -e 0', command: ['node', '-e', '0'], cwd: root},
    {name: 'parser', command: ['node', '-e', "import('markdown-it')"], cwd: root},
    {name: 'version', command: ['node', cli, '--version'], cwd: root},
    {name: 'one document', command: ['node', cli, '--preset', 'standard', single], cwd: root},
    ...(extraCa
      ? [
          {name: 'node -e 0, no extra CA', command: ['node', '-e', '0'], cwd: root, env: withoutExtraCa},
          {name: 'one document, no extra CA', command: ['node', cli, '--preset', 'standard', single], cwd: root, env: withoutExtraCa},
        ]
      : []),
  ]
  const measures = measureAlternately(commands, rounds)
  const seconds = (name: string) => (measures.get(name) as Measure).seconds
  const ratio = (name: string, base: string) => seconds(name) / seconds(base)
  const lines = [
    '## One document (a pre-commit run)',
    '',
    `Medians of ${rounds} alternating rounds.`,
    '',
    '| command | wall time (s) | / node -e 0 |',
    '| --- | ---: | ---: |',
  ]
  const labels: Array<[string, string]> = [
    ['node -e 0', 'node -e 0'],
    ['parser', 'node -e "import(\'markdown-it\')" (the parser)'],
    ['version', 'designlint --version (loading the bundle from its code cache)'],
    ['one document', 'designlint --preset standard fixtures/standard/valid.md'],
    ...(extraCa
      ? ([
          ['node -e 0, no extra CA', 'node -e 0, no extra CA (without NODE_EXTRA_CA_CERTS, which this machine sets)'],
          ['one document, no extra CA', 'designlint --preset standard fixtures/standard/valid.md, no extra CA'],
        ] as Array<[string, string]>)
      : []),
  ]
  for (const [name, label] of labels) lines.push(row([label, seconds(name).toFixed(3), `${ratio(name, 'node -e 0').toFixed(2)}×`]))
  lines.push('', '| measure | value | target | holds |', '| --- | ---: | ---: | --- |')
  const oneDocument = ratio('one document', 'node -e 0')
  lines.push(row(['one document / node -e 0', `${oneDocument.toFixed(2)}×`, '≤ 2×', oneDocument <= 2 ? 'yes' : 'no']))
  lines.push(row(['one document / importing the parser', `${ratio('one document', 'parser').toFixed(2)}×`, '', '']))
  if (extraCa) {
    const clean = ratio('one document, no extra CA', 'node -e 0, no extra CA')
    lines.push(row(['… no extra CA: one document / node -e 0', `${clean.toFixed(2)}×`, '', '']))
  }
  lines.push('')
  return lines
}

/**
 * Pathological documents kept under the limits (lists nested 90 deep, 1,000
 * brackets or emphasis marks a paragraph, one long line, one long code span
 * that opens with a space), at a few sizes,
 * checked in process after two warm-up runs at the largest size (the first
 * runs at a size also time the JIT compiling): the time per MB must not grow
 * with the size.
 */
function benchPathological(): string[] {
  const processor = createProcessor({preset: 'standard', config: false})
  const megabyte = 1024 * 1024
  /** Each document: its name, the text repeated to the size, and what comes before and after it. */
  const units: Array<[string, string, string?, string?]> = [
    ['lists nested 90 deep', '- '.repeat(90) + 'x\n\n'],
    ['1,000 brackets a paragraph', '['.repeat(500) + ']'.repeat(500) + '\n\n'],
    ['1,000 emphasis marks a paragraph', '*_'.repeat(250) + '_*'.repeat(250) + '\n\n'],
    ['one long line', 'word '.repeat(1000)],
    ['one long code span opening with a space', 'code ', '` ', 'x`'],
  ]
  const sizes = [1 / 16, 1 / 8, 1 / 4]
  const lines = [
    '## Pathological documents (in process, one thread)',
    '',
    'Seconds per MB at each size, medians of three; linear when the last column stays near 1.',
    '',
    `| document | ${sizes.map((size) => `${size * 1024} KB`).join(' | ')} | largest / smallest per MB |`,
    `| --- | ${sizes.map(() => '---:').join(' | ')} | ---: |`,
  ]
  const documentOf = (unit: string, size: number, before = '', after = '') =>
    '# T\n\n' + before + unit.repeat(Math.ceil((size * megabyte) / unit.length)) + after + '\n'
  for (const [name, unit, before, after] of units) {
    for (let round = 0; round < 2; round++) lintText(processor, documentOf(unit, sizes[sizes.length - 1], before, after), 'warm-up.md')
    const perMegabyte = sizes.map((size) => {
      const text = documentOf(unit, size, before, after)
      const times: number[] = []
      for (let index = 0; index < 3; index++) {
        const start = performance.now()
        lintText(processor, text, 'pathological.md')
        times.push((performance.now() - start) / 1000)
      }
      return median(times) / (text.length / megabyte)
    })
    const growth = perMegabyte[perMegabyte.length - 1] / perMegabyte[0]
    lines.push(row([name, ...perMegabyte.map((value) => value.toFixed(2)), `${growth.toFixed(2)}×`]))
  }
  lines.push('')
  return lines
}

/**
 * RESULTS.md with the given sections: a full run writes them all; a run of
 * some parts replaces those sections (by their `## ` heading) and keeps the rest.
 */
function writeResults(header: string[], sections: string[][]): void {
  const file = path.join(root, 'bench', 'RESULTS.md')
  let kept: string[] = []
  let earlier: string[] = []
  if (only !== undefined && existsSync(file)) {
    const [previousHeader = '', ...previous] = readFileSync(file, 'utf8').split(/^(?=## )/m)
    const replaced = new Set(sections.map((section) => section[0].split(':')[0]))
    kept = previous.filter((section) => !replaced.has(section.split('\n')[0].split(':')[0]))
    // Where the kept sections come from: the last full run's line.
    const lines = previousHeader.split('\n')
    earlier = [
      ...lines.filter((line) => line.startsWith('The other sections: ')),
      ...lines.filter((line) => line.startsWith('Measured') && !line.includes('BENCH_ONLY')).map((line) => 'The other sections: ' + line),
    ]
      .slice(0, 1)
      .map((line) => line + '\n')
  }
  const text = [
    header.join('\n'),
    ...earlier,
    ...kept.map((section) => section.trimEnd() + '\n'),
    ...sections.map((section) => section.join('\n')),
  ].join('\n')
  writeFileSync(file, text.trimEnd() + '\n')
}

function main(): void {
  const list = corpusList().filter((corpus) => runsPart(corpus.part))
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(', ')
  const loadBefore = load()
  const work = mkdtempSync(path.join(tmpdir(), 'designlint-bench-'))
  const sections: string[][] = []
  const show = (section: string[]) => {
    sections.push(section)
    process.stdout.write(section.join('\n') + '\n')
  }
  if (list.length === 0 && runsPart('rfc')) process.stdout.write('bench: ../shared/corpora is absent; the corpus tables are skipped\n')
  for (const corpus of list) show(benchCorpus(corpus, work))
  if (runsPart('startup')) show(benchStartup())
  if (runsPart('pathological')) show(benchPathological())
  rmSync(work, {recursive: true, force: true})
  const header = [
    '# designlint benchmarks',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\`${only ? ` (BENCH_ONLY=${[...only].join(',')}: the other sections are from an earlier run)` : ''} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; the commands of a table run alternately, medians of ${runs} rounds. Peak memory is the largest maximum resident set size of the process (worker threads included) over the runs. The machine is shared: load average (1, 5, 15 min) ${loadBefore} at the start, ${load()} at the end.`,
    '',
  ]
  writeResults(header, sections)
  process.stdout.write('bench: wrote bench/RESULTS.md\n')
}

main()
