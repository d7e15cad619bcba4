/**
 * The alignment of a document's outline to its template's section tree,
 * computed once per file and read by every structure rule.
 *
 * Level by level, from the title down:
 * 1. an order-preserving matching of the template's sections to the headings
 *    in the parent's span (a weighted longest common subsequence; the same
 *    depth weighs more), so moved sections do not hide the ones in place;
 * 2. sections found in the span out of that order are `moved`;
 * 3. sections still missing take a near miss between their present
 *    neighbours (`renamed`: "Rollback Stratgy", "Rollback plan");
 * 4. repeatable slots take every heading of their depth between their present
 *    neighbours;
 * 5. last, over the whole document, a section still missing that stands
 *    under another parent is `misplaced`.
 */
import {normalizeWords} from '../util/text.js'
import type {Preset, TemplateSection} from '../template/types.js'
import {sectionEnd} from '../markdown/regions.js'
import {nearest, nearMissThreshold, similarity} from '../util/similarity.js'
import type {Alignment, SectionMatch} from './types.js'
import type {DocHeading, DocModel} from '../document/types.js'
import {matchesHeading} from '../template/headings.js'

interface Context {
  doc: DocModel
  headings: DocHeading[]
  used: Set<number>
  matches: Map<TemplateSection, SectionMatch>
}

/** Align a document to a preset. */
export function alignDocument(preset: Preset, doc: DocModel): Alignment {
  const context: Context = {doc, headings: doc.headings, used: new Set(), matches: new Map()}
  const count = doc.headings.length

  if (preset.title) {
    const title = alignTitle(context, preset.title)
    alignLevel(context, preset.title.children, title, 0, count)
  } else {
    alignLevel(context, preset.sections, undefined, 0, count)
  }
  findMisplaced(context)

  const ordered: SectionMatch[] = []
  const byHeading = new Map<number, SectionMatch>()
  const visit = (section: TemplateSection) => {
    const match = context.matches.get(section)
    if (match) {
      ordered.push(match)
      for (const heading of match.instances) byHeading.set(heading.index, match)
    }
    for (const child of section.children) visit(child)
  }
  if (preset.title) visit(preset.title)
  else for (const section of preset.sections) visit(section)
  return {matches: ordered, byHeading}
}

function alignTitle(context: Context, title: TemplateSection): SectionMatch {
  const {headings} = context
  let heading = headings.find((h) => h.depth === 1 && matchesHeading(title.match, h.normalized))
  let status: SectionMatch['status'] = 'matched'
  if (!heading) {
    heading = headings.find((h) => h.depth === 1)
    status = heading ? 'renamed' : 'missing'
  }
  const match = createMatch(title, status, heading, undefined)
  match.title = true
  match.insertAt = headings[0]?.span.start ?? context.doc.end
  if (heading) context.used.add(heading.index)
  context.matches.set(title, match)
  return match
}

function createMatch(
  section: TemplateSection,
  status: SectionMatch['status'],
  heading: DocHeading | undefined,
  parent: SectionMatch | undefined,
): SectionMatch {
  const match: SectionMatch = {
    section,
    status,
    instances: heading ? [heading] : [],
    insertAt: {line: 1, column: 1},
  }
  if (heading) match.heading = heading
  if (parent) match.parent = parent
  return match
}

/**
 * Align template siblings to the unused headings in `[low, high)`.
 */
function alignLevel(context: Context, children: TemplateSection[], parent: SectionMatch | undefined, low: number, high: number): void {
  if (children.length === 0) return
  const {headings, used} = context
  const candidates: DocHeading[] = []
  for (let index = low; index < high; index++) {
    if (!used.has(index)) candidates.push(headings[index])
  }

  const found = new Map<TemplateSection, SectionMatch>()
  const take = (section: TemplateSection, status: SectionMatch['status'], heading: DocHeading) => {
    used.add(heading.index)
    const match = createMatch(section, status, heading, parent)
    found.set(section, match)
    return match
  }

  // 1. In order.
  const literals = children.filter((section) => !section.repeatable)
  for (const [section, heading] of longestMatching(literals, candidates)) {
    take(section, 'matched', heading)
  }

  // 2. Out of order, under the right parent.
  for (const section of literals) {
    if (found.has(section)) continue
    const heading = bestExact(section, candidates, used)
    if (heading) take(section, 'moved', heading)
  }

  // 3. Near misses between present neighbours.
  for (const section of literals) {
    if (found.has(section)) continue
    const [after, before] = gap(children, section, found, low, high)
    const wanted = expectedText(section)
    const open = candidates.filter(
      (heading) => !used.has(heading.index) && heading.index > after && heading.index < before && heading.depth === section.depth,
    )
    const best = nearest(open, (heading) => similarity(wanted, heading.normalized), nearMissThreshold)
    if (best) take(section, 'renamed', best)
  }

  // 4. Repeatable slots.
  for (const section of children) {
    if (!section.repeatable) continue
    const [after, before] = gap(children, section, found, low, high)
    const instances: DocHeading[] = []
    for (let index = after + 1; index < before; index++) {
      const heading = headings[index]
      if (heading.depth < section.depth) break
      if (heading.depth === section.depth && !used.has(index)) instances.push(heading)
    }
    if (instances.length > 0) {
      const match = take(section, 'matched', instances[0])
      for (const heading of instances.slice(1)) used.add(heading.index)
      match.instances = instances
    }
  }

  // Missing ones, with the place where they belong.
  const present = children.filter((section) => inPlace(found.get(section)))
  for (const section of children) {
    let match = found.get(section)
    if (!match) {
      match = createMatch(section, 'missing', undefined, parent)
      found.set(section, match)
    }
    const position = children.indexOf(section)
    const previous = [...present].reverse().find((other) => children.indexOf(other) < position)
    const next = present.find((other) => children.indexOf(other) > position)
    const previousMatch = previous ? found.get(previous) : undefined
    if (previousMatch) match.previous = previousMatch
    const nextHeading = next ? found.get(next)!.heading : undefined
    if (nextHeading) {
      match.before = nextHeading
      match.insertAt = nextHeading.span.start
    } else {
      match.insertAt = high < headings.length ? headings[high].span.start : context.doc.end
    }
    context.matches.set(section, match)
  }

  // Recurse: sections found out of place first (their spans are tight), then
  // the ones in place, whose spans reach to the next sibling.
  const starts = [...found.values()].flatMap((match) => match.instances.map((heading) => heading.index)).sort((a, b) => a - b)
  const order = [...found.values()].sort((a, b) => rank(a) - rank(b))
  for (const match of order) {
    const heading = match.heading
    if (!heading) {
      skipDescendants(context, match)
      continue
    }
    const end =
      match.status === 'matched' && !match.section.repeatable
        ? Math.min(starts.find((index) => index > heading.index) ?? high, high)
        : sectionEnd(headings, heading, high)
    alignLevel(context, match.section.children, match, heading.index + 1, end)
  }
}

