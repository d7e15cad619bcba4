/**
 * The differential of the two parse paths: every fixture, example, seed
 * template and corpus document parsed by remark-parse (designlint's syntax)
 * and by the fast path (markdown-it with recovered positions), the trees
 * compared node by node on the fields designlint reads.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/parse-diff.js [--show N]
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Nodes, Root} from 'mdast'
import {fastParseMarkdown} from '../src/markdown/fast-parse.js'
import {parseWithRemark as parseMarkdown} from '../src/markdown/syntax.js'

/** The node fields designlint's code and rules read (besides `type`, `position` and `children`). */
export const comparedFields = [
  'value',
  'depth',
  'ordered',
  'start',
  'checked',
  'lang',
  'meta',
  'url',
  'title',
  'alt',
  'label',
  'identifier',
  'referenceType',
  'align',
] as const

/** One difference between the trees. */
export interface TreeDifference {
  /** `type.field`, e.g. `text.position` or `list.children`. */
  kind: string
  /** Path of node types from the root. */
  path: string
  remark: unknown
  fast: unknown
}

const positionText = (node: Nodes) => {
  const position = node.position
  if (!position) return 'none'
  const {start, end} = position
  return `${start.line}:${start.column}(${start.offset})-${end.line}:${end.column}(${end.offset})`
}

/** Compare two trees; returns the differences and how many nodes were compared. */
export function compareTrees(remark: Root, fast: Root): {nodes: number; differences: TreeDifference[]} {
  const differences: TreeDifference[] = []
  let nodes = 0
  const visit = (left: Nodes, right: Nodes, trail: string) => {
    nodes++
    const here = `${trail}/${left.type}`
    if (left.type !== right.type) {
      differences.push({kind: `${left.type}.type`, path: here, remark: left.type, fast: right.type})
      return
    }
    if (positionText(left) !== positionText(right)) {
      differences.push({kind: `${left.type}.position`, path: here, remark: positionText(left), fast: positionText(right)})
    }
    const leftFields = left as unknown as Record<string, unknown>
    const rightFields = right as unknown as Record<string, unknown>
    for (const field of comparedFields) {
      const a = JSON.stringify(leftFields[field] ?? null)
      const b = JSON.stringify(rightFields[field] ?? null)
      if (a !== b) differences.push({kind: `${left.type}.${field}`, path: here, remark: leftFields[field], fast: rightFields[field]})
    }
    const leftChildren = 'children' in left ? (left.children as Nodes[]) : []
    const rightChildren = 'children' in right ? (right.children as Nodes[]) : []
    if (leftChildren.length !== rightChildren.length) {
      differences.push({
        kind: `${left.type}.children`,
        path: here,
        remark: leftChildren.map((child) => `${child.type}@${positionText(child)}`),
        fast: rightChildren.map((child) => `${child.type}@${positionText(child)}`),
      })
      return
    }
    for (const [index, child] of leftChildren.entries()) visit(child, rightChildren[index], here)
  }
  visit(remark, fast, '')
  return {nodes, differences}
}

/** Compare the two paths on one source text. */
export function compareSource(value: string) {
  return compareTrees(parseMarkdown(value), fastParseMarkdown(value))
}

const here = path.dirname(fileURLToPath(import.meta.url))

/** The repository root, from src/bench or dist/bench. */
export const repositoryRoot = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..')

function markdownFilesUnder(directory: string): string[] {
  if (!existsSync(directory)) return []
  const files: string[] = []
  for (const entry of readdirSync(directory, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) files.push(...markdownFilesUnder(full))
    else if (entry.name.endsWith('.md')) files.push(full)
  }
  return files
}

function markdownFilesIn(directory: string, extensions = ['.md']): string[] {
  if (!existsSync(directory)) return []
  return readdirSync(directory)
    .filter((name) => extensions.some((extension) => name.endsWith(extension)))
    .sort()
    .map((name) => path.join(directory, name))
}

/** The document sets of the differential, by name; the ../shared ones empty when it is absent. */
export function documentSets(root = repositoryRoot): Record<string, string[]> {
  const shared = path.resolve(root, '..', 'shared')
  const corpora = path.join(shared, 'corpora')
  const keps = path.join(corpora, 'keps', 'keps')
  const kepFiles = existsSync(keps)
    ? readdirSync(keps)
        .filter((name) => name.startsWith('sig-'))
        .sort()
        .flatMap((sig) =>
          readdirSync(path.join(keps, sig))
            .sort()
            .map((kep) => path.join(keps, sig, kep, 'README.md'))
            .filter((file) => existsSync(file)),
        )
    : []
  return {
    fixtures: markdownFilesUnder(path.join(root, 'fixtures')),
    examples: markdownFilesIn(path.join(root, 'examples')),
    seeds: markdownFilesIn(path.join(shared, 'seeds'), ['.md', '.txt']),
    'rust-rfcs': markdownFilesIn(path.join(corpora, 'rust-rfcs', 'text')),
    keps: kepFiles,
    'react-rfcs': markdownFilesIn(path.join(corpora, 'react-rfcs', 'text')),
    'polkadot-rfcs': markdownFilesIn(path.join(corpora, 'polkadot-rfcs', 'text')),
    'nixos-rfcs': markdownFilesIn(path.join(corpora, 'nixos-rfcs', 'rfcs')),
  }
}

/** Run the differential over the document sets and print the figures. */
function main(show: number) {
  const byKind = new Map<string, number>()
  const firsts: string[] = []
  for (const [name, files] of Object.entries(documentSets())) {
    let nodes = 0
    let differing = 0
    let differentDocuments = 0
    for (const file of files) {
      const result = compareSource(readFileSync(file, 'utf8'))
      nodes += result.nodes
      if (result.differences.length === 0) continue
      differentDocuments++
      differing += result.differences.length
      for (const difference of result.differences) {
        byKind.set(difference.kind, (byKind.get(difference.kind) ?? 0) + 1)
      }
      if (firsts.length < show) {
        const first = result.differences[0]
        firsts.push(
          `${path.relative(repositoryRoot, file)} ${first.kind} ${first.path}\n  remark ${JSON.stringify(first.remark)}\n  fast   ${JSON.stringify(first.fast)}`,
        )
      }
    }
    console.log(`${name}: ${files.length} documents, ${nodes} nodes, ${differing} differences in ${differentDocuments} documents`)
  }
  console.log('\nby kind:')
  for (const [kind, count] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`  ${kind}: ${count}`)
  if (firsts.length > 0) console.log(`\nfirst differences:\n${firsts.join('\n')}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const showIndex = process.argv.indexOf('--show')
  main(showIndex === -1 ? 20 : Number(process.argv[showIndex + 1]))
}
