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
 *    neighbours (`renamed`: "Rollback Stratgy", "Rollback plan"), never a
 *    heading that is exactly another section of the template; elsewhere in
 *    the span, only a much closer one, which is `moved` (an older wording of
 *    a question the template has since reordered);
 * 4. repeatable slots take every heading of their depth between their present
 *    neighbours;
 * 5. a leaf section still missing whose title opens a paragraph or list item
 *    in bold under its parent ("* **Were upgrade and rollback tested?** Yes")
 *    is written as a `lead-in`: present, with no heading of its own;
 * 6. last, over the whole document, a section still missing that stands
 *    under another parent is `misplaced` (and its own subsections are then
 *    looked for the same way).
 *
 * A heading written under a section's heading that matches one of that
 * section's own subsections is left for it: it is not taken for a sibling of
 * the same title ("### Risks" under "## Design" is Design's Risks, not the
 * top-level Risks).
 */
import type {Point} from 'unist'
import {normalizeHeading, normalizeWords} from '../util/text.js'
import type {HeadingMatch, Preset, TemplateSection} from '../template/types.js'
import {regions, sectionEnd} from '../markdown/regions.js'
import {commonWords, nearest, nearMissThreshold, similarity} from '../util/similarity.js'
import type {Alignment, SectionMatch} from './types.js'
import type {DocHeading, DocModel} from '../document/types.js'
import {matchesHeading, walkSections} from '../template/headings.js'
import {type LeadIn, leadIns} from '../markdown/lead-ins.js'

interface Context {
  doc: DocModel
  headings: DocHeading[]
  used: Set<number>
  matches: Map<TemplateSection, SectionMatch>
  /** Every section of the template a heading can match exactly (not the title, not a slot). */
  known: TemplateSection[]
  /** The words several of those sections' titles share: they tell no section apart. */
  common: Set<string>
  /** Where the document's sections end: before its footer, else at its end. */
  end: Point
  /** Per heading, the known sections it is exactly, found on first use. */
  exact?: Map<number, TemplateSection[]>
  /** The document's bold lead-ins with the heading they stand under, read on first use. */
  leadIns?: Array<LeadIn & {owner: number; normalized: string; taken?: boolean}>
}

/** What alignment reads of a preset, whatever the document: worked out once per preset. */
const presetTerms = new WeakMap<Preset, {known: TemplateSection[]; common: Set<string>}>()

function termsOf(preset: Preset): {known: TemplateSection[]; common: Set<string>} {
  let terms = presetTerms.get(preset)
  if (!terms) {
    const known = [...walkSections(preset)].filter((section) => section !== preset.title && section.match.type !== 'any')
    terms = {known, common: commonWords(known.map(expectedText))}
    presetTerms.set(preset, terms)
  }
  return terms
}