function rank(match: SectionMatch): number {
  return match.status === 'matched' ? 1 : 0
}

/** Whether a match is in its place (an anchor for its siblings). */
function inPlace(match: SectionMatch | undefined): boolean {
  return match !== undefined && (match.status === 'matched' || match.status === 'renamed')
}

/**
 * The headings between which a section belongs: after its previous present
 * sibling, before its next one (indices, exclusive).
 */
function gap(
  children: TemplateSection[],
  section: TemplateSection,
  found: Map<TemplateSection, SectionMatch>,
  low: number,
  high: number,
): [number, number] {
  const position = children.indexOf(section)
  let after = low - 1
  let before = high
  for (let index = position - 1; index >= 0; index--) {
    const match = found.get(children[index])
    if (inPlace(match)) {
      after = Math.max(...match!.instances.map((heading) => heading.index))
      break
    }
  }
  for (let index = position + 1; index < children.length; index++) {
    const match = found.get(children[index])
    if (inPlace(match)) {
      before = match!.heading!.index
      break
    }
  }
  return [after, before]
}

/** The normalised text a near miss is measured against. */
function expectedText(section: TemplateSection): string {
  return section.match.type === 'exact' ? section.match.text : normalizeWords(section.title)
}

function bestExact(section: TemplateSection, candidates: DocHeading[], used: Set<number>): DocHeading | undefined {
  let fallback: DocHeading | undefined
  for (const heading of candidates) {
    if (used.has(heading.index) || !matchesHeading(section.match, heading.normalized)) continue
    if (heading.depth === section.depth) return heading
    fallback ??= heading
  }
  return fallback
}

/**
 * The largest order-preserving matching of template sections to headings
 * (weighted: a heading at the template's depth counts double).
 */
function longestMatching(sections: TemplateSection[], headings: DocHeading[]): Array<[TemplateSection, DocHeading]> {
  const rows = sections.length
  const columns = headings.length
  if (rows === 0 || columns === 0) return []
  const width = columns + 1
  const table = new Uint32Array((rows + 1) * width)
  const score = (section: TemplateSection, heading: DocHeading) =>
    matchesHeading(section.match, heading.normalized) ? (heading.depth === section.depth ? 2 : 1) : 0

  for (let i = 1; i <= rows; i++) {
    for (let j = 1; j <= columns; j++) {
      const gain = score(sections[i - 1], headings[j - 1])
      const diagonal = gain ? table[(i - 1) * width + j - 1] + gain : 0
      table[i * width + j] = Math.max(table[(i - 1) * width + j], table[i * width + j - 1], diagonal)
    }
  }

  const pairs: Array<[TemplateSection, DocHeading]> = []
  let i = rows
  let j = columns
  while (i > 0 && j > 0) {
    const here = table[i * width + j]
    if (here === table[(i - 1) * width + j]) i--
    else if (here === table[i * width + j - 1]) j--
    else {
      pairs.push([sections[i - 1], headings[j - 1]])
      i--
      j--
    }
  }
  return pairs.reverse()
}

function skipDescendants(context: Context, match: SectionMatch): void {
  for (const section of match.section.children) {
    const child = createMatch(section, 'skipped', undefined, match)
    child.insertAt = match.insertAt
    context.matches.set(section, child)
    skipDescendants(context, child)
  }
}

/**
 * Over the whole document: a section still missing whose heading stands under
 * another parent is misplaced, not missing.
 */
function findMisplaced(context: Context): void {
  const {headings, used} = context
  for (const match of [...context.matches.values()]) {
    if (match.status !== 'missing' || match.section.repeatable) continue
    if (match.parent && !match.parent.heading) continue
    const heading = bestExact(match.section, headings, used)
    if (!heading) continue
    used.add(heading.index)
    match.status = 'misplaced'
    match.heading = heading
    match.instances = [heading]
    for (let index = heading.index - 1; index >= 0; index--) {
      if (headings[index].depth < heading.depth) {
        match.foundUnder = headings[index]
        break
      }
    }
    alignLevel(context, match.section.children, match, heading.index + 1, sectionEnd(headings, heading))
  }
}

/** Whether a match stands for the template's title. */
export function isTitle(match: SectionMatch): boolean {
  return match.title === true
}

/** Whether the document has the section (in place, moved, renamed or misplaced). */
export function isPresent(match: SectionMatch): boolean {
  return match.status !== 'missing' && match.status !== 'skipped'
}
