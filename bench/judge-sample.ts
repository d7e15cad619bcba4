/**
 * Precision as a reviewer would measure it: run designlint's CLI over one
 * corpus in ../shared/corpora, draw a seeded random sample of its findings
 * (some of every rule that fires), print each with the lines around it for a
 * person to judge, and merge the sample into judged/<corpus>.tsv, where the
 * verdicts live (TP, FP or EITHER; see judged/README.md).
 *
 * Run: npm run judge:sample -- --corpus <name> [--cli <cli.js>] [--seed N]
 *   [--per-rule N] [--total N] [--sample <label>] [--context N] [--no-write]
 *
 * The module also exports the corpus list, the finding key and the TSV reader
 * and writer, which test/judged.test.ts shares.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The repository's root, from bench/ or from dist/bench/. */
function findRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder)
    if (parent === folder) throw new Error('judge-sample: no package.json above ' + folder)
    folder = parent
  }
  return folder
}

export const root = findRoot()
export const corporaFolder = path.resolve(root, '..', 'shared', 'corpora')
export const judgedFolder = path.join(root, 'judged')

/** A corpus: its folder, its template and its documents, both relative to the folder. */
export interface Corpus {
  name: string
  folder: string
  template: string
  documents: () => string[]
}

/** The Markdown files directly in `folder` (relative to `base`), sorted. */
function markdownIn(base: string, folder: string): string[] {
  return readdirSync(path.join(base, folder))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.posix.join(folder, name))
}

function corpus(name: string, template: string, documents: (base: string) => string[]): Corpus {
  const folder = path.join(corporaFolder, name)
  return {name, folder, template, documents: () => documents(folder)}
}

export const corpora: Corpus[] = [
  corpus('rust-rfcs', '0000-template.md', (base) => markdownIn(base, 'text')),
  corpus('keps', 'keps/NNNN-kep-template/README.md', (base) => {
    const files: string[] = []
    for (const sig of readdirSync(path.join(base, 'keps'))
      .filter((name) => name.startsWith('sig-'))
      .sort()) {
      for (const kep of readdirSync(path.join(base, 'keps', sig)).sort()) {
        const file = path.posix.join('keps', sig, kep, 'README.md')
        if (existsSync(path.join(base, file))) files.push(file)
      }
    }
    return files
  }),
  corpus('react-rfcs', '0000-template.md', (base) => markdownIn(base, 'text')),
  corpus('polkadot-rfcs', '0000-template.md', (base) => markdownIn(base, 'text')),
  corpus('nixos-rfcs', '0000-template.md', (base) => markdownIn(base, 'rfcs')),
]

export function findCorpus(name: string): Corpus {
  const found = corpora.find((each) => each.name === name)
  if (!found) throw new Error(`judge-sample: unknown corpus "${name}"; one of: ${corpora.map((each) => each.name).join(', ')}`)
  return found
}

/** One finding, as the key needs it and as a person reads it. */
export interface Finding {
  file: string
  ruleId: string
  messageId: string
  data: Record<string, string>
  line: number
  column: number
  endLine: number
  reason: string
  severity: string
  /** Filled in by `assignKeys`. */
  key: string
}

/** JSON with the object keys in order, so equal data gives equal text. */
function stableJson(data: Record<string, string>): string {
  const sorted: Record<string, string> = {}
  for (const name of Object.keys(data).sort()) sorted[name] = data[name]
  return JSON.stringify(sorted)
}

/** A finding's key without its occurrence number. No line: it survives line shifts. */
export function baseKey(corpusName: string, finding: Omit<Finding, 'key'>): string {
  return [corpusName, finding.file, finding.ruleId, finding.messageId, stableJson(finding.data)].join(' ')
}

/**
 * Give every finding its key: the base key, and when a file has the same
 * finding more than once (same rule, id and data), `#2`, `#3`... in the order
 * of their positions.
 */
export function assignKeys(corpusName: string, findings: Array<Omit<Finding, 'key'>>): Finding[] {
  const ordered = [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.reason.localeCompare(b.reason),
  )
  const seen = new Map<string, number>()
  return ordered.map((finding) => {
    const base = baseKey(corpusName, finding)
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return {...finding, key: count === 1 ? base : `${base} #${count}`}
  })
}