/** Align a document to a preset. */
export function alignDocument(preset: Preset, doc: DocModel): Alignment {
  const {known, common} = termsOf(preset)
  const context: Context = {doc, headings: doc.headings, used: new Set(), matches: new Map(), known, common, end: doc.end}
  const count = doc.headings.length

  if (preset.title) {
    const title = alignTitle(context, preset.title)
    context.end = sectionsEnd(doc, title.heading?.index ?? -1)
    alignLevel(context, preset.title.children, title, 0, count)
  } else {
    context.end = sectionsEnd(doc, -1)
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

/**
 * The document's title: a heading at the title's level or above that comes
 * before the first heading that is exactly a section of the template (a
 * document that starts with "# Summary" has no title; its Summary is not a
 * renamed one). Among those, the first that matches the template's title,
 * else the first (renamed). With none at that level, a first heading above
 * the level of the first section is the title of a document written one
 * level down ("## My feature" over "### Summary").
 */
function alignTitle(context: Context, title: TemplateSection): SectionMatch {
  const {headings} = context
  const exact = context.known.filter((section) => section.match.type === 'exact')
  const firstSection = headings.findIndex((h) => exact.some((section) => matchesHeading(section.match, h.normalized)))
  const before = headings.slice(0, firstSection === -1 ? headings.length : firstSection)
  let candidates = before.filter((h) => h.depth <= title.depth)
  // A document written one level down: its first heading, above its first section.
  const opening = headings[0]
  if (candidates.length === 0 && opening && firstSection > 0 && opening.depth < headings[firstSection].depth) candidates = [opening]
  let heading = candidates.find((h) => matchesHeading(title.match, h.normalized))
  let status: SectionMatch['status'] = 'matched'
  if (!heading) {
    heading = candidates[0]
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

/** The end of a document's sections: where its footer's thematic break is, else its end. */
function sectionsEnd(doc: DocModel, title: number): Point {
  const {footer} = regions(doc.blocks, doc.headings.length, title)
  const rule = footer.length > 0 ? doc.blocks[footer[0] - 1]?.node.position?.start : undefined
  return rule ?? doc.end
}

/**
 * Align template siblings to the unused headings in `[low, high)`, but for
 * those in `holes` (what stands under a sibling of the parent written inside it).
 */
function alignLevel(
  context: Context,
  children: TemplateSection[],
  parent: SectionMatch | undefined,
  low: number,
  high: number,
  holes: ReadonlySet<number> = new Set(),
): void {
  if (children.length === 0) return
  const {headings, used} = context
  const reserved = reservedForSiblings(context, children, low, high)
  for (const index of holes) reserved.add(index)
  const candidates: DocHeading[] = []
  for (let index = low; index < high; index++) {
    if (!used.has(index) && !reserved.has(index)) candidates.push(headings[index])
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

  // The closest unused heading at a section's depth, within `inRange`,
  // above `threshold`: never a heading that is exactly another section.
  const closestHeading = (section: TemplateSection, threshold: number, inRange: (heading: DocHeading) => boolean) => {
    const wanted = expectedText(section)
    const open = candidates.filter(
      (heading) =>
        !used.has(heading.index) &&
        heading.depth === section.depth &&
        inRange(heading) &&
        !exactSections(context, heading).some((other) => other !== section),
    )
    return nearest(open, (heading) => similarity(wanted, heading.normalized, context.common), threshold)
  }

  // 3. Near misses between present neighbours.
  for (const section of literals) {
    if (found.has(section)) continue
    const [after, before] = gap(children, section, found, low, high)
    const best = closestHeading(section, nearMissThreshold, (heading) => heading.index > after && heading.index < before)
    if (best) take(section, 'renamed', best)
  }

  // 3b. Out of order and a near miss: only when the title comes as close as
  // a lead-in must (an older wording of a question the template reordered).
  for (const section of literals) {
    if (found.has(section)) continue
    const best = closestHeading(section, closeThreshold, () => true)
    if (best) take(section, 'moved', best)
  }

  // 4. Repeatable slots.
  for (const section of children) {
    if (!section.repeatable) continue
    const [after, before] = gap(children, section, found, low, high)
    const instances: DocHeading[] = []
    for (let index = after + 1; index < before; index++) {
      const heading = headings[index]
      if (heading.depth < section.depth) break
      if (heading.depth === section.depth && !used.has(index) && !reserved.has(index)) instances.push(heading)
    }
    if (instances.length > 0) {
      const match = take(section, 'matched', instances[0])
      for (const heading of instances.slice(1)) used.add(heading.index)
      match.instances = instances
    }
  }

  // 5. Leaf sections written as bold lead-ins between their present
  // neighbours: in the parent's own text, or under a heading of no section.
  for (const section of literals) {
    if (found.has(section) || section.children.length > 0) continue
    const [after, before] = gap(children, section, found, low, high)
    const owners = (owner: number) => (owner === low - 1 ? after === low - 1 : owner > after && owner < before && !used.has(owner))
    const leadIn = findLeadIn(context, section, owners)
    if (!leadIn) continue
    const match = createMatch(section, 'lead-in', undefined, parent)
    match.leadIn = leadIn.position
    found.set(section, match)
  }

  // Missing ones, with the place where they belong: after the previous
  // sibling in place (past its subsections); else, for the template's first
  // subsection, at the start of the parent; else before the next sibling in
  // place; else at the end of the parent.
  const present = children.filter((section) => inPlace(found.get(section)))
  const spanEnd = high < headings.length ? headings[high].span.start : context.end
  const first = parent?.heading ? Math.max(low, parent.heading.index + 1) : low
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
    if (nextHeading) match.before = nextHeading
    if (previousMatch) {
      const last = previousMatch.instances[previousMatch.instances.length - 1]
      const end = sectionEnd(headings, last, Math.min(nextHeading?.index ?? high, high))
      match.insertAt = end < headings.length ? headings[end].span.start : context.end
    } else if (position === 0) {
      match.insertAt = first < high ? headings[first].span.start : spanEnd
    } else if (nextHeading) {
      match.insertAt = nextHeading.span.start
    } else {
      match.insertAt = spanEnd
    }
    context.matches.set(section, match)
  }

  // Recurse: sections found out of place first (their spans are tight), then
  // the ones in place, whose spans reach to the next sibling.
  const starts = [...found.values()].flatMap((match) => match.instances).sort((a, b) => a.index - b.index)
  const order = [...found.values()].sort((a, b) => rank(a) - rank(b))
  for (const match of order) {
    const heading = match.heading
    if (!heading) {
      skipDescendants(context, match)
      continue
    }
    const [end, inside] = spanOf(context, match, starts, high)
    alignLevel(context, match.section.children, match, heading.index + 1, end, inside)
  }
}

/**
 * Where the subsections of a found section are looked for: up to (not
 * including) the returned index, but for the holes returned with it.
 * - in place: up to the next sibling found, except one written deeper inside
 *   it, which does not cut it short (what stands under that sibling is the
 *   sibling's: a hole);
 * - out of place: its own section, read at the template's level when the
 *   heading is deeper than that (a "### Risks" standing for "## Risks" runs
 *   on past the "### Mitigations" after it);
 * - a slot: from its first instance to the end of its last.
 */
function spanOf(context: Context, match: SectionMatch, siblings: DocHeading[], high: number): [number, Set<number>] {
  const {headings} = context
  const heading = match.heading!
  const holes = new Set<number>()
  if (match.section.repeatable) return [sectionEnd(headings, match.instances[match.instances.length - 1], high), holes]
  if (!inPlace(match)) {
    return [sectionEnd(headings, {index: heading.index, depth: Math.min(heading.depth, match.section.depth)}, high), holes]
  }
  const own = sectionEnd(headings, heading, high)
  for (const other of siblings) {
    if (other.index <= heading.index || other.index >= own) continue
    const stop = sectionEnd(headings, other, own)
    for (let index = other.index; index < stop; index++) holes.add(index)
  }
  const next = siblings.find((other) => other.index > heading.index && other.index >= own)
  return [Math.min(next?.index ?? high, high), holes]
}

/**
 * The headings of `[low, high)` left for a sibling: a heading written under
 * (deeper than, with nothing as high between) the heading of one of
 * `children` that matches a subsection of that child.
 */
function reservedForSiblings(context: Context, children: TemplateSection[], low: number, high: number): Set<number> {
  const {headings, used} = context
  const reserved = new Set<number>()
  const owners = children.filter((section) => !section.repeatable && section.children.length > 0)
  if (owners.length === 0) return reserved
  for (let index = low; index < high; index++) {
    const heading = headings[index]
    if (used.has(index)) continue
    let ceiling = heading.depth
    for (let at = index - 1; at >= low && ceiling > 1; at--) {
      const above = headings[at]
      if (above.depth >= ceiling) continue
      ceiling = above.depth
      const owner = owners.find((section) => matchesHeading(section.match, above.normalized))
      if (owner && hasSubsection(owner, heading.normalized)) {
        reserved.add(index)
        break
      }
    }
  }
  return reserved
}

/** Whether a heading matches a subsection of a section, at any depth (slots aside). */
function hasSubsection(section: TemplateSection, normalized: string): boolean {
  const {texts, patterns} = subsectionsOf(section)
  return texts.has(normalized) || patterns.some((match) => matchesHeading(match, normalized))
}

/** The subsections of each template section, as a set of exact texts and a list of patterns, gathered once. */
const subsections = new WeakMap<TemplateSection, {texts: Set<string>; patterns: HeadingMatch[]}>()

function subsectionsOf(section: TemplateSection): {texts: Set<string>; patterns: HeadingMatch[]} {
  let found = subsections.get(section)
  if (!found) {
    const texts = new Set<string>()
    const patterns: HeadingMatch[] = []
    const visit = (parent: TemplateSection) => {
      for (const child of parent.children) {
        const {match} = child
        if (match.type === 'exact') texts.add(match.text)
        if (match.type === 'pattern') patterns.push(match)
        if (match.type !== 'any') for (const alias of match.aliases ?? []) texts.add(alias)
        visit(child)
      }
    }
    visit(section)
    found = {texts, patterns}
    subsections.set(section, found)
  }
  return found
}

function rank(match: SectionMatch): number {
  return inPlace(match) ? 1 : 0
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

/** The known sections a heading is exactly (most headings are one or none). */
function exactSections(context: Context, heading: DocHeading): TemplateSection[] {
  context.exact ??= new Map()
  let sections = context.exact.get(heading.index)
  if (!sections) {
    sections = context.known.filter((section) => matchesHeading(section.match, heading.normalized))
    context.exact.set(heading.index, sections)
  }
  return sections
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

/**
 * How close a title must come to a section's to stand for it on weaker
 * evidence than a near miss in place: a bold lead-in, or a heading out of
 * order. Higher than a near miss's bar ("How can a rollout fail?" stands for
 * "How can a rollout or rollback fail?"; "Deployment Strategy" does not stand
 * for "Deployment Process").
 */
const closeThreshold = 0.8

/**
 * The bold lead-in, in the text of the headings `owners` accepts, that stands
 * for a section: its title exactly, else the nearest above {@link closeThreshold}.
 */
function findLeadIn(context: Context, section: TemplateSection, owners: (owner: number) => boolean): LeadIn | undefined {
  context.leadIns ??= context.doc.blocks.flatMap((block) =>
    leadIns(block.node).map((leadIn) => ({...leadIn, owner: block.owner, normalized: normalizeHeading(leadIn.text)})),
  )
  const open = context.leadIns.filter((leadIn) => !leadIn.taken && owners(leadIn.owner))
  if (open.length === 0) return undefined
  const wanted = expectedText(section)
  const best =
    open.find((leadIn) => matchesHeading(section.match, leadIn.normalized)) ??
    nearest(open, (leadIn) => similarity(wanted, leadIn.normalized, context.common), closeThreshold)
  if (best) best.taken = true
  return best
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
 * another parent is misplaced, not missing; its subsections are then looked
 * for under it, and those still missing are looked for in turn.
 */
function findMisplaced(context: Context): void {
  const {headings, used} = context
  for (let changed = true; changed; ) {
    changed = false
    for (const match of [...context.matches.values()]) {
      if (match.status !== 'missing' || match.section.repeatable) continue
      if (match.parent && !match.parent.heading) continue
      const heading = bestExact(match.section, headings, used)
      if (!heading) continue
      changed = true
      used.add(heading.index)
      match.heading = heading
      match.instances = [heading]
      match.status = 'misplaced'
      for (let index = heading.index - 1; index >= 0; index--) {
        if (headings[index].depth < heading.depth) {
          match.foundUnder = headings[index]
          break
        }
      }
      const depth = Math.min(heading.depth, match.section.depth)
      alignLevel(context, match.section.children, match, heading.index + 1, sectionEnd(headings, {index: heading.index, depth}))
    }
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