/** What the CLI's JSON and an in-process VFileMessage have in common. */
export interface MessageLike {
  ruleId?: string | null | undefined
  messageId?: string | undefined
  data?: Record<string, string> | undefined
  reason: string
  line?: number | null | undefined
  column?: number | null | undefined
  endLine?: number | null | undefined
  fatal?: boolean | null | undefined
}

/** A message as a finding of `file`; messages that are not a rule's findings (read errors) give none. */
export function toFinding(file: string, message: MessageLike): Omit<Finding, 'key'> | undefined {
  if (!message.ruleId || !message.messageId) return undefined
  const line = message.line ?? 0
  return {
    file,
    ruleId: message.ruleId,
    messageId: message.messageId,
    data: message.data ?? {},
    line,
    column: message.column ?? 0,
    endLine: message.endLine ?? line,
    reason: message.reason,
    severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
  }
}

/** Run the CLI over the corpus: every finding, keyed. */
export function runCli(cli: string, target: Corpus): Finding[] {
  const documents = target.documents()
  const args = [cli, '--format', 'json', '--workers', '1', '--preset', target.template, ...documents]
  const run = spawnSync(process.execPath, args, {cwd: target.folder, encoding: 'utf8', maxBuffer: 1 << 30})
  if (run.error) throw run.error
  // 0: clean or warnings, 1: errors; anything else is a usage or configuration error.
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`judge-sample: ${cli} exited with ${run.status}:\n${run.stderr}`)
  }
  const files = JSON.parse(run.stdout) as Array<{path: string; messages: MessageLike[]}>
  const findings: Array<Omit<Finding, 'key'>> = []
  for (const file of files) {
    const relative = path.relative(target.folder, path.resolve(target.folder, file.path)).split(path.sep).join('/')
    for (const message of file.messages) {
      const finding = toFinding(relative, message)
      if (finding) findings.push(finding)
      else process.stderr.write(`judge-sample: ${relative}: not a finding, left out: ${message.reason}\n`)
    }
  }
  return assignKeys(target.name, findings)
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const result = [...items]
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[result[index], result[other]] = [result[other], result[index]]
  }
  return result
}

/**
 * The sample: up to `perRule` findings of each rule (rules in name order, each
 * rule's findings shuffled), then, while fewer than `total`, more drawn at
 * random from all the rest (so the big rules get most of the top-up). The
 * same findings and seed always give the same sample.
 */
export function drawSample(findings: Finding[], options: {seed: number; perRule: number; total: number}): Finding[] {
  const random = mulberry32(options.seed)
  const byRule = new Map<string, Finding[]>()
  for (const finding of [...findings].sort((a, b) => a.key.localeCompare(b.key))) {
    const list = byRule.get(finding.ruleId) ?? []
    list.push(finding)
    byRule.set(finding.ruleId, list)
  }
  const chosen: Finding[] = []
  const rest: Finding[] = []
  for (const rule of [...byRule.keys()].sort()) {
    const order = shuffled(byRule.get(rule) ?? [], random)
    chosen.push(...order.slice(0, options.perRule))
    rest.push(...order.slice(options.perRule))
  }
  const topUp = shuffled(rest, random).slice(0, Math.max(0, options.total - chosen.length))
  return [...chosen, ...topUp]
}

/** The TSV's columns, in order. */
export const columns = ['key', 'file', 'line', 'ruleId', 'messageId', 'sample', 'verdict', 'pattern', 'note'] as const
export type Row = Record<(typeof columns)[number], string>
export const verdicts = ['TP', 'FP', 'EITHER'] as const

/** A cell as TSV can hold it: no tabs, no line breaks. */
function cell(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ')
}

/** Read a judged TSV (a missing file is no rows); the header names the columns. */
export function readTsv(file: string): Row[] {
  if (!existsSync(file)) return []
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
  if (lines.length === 0) return []
  const header = lines[0].split('\t')
  return lines.slice(1).map((line, index) => {
    const cells = line.split('\t')
    if (cells.length > header.length) throw new Error(`${file}:${index + 2}: ${cells.length} cells, header has ${header.length}`)
    const row = Object.fromEntries(columns.map((name) => [name, ''])) as Row
    header.forEach((name, column) => {
      if ((columns as readonly string[]).includes(name)) row[name as keyof Row] = cells[column] ?? ''
    })
    const verdict = row.verdict.trim()
    if (verdict !== '' && !(verdicts as readonly string[]).includes(verdict)) {
      throw new Error(`${file}:${index + 2}: verdict "${verdict}" is not one of ${verdicts.join(', ')}`)
    }
    return row
  })
}

export function writeTsv(file: string, rows: Row[]): void {
  const lines = [columns.join('\t'), ...rows.map((row) => columns.map((name) => cell(row[name])).join('\t'))]
  writeFileSync(file, lines.join('\n') + '\n')
}

/** The samples a row was drawn in (`before-1,after-2`). */
export function samplesOf(row: Row): string[] {
  return row.sample
    .split(',')
    .map((label) => label.trim())
    .filter((label) => label !== '')
}

/**
 * Merge a sample into the rows: a finding already there keeps its verdict,
 * pattern, note and line, and only gains the sample's label; a new one is a
 * row with no verdict yet, at the end.
 */
export function mergeSample(rows: Row[], sample: Finding[], label: string): {rows: Row[]; added: number} {
  const byKey = new Map(rows.map((row) => [row.key, row]))
  const result = [...rows]
  let added = 0
  for (const finding of sample) {
    const existing = byKey.get(finding.key)
    if (existing) {
      if (!samplesOf(existing).includes(label)) existing.sample = [...samplesOf(existing), label].join(',')
      continue
    }
    const row: Row = {
      key: finding.key,
      file: finding.file,
      line: `${finding.line}:${finding.column}`,
      ruleId: finding.ruleId,
      messageId: finding.messageId,
      sample: label,
      verdict: '',
      pattern: '',
      note: '',
    }
    byKey.set(row.key, row)
    result.push(row)
    added++
  }
  return {rows: result, added}
}

/**
 * The data that name what a finding is about (the section, heading, field,
 * placeholder or text); the rest (where, under, expected...) describes it and
 * may change with a message's wording.
 */
export const subjectFields = ['section', 'heading', 'field', 'found', 'text', 'title']

/** A row's data and occurrence (` #2`), read back from its key. */
export function rowData(row: Row): {data: Record<string, string>; occurrence: number} {
  const prefix = `${row.key.split(' ')[0]} ${row.file} ${row.ruleId} ${row.messageId} `
  const match = /^(.*?)(?: #(\d+))?$/.exec(row.key.slice(prefix.length))
  return {data: JSON.parse(match?.[1] ?? '{}') as Record<string, string>, occurrence: Number(match?.[2] ?? 1)}
}

/** The same rule and id about the same subject in the same file, whatever else the data now says. */
export function sameSubject(
  row: Row,
  data: Record<string, string>,
  finding: Pick<Finding, 'file' | 'ruleId' | 'messageId' | 'data'>,
): boolean {
  if (finding.file !== row.file || finding.ruleId !== row.ruleId || finding.messageId !== row.messageId) return false
  const fields = subjectFields.filter((name) => name in data)
  return fields.length > 0 && fields.every((name) => finding.data[name] === data[name])
}

/**
 * Rows with no verdict yet that are a judged row's finding under a new key
 * (the message's data changed shape, not its subject) take that row's
 * verdict, pattern and note, and say so in the note. Returns how many.
 */
export function carryVerdicts(rows: Row[]): number {
  const judged = rows.filter((row) => row.verdict !== '')
  let carried = 0
  for (const row of rows) {
    if (row.verdict !== '') continue
    const {data, occurrence} = rowData(row)
    const same = judged.filter((other) => {
      const theirs = rowData(other)
      return theirs.occurrence === occurrence && sameSubject(other, theirs.data, {...row, data})
    })
    // Only when all the candidates agree.
    const verdicts = new Set(same.map((other) => `${other.verdict}\t${other.pattern}`))
    if (same.length === 0 || verdicts.size !== 1) continue
    row.verdict = same[0].verdict
    row.pattern = same[0].pattern
    row.note = `${same[0].note} [carried from the same finding judged as ${same[0].line} in ${same[0].sample}]`
    carried++
  }
  return carried
}

/** The lines around a finding, numbered, its own lines marked with `>`. */
export function excerpt(text: string, finding: Pick<Finding, 'line' | 'endLine'>, around: number): string {
  const lines = text.split('\n')
  const first = Math.max(1, finding.line - around)
  const last = Math.min(lines.length, Math.max(finding.line, finding.endLine) + around)
  const width = String(last).length
  const out: string[] = []
  for (let number = first; number <= last; number++) {
    const marked = number >= finding.line && number <= Math.max(finding.line, finding.endLine)
    out.push(`${marked ? '>' : ' '} ${String(number).padStart(width)} | ${lines[number - 1]}`)
  }
  return out.join('\n')
}

interface Arguments {
  corpus: string
  cli: string
  seed: number
  perRule: number
  total: number
  sample: string | undefined
  context: number
  write: boolean
  table: string[] | undefined
  /** Corpus → sample label, for one table over all corpora. */
  pooled: Map<string, string> | undefined
}

const usage = `Usage: npm run judge:sample -- --corpus <name> [options]
       npm run judge:sample -- --table <label>[,<label>...] [--corpus <name>]
       npm run judge:sample -- --pooled <corpus>=<label>[,<corpus>=<label>...]

  --corpus <name>   ${corpora.map((each) => each.name).join(', ')}
  --cli <cli.js>    the designlint CLI to sample (default: this tree's dist/bundle/cli.js)
  --seed <n>        the PRNG seed (default 1)
  --per-rule <n>    findings per rule that fires, at most (default 8)
  --total <n>       top up at random to at least this many in all (default 40)
  --sample <label>  the label written to the TSV's sample column (default seed-<n>)
  --context <n>     source lines shown before and after a finding (default 3)
  --no-write        print only; leave judged/<corpus>.tsv alone
  --table <labels>  no sampling: print the judged precision per corpus and rule, as
                    Markdown, one group of columns per sample label (before-1,after-2)
  --pooled <pairs>  no sampling: one table of precision per rule over all the corpora
                    named, each with its own sample (keps=after-5,rust-rfcs=after-4)
`

function parseArguments(argv: string[]): Arguments {
  const result: Arguments = {
    corpus: '',
    cli: path.join(root, 'dist', 'bundle', 'cli.js'),
    seed: 1,
    perRule: 8,
    total: 40,
    sample: undefined,
    context: 3,
    write: true,
    table: undefined,
    pooled: undefined,
  }
  const integer = (name: string, value: string | undefined): number => {
    const number = Number(value)
    if (value === undefined || !Number.isInteger(number) || number < 0)
      throw new Error(`judge-sample: ${name} needs a whole number\n\n${usage}`)
    return number
  }
  for (let index = 0; index < argv.length; index++) {
    const name = argv[index]
    const value = argv[index + 1]
    const take = () => {
      index++
      if (value === undefined) throw new Error(`judge-sample: ${name} needs a value\n\n${usage}`)
      return value
    }
    if (name === '--corpus') result.corpus = take()
    else if (name === '--cli') result.cli = path.resolve(take())
    else if (name === '--seed') result.seed = integer(name, take())
    else if (name === '--per-rule') result.perRule = integer(name, take())
    else if (name === '--total') result.total = integer(name, take())
    else if (name === '--sample') result.sample = take()
    else if (name === '--context') result.context = integer(name, take())
    else if (name === '--no-write') result.write = false
    else if (name === '--table') result.table = take().split(',')
    else if (name === '--pooled') result.pooled = pooledPairs(take())
    else if (name === '-h' || name === '--help') {
      process.stdout.write(usage)
      process.exit(0)
    } else throw new Error(`judge-sample: unknown argument "${name}"\n\n${usage}`)
  }
  if (!result.corpus && !result.table && !result.pooled) throw new Error(`judge-sample: --corpus is required\n\n${usage}`)
  return result
}

/** Counts of one group of rows: how many, and how many of each verdict. */
export interface Tally {
  sampled: number
  TP: number
  FP: number
  EITHER: number
}

export function tally(rows: Row[]): Tally {
  const count = (verdict: string) => rows.filter((row) => row.verdict === verdict).length
  return {sampled: rows.length, TP: count('TP'), FP: count('FP'), EITHER: count('EITHER')}
}

/** TP / (TP + FP), as a percentage, or a dash when nothing was judged either way. */
export function precision(counts: Tally): string {
  const judged = counts.TP + counts.FP
  return judged === 0 ? '–' : `${Math.round((counts.TP / judged) * 100)}%`
}

/** A Markdown table of one corpus's judged rows: a row per rule and one for all, columns per sample label. */
export function precisionTable(rows: Row[], labels: string[]): string {
  const rules = [...new Set(rows.map((row) => row.ruleId))].sort()
  const header = ['rule', ...labels.flatMap((label) => [`${label} sampled`, 'TP', 'FP', 'EITHER', 'precision'])]
  const line = (name: string, pick: (row: Row) => boolean) => {
    const cells = labels.flatMap((label) => {
      const counts = tally(rows.filter((row) => pick(row) && samplesOf(row).includes(label)))
      return counts.sampled === 0
        ? ['–', '', '', '', '']
        : [counts.sampled, counts.TP, counts.FP, counts.EITHER, precision(counts)].map(String)
    })
    return `| ${[name, ...cells].join(' | ')} |`
  }
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rules.map((rule) => line(rule, (row) => row.ruleId === rule)),
    line('**all (sample)**', () => true),
  ].join('\n')
}

function pooledPairs(value: string): Map<string, string> {
  const pairs = new Map<string, string>()
  for (const pair of value.split(',')) {
    const [corpus, label] = pair.split('=')
    if (!label || !corpora.some((each) => each.name === corpus))
      throw new Error(`judge-sample: --pooled needs <corpus>=<label> pairs, not "${pair}"\n\n${usage}`)
    pairs.set(corpus, label)
  }
  return pairs
}

/** One table over several corpora, each read in its own sample: a row per rule and one for all. */
function printPooled(pairs: Map<string, string>): void {
  const rows: Row[] = []
  for (const [corpus, label] of pairs) {
    const tsv = path.join(judgedFolder, `${corpus}.tsv`)
    if (!existsSync(tsv)) continue
    for (const row of readTsv(tsv)) if (samplesOf(row).includes(label)) rows.push({...row, sample: 'pooled'})
  }
  process.stdout.write(precisionTable(rows, ['pooled']) + '\n')
}

function printTables(labels: string[], only: string): void {
  const out: string[] = []
  for (const target of corpora) {
    if (only && target.name !== only) continue
    const tsv = path.join(judgedFolder, `${target.name}.tsv`)
    if (!existsSync(tsv)) continue
    out.push(`### ${target.name}`, '', precisionTable(readTsv(tsv), labels), '')
  }
  process.stdout.write(out.join('\n'))
}

function main(argv: string[]): void {
  const options = parseArguments(argv)
  if (options.table) {
    printTables(options.table, options.corpus)
    return
  }
  if (options.pooled) {
    printPooled(options.pooled)
    return
  }
  const target = findCorpus(options.corpus)
  if (!existsSync(path.join(target.folder, target.template))) {
    throw new Error(`judge-sample: the corpus is not there: ${path.join(target.folder, target.template)}`)
  }
  const label = options.sample ?? `seed-${options.seed}`
  const findings = runCli(options.cli, target)
  const sample = drawSample(findings, options)
  const tsv = path.join(judgedFolder, `${target.name}.tsv`)
  const known = new Map(readTsv(tsv).map((row) => [row.key, row]))
  const counts = new Map<string, number>()
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1)

  const out: string[] = [
    `# ${target.name}: ${findings.length} findings in ${target.documents().length} documents, template ${target.template}`,
    `# cli ${options.cli}, seed ${options.seed}, per rule ${options.perRule}, total ${options.total}, sample "${label}"`,
    `# findings by rule: ${[...counts]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([rule, count]) => `${rule} ${count}`)
      .join(', ')}`,
    '',
  ]
  const texts = new Map<string, string>()
  sample.forEach((finding, index) => {
    let text = texts.get(finding.file)
    if (text === undefined) {
      text = readFileSync(path.join(target.folder, finding.file), 'utf8')
      texts.set(finding.file, text)
    }
    const judged = known.get(finding.key)
    out.push(
      `## [${index + 1}/${sample.length}] ${finding.key}`,
      `at ${finding.file}:${finding.line}:${finding.column} (context only), ${finding.ruleId}/${finding.messageId}, ${finding.severity}` +
        (judged?.verdict ? `; judged ${judged.verdict}${judged.pattern ? ` (${judged.pattern})` : ''}` : ''),
      finding.reason,
      excerpt(text, finding, options.context),
      '',
    )
  })
  process.stdout.write(out.join('\n'))
  if (!options.write) return
  const merged = mergeSample(readTsv(tsv), sample, label)
  const carried = carryVerdicts(merged.rows)
  writeTsv(tsv, merged.rows)
  process.stderr.write(
    `judge-sample: ${path.relative(process.cwd(), tsv)}: ${merged.added} new rows (${carried} took the verdict of the same finding under an older key), ${merged.rows.length} in all\n`,
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    process.exit(2)
  }
}
