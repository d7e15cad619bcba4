/**
 * `designlint report`: one self-contained HTML page (inline CSS and a little
 * inline JavaScript, nothing fetched) that shows, per preset, a matrix of
 * documents × template sections, how complete each document and each section
 * is, the findings per rule, and every finding, each matrix cell linking to
 * its own. The page reads without JavaScript (template order, documents by
 * path); with it, a click on a column heading sorts the documents by it, and
 * a button orders the sections by completeness. Printed, the controls go and
 * every status keeps its symbol.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {filePath, printable, severity, span, withNote} from './common.js'
import {sortedMessages} from './order.js'
import {ruleInfo, type RuleInfoLookup} from './rule-info.js'
import type {DocumentSections, SectionColumn, SectionPlace, SectionState} from './sections.js'

/** How each state is shown: its symbol, its words, and its place when sorting (worst first). */
const stateLooks: Record<SectionState, {symbol: string; label: string; rank: number}> = {
  missing: {symbol: '✗', label: 'missing', rank: 0},
  empty: {symbol: '∅', label: 'empty', rank: 1},
  renamed: {symbol: '≈', label: 'renamed (a near miss stands for it)', rank: 2},
  misplaced: {symbol: '↗', label: 'misplaced (under another section)', rank: 3},
  moved: {symbol: '↕', label: 'moved (out of order)', rank: 4},
  present: {symbol: '✓', label: 'present', rank: 5},
  omitted: {symbol: '–', label: 'optional, left out', rank: 6},
}

/** The states a section counts as written in. */
const written = new Set<SectionState>(['present', 'moved', 'misplaced', 'renamed'])

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** When the report was made (shown in its header). */
  generated?: Date
  /** designlint's version. */
  version?: string
  info?: RuleInfoLookup
}

/** `text` safe in HTML text and in a quoted attribute; control characters escaped first. */
export function escapeHtml(text: string): string {
  return printable(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/** A cell of the matrix: a section's state in a document, and the findings (indexes in the document's list) about it. */
interface Cell {
  place: SectionPlace
  findings: number[]
}

interface Row {
  /** Index of the document in the report. */
  index: number
  path: string
  cells: Cell[]
  done: number
  expected: number
}

interface Group {
  preset: DocumentSections['preset']
  columns: SectionColumn[]
  rows: Row[]
}

/** Whether a finding starts on a line of `place` (the part of the section before its next heading). */
function isIn(place: SectionPlace, line: number): boolean {
  return place.ranges.some((range) => line >= range.start && (range.end === undefined || line <= range.end))
}

/**
 * The cells of a document: each section's state, the no-empty-sections
 * findings making a present section empty, and the findings about each
 * (those on its lines; for a missing one, the required-sections finding
 * where it belongs, paired in template order when several belong at the
 * same place).
 */
function cellsOf(sections: DocumentSections, messages: VFileMessage[]): Cell[] {
  const starts = messages.map((message) => span(message))
  // First the missing sections' findings: they are placed where the section
  // belongs, often on another section's heading, which must not count them.
  const taken = new Set<number>()
  const missingFindings = sections.places.map((place) => {
    const at = place.insertAt
    if (place.state !== 'missing' || place.parentMissing || !at) return []
    const index = messages.findIndex(
      (message, position) =>
        !taken.has(position) &&
        message.ruleId === 'required-sections' &&
        starts[position].line === at.line &&
        starts[position].column === at.column,
    )
    if (index === -1) return []
    taken.add(index)
    return [index]
  })
  return sections.places.map((place, at) => {
    if (place.state === 'missing') return {place, findings: missingFindings[at]}
    const findings: number[] = []
    messages.forEach((_, position) => {
      if (!taken.has(position) && isIn(place, starts[position].line)) findings.push(position)
    })
    const empty = findings.some(
      (position) =>
        messages[position].ruleId === 'no-empty-sections' && place.ranges.some((range) => range.start === starts[position].line),
    )
    return {place: empty ? {...place, state: 'empty'} : place, findings}
  })
}

/** `part` of `whole` as a whole percentage; none when there is nothing to count. */
function percent(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : Math.round((100 * part) / whole)
}

function percentText(value: number | undefined): string {
  return value === undefined ? '—' : `${value}%`
}

/** A completeness figure: the number, and a bar drawn with CSS. */
function meter(part: number, whole: number): string {
  const value = percent(part, whole)
  if (value === undefined) return '<span class="pct">—</span>'
  const level = value === 100 ? 'full' : value >= 75 ? 'high' : value >= 50 ? 'mid' : 'low'
  return `<span class="pct">${value}%</span><span class="bar ${level}" aria-hidden="true"><span style="width:${value}%"></span></span><span class="frac">${part}/${whole}</span>`
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** The documents grouped by preset (in order of first appearance), and those without a template's sections. */
function groupsOf(files: VFile[], messages: VFileMessage[][]): {groups: Group[]; unaligned: number[]} {
  const groups = new Map<string, Group>()
  const unaligned: number[] = []
  files.forEach((file, index) => {
    const sections = file.data.designlintSections
    if (!sections) {
      unaligned.push(index)
      return
    }
    const key = sections.preset.source
    let group = groups.get(key)
    if (!group) {
      group = {preset: sections.preset, columns: sections.columns, rows: []}
      groups.set(key, group)
    }
    const cells = cellsOf(sections, messages[index])
    const counted = cells.filter((cell) => cell.place.state !== 'omitted')
    const done = counted.filter((cell) => written.has(cell.place.state)).length
    group.rows.push({index, path: filePath(file), cells, done, expected: counted.length})
  })
  return {groups: [...groups.values()], unaligned}
}

function findingId(document: number, finding: number): string {
  return `d${document}-f${finding}`
}

function cellHtml(row: Row, cell: Cell, column: number, columnText: string): string {
  const look = stateLooks[cell.place.state]
  const notes = [look.label]
  if (cell.place.parentMissing) notes.push('its parent section is missing')
  if (cell.place.heading) notes.push(`as "${cell.place.heading}"`)
  if (cell.findings.length > 0) notes.push(plural(cell.findings.length, 'finding'))
  const title = escapeHtml(`${row.path} — ${columnText}: ${notes.join('; ')}`)
  const symbol = `<span aria-hidden="true">${look.symbol}</span><span class="sr">${escapeHtml(look.label)}</span>`
  const count = cell.findings.length > 1 ? `<sup>${cell.findings.length}</sup>` : ''
  const content =
    cell.findings.length > 0 ? `<a href="#${findingId(row.index, cell.findings[0])}" title="${title}">${symbol}${count}</a>` : symbol
  const attributes = `class="cell ${cell.place.state}" data-col="${column}" data-rank="${look.rank}"`
  return `<td ${attributes}${cell.findings.length > 0 ? '' : ` title="${title}"`}>${content}</td>`
}

function groupHtml(group: Group, number: number): string {
  const {columns, rows} = group
  const head = columns
    .map((column, index) => {
      const classes = [
        'section',
        column.depth > Math.min(...columns.map((each) => each.depth)) ? 'sub' : '',
        column.optional ? 'optional' : '',
      ]
      const notes = [column.optional ? 'optional' : '', column.repeatable ? 'repeatable' : ''].filter(Boolean)
      const title = escapeHtml(`${'#'.repeat(column.depth)} ${column.text}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`)
      return `<th scope="col" class="${classes.filter(Boolean).join(' ')}" data-col="${index}" data-sort="${index}" title="${title}"><span>${escapeHtml(column.text)}${column.optional ? ' <i>(optional)</i>' : ''}</span></th>`
    })
    .join('')
  const body = rows
    .map((row) => {
      const value = percent(row.done, row.expected) ?? 100
      const cells = row.cells.map((cell, index) => cellHtml(row, cell, index, columns[index]?.text ?? cell.place.key)).join('')
      return `<tr data-doc="${escapeHtml(row.path)}" data-completeness="${value}"><th scope="row" class="doc"><a href="#d${row.index}">${escapeHtml(row.path)}</a></th><td class="completeness">${meter(row.done, row.expected)}</td>${cells}</tr>`
    })
    .join('\n')
  const footCells = columns
    .map((_, index) => {
      const counted = rows.filter((row) => row.cells[index] && row.cells[index].place.state !== 'omitted')
      const done = counted.filter((row) => written.has(row.cells[index].place.state)).length
      const value = percent(done, counted.length)
      return `<td class="section-pct" data-col="${index}" data-completeness="${value ?? 101}" title="${done} of ${counted.length} documents">${percentText(value)}</td>`
    })
    .join('')
  const total = rows.reduce((sum, row) => sum + row.done, 0)
  const expected = rows.reduce((sum, row) => sum + row.expected, 0)
  const presetName = escapeHtml(group.preset.name)
  return `<section class="group" aria-labelledby="g${number}">
<h2 id="g${number}">Preset <code>${presetName}</code> <small>${escapeHtml(group.preset.source)} · ${plural(rows.length, 'document')} · ${percentText(percent(total, expected))} complete</small></h2>
<div class="scroll"><table class="matrix" data-group="${number}">
<caption>Sections of the ${presetName} template in each document</caption>
<thead><tr><th scope="col" class="doc" data-sort="doc">Document</th><th scope="col" class="completeness" data-sort="completeness">Complete</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><th scope="row" class="doc">Documents with the section</th><td class="completeness"></td>${footCells}</tr></tfoot>
</table></div>
</section>`
}

function ruleTableHtml(files: VFile[], messages: VFileMessage[][], info: RuleInfoLookup): string {
  const byRule = new Map<string, {errors: number; warnings: number; infos: number; documents: Set<number>}>()
  messages.forEach((list, document) => {
    for (const message of list) {
      const id = message.ruleId ?? 'designlint'
      const entry = byRule.get(id) ?? {errors: 0, warnings: 0, infos: 0, documents: new Set()}
      const level = severity(message)
      if (level === 'error') entry.errors++
      else if (level === 'warning') entry.warnings++
      else entry.infos++
      entry.documents.add(document)
      byRule.set(id, entry)
    }
  })
  if (byRule.size === 0) return '<p>No findings.</p>'
  const rows = [...byRule.entries()]
    .sort(([a, x], [b, y]) => y.errors + y.warnings - (x.errors + x.warnings) || a.localeCompare(b))
    .map(([id, entry]) => {
      const url = info(id)?.url
      const name = url ? `<a href="${escapeHtml(url)}"><code>${escapeHtml(id)}</code></a>` : `<code>${escapeHtml(id)}</code>`
      const documents = [...entry.documents]
        .map((document) => `<a href="#d${document}">${escapeHtml(filePath(files[document]))}</a>`)
        .join(', ')
      return `<tr><th scope="row">${name}</th><td class="num">${entry.errors}</td><td class="num">${entry.warnings}</td><td class="num">${entry.infos}</td><td class="docs">${documents}</td></tr>`
    })
    .join('\n')
  return `<table class="rules"><thead><tr><th scope="col">Rule</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Info</th><th scope="col">Documents</th></tr></thead>
<tbody>
${rows}
</tbody></table>`
}

function findingsHtml(files: VFile[], messages: VFileMessage[][]): string {
  return files
    .map((file, document) => {
      const list = messages[document]
      const items = list
        .map((message, index) => {
          const {line, column} = span(message)
          const level = severity(message)
          return `<li id="${findingId(document, index)}" class="${level}"><span class="where">${line}:${column}</span> <span class="level">${level}</span> <code>${escapeHtml(message.ruleId ?? 'designlint')}</code> ${escapeHtml(withNote(message.reason, message, ' — '))}</li>`
        })
        .join('\n')
      const body = list.length > 0 ? `<ol class="findings">\n${items}\n</ol>` : '<p class="clean">No findings.</p>'
      return `<section class="document" id="d${document}"><h3>${escapeHtml(filePath(file))} <small>${plural(list.length, 'finding')}</small></h3>\n${body}</section>`
    })
    .join('\n')
}

const styles = `
:root{--ok:#1a7f37;--okbg:#dafbe1;--bad:#b42318;--badbg:#fee4e2;--warn:#8a5a00;--warnbg:#fff3c4;--move:#0550ae;--movebg:#ddf4ff;--muted:#6e7781;--line:#d0d7de}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0 auto;padding:1.5rem 2rem;max-width:100rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .5rem}h3{font-size:1rem;margin:1.25rem 0 .25rem}
small{color:var(--muted);font-weight:normal}code{font:.9em ui-monospace,SFMono-Regular,Menlo,monospace}
.summary{display:flex;flex-wrap:wrap;gap:.5rem 2rem;margin:.5rem 0 1rem;padding:0;list-style:none}.summary b{font-size:1.2rem}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0 0 1rem;padding:0;list-style:none;color:var(--muted)}
.legend span.cell{display:inline-block;min-width:1.6em;text-align:center;border-radius:3px;margin-right:.3em}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse}
.matrix{font-size:13px}.matrix caption{text-align:left;padding:.4rem .6rem;color:var(--muted)}
.matrix th,.matrix td{border:1px solid var(--line);padding:2px 4px}
.matrix thead th{vertical-align:bottom;background:#f6f8fa}
.matrix thead th.section{height:14rem;width:2.2rem;min-width:2.2rem;padding:4px 2px}
.matrix thead th.section span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block;max-height:13.5rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:600}
.matrix thead th.sub span{font-weight:normal}.matrix thead th.optional span{color:var(--muted)}
.matrix th.doc{text-align:left;white-space:nowrap;font-weight:normal;max-width:24rem;overflow:hidden;text-overflow:ellipsis}
.matrix thead th.doc,.matrix thead th.completeness{font-weight:600;text-align:left}
.matrix tbody tr:hover{outline:2px solid #8c959f}
.completeness{white-space:nowrap;min-width:9.5rem}
.pct{display:inline-block;width:2.8em;text-align:right;font-variant-numeric:tabular-nums}
.frac{color:var(--muted);font-size:11px;margin-left:.3em}
.bar{display:inline-block;width:4rem;height:.55rem;background:#eaeef2;border-radius:3px;margin-left:.4em;vertical-align:middle;overflow:hidden}
.bar span{display:block;height:100%}.bar.full span{background:var(--ok)}.bar.high span{background:#4ac26b}.bar.mid span{background:#d4a72c}.bar.low span{background:var(--bad)}
td.cell{text-align:center;font-weight:700;min-width:2.2rem}td.cell a{color:inherit;text-decoration:none;display:block}td.cell sup{font-size:9px;font-weight:normal}
.cell.present{color:var(--ok);background:var(--okbg)}.cell.missing{color:var(--bad);background:var(--badbg)}
.cell.empty{color:var(--warn);background:var(--warnbg)}.cell.renamed{color:var(--warn);background:var(--warnbg)}
.cell.moved,.cell.misplaced{color:var(--move);background:var(--movebg)}.cell.omitted{color:var(--muted);background:#fff}
tfoot td.section-pct{font-size:11px;text-align:center;font-variant-numeric:tabular-nums}
tfoot th{font-weight:600}
.matrix th[data-sort]{cursor:default}.sortable th[data-sort]{cursor:pointer}.sortable th[data-sort]:hover{background:#eaeef2}
th[aria-sort=ascending]::after{content:" ▲";font-size:9px}th[aria-sort=descending]::after{content:" ▼";font-size:9px}
.controls{margin:.5rem 0}.controls button{font:inherit;padding:.2rem .6rem;border:1px solid var(--line);border-radius:4px;background:#f6f8fa;cursor:pointer}
.rules th,.rules td{border-bottom:1px solid var(--line);padding:3px 10px;text-align:left;vertical-align:top}.rules td.num{text-align:right;font-variant-numeric:tabular-nums}
.findings{margin:.25rem 0 0;padding-left:1.5rem}.findings li{margin:.1rem 0}
.findings li:target{background:#fff8c5;outline:2px solid #d4a72c}
.where{font:12px ui-monospace,monospace;color:var(--muted)}.level{font-size:11px;text-transform:uppercase;letter-spacing:.03em}
li.error .level{color:var(--bad)}li.warning .level{color:var(--warn)}li.info .level{color:var(--muted)}
.clean{color:var(--ok);margin:.25rem 0}
@media print{
body{padding:0;max-width:none;font-size:10pt}
.controls{display:none}
.scroll{overflow:visible;border:0}
.matrix{font-size:8pt}.matrix thead{display:table-header-group}.matrix tr{break-inside:avoid}
.matrix thead th.section{height:8rem;width:1.6rem;min-width:1.6rem}
td.cell a{color:inherit}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}
.document{break-inside:avoid-page}
}
`

/**
 * Sorting, added by the script only (so the page without it has no dead
 * controls): a click on a column heading sorts that table's documents by it,
 * again the other way; the button orders the sections by how many documents
 * have them, or back in template order.
 */
const script = `
(function () {
  'use strict';
  function cellOf(row, key) {
    if (key === 'doc') return row.getAttribute('data-doc') || '';
    if (key === 'completeness') return Number(row.getAttribute('data-completeness'));
    var cell = row.querySelector('[data-col="' + key + '"]');
    return cell ? Number(cell.getAttribute('data-rank')) : 0;
  }
  function sortRows(table, key, header) {
    var body = table.tBodies[0];
    var descending = header.getAttribute('aria-sort') === 'ascending';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellOf(a, key), y = cellOf(b, key);
      var order = typeof x === 'string' ? x.localeCompare(y) : x - y;
      if (order === 0) order = cellOf(a, 'doc').localeCompare(cellOf(b, 'doc'));
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.querySelectorAll('th[aria-sort]'), function (th) { th.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  }
  function orderColumns(table, byCompleteness) {
    var foot = table.tFoot ? table.tFoot.rows[0] : null;
    if (!foot) return;
    var columns = Array.prototype.map.call(foot.querySelectorAll('[data-col]'), function (cell) {
      return {col: Number(cell.getAttribute('data-col')), value: Number(cell.getAttribute('data-completeness'))};
    });
    columns.sort(function (a, b) { return byCompleteness ? a.value - b.value || a.col - b.col : a.col - b.col; });
    Array.prototype.forEach.call(table.rows, function (row) {
      columns.forEach(function (column) {
        var cell = row.querySelector('[data-col="' + column.col + '"]');
        if (cell) row.appendChild(cell);
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.matrix'), function (table) {
    table.classList.add('sortable');
    Array.prototype.forEach.call(table.tHead.querySelectorAll('th[data-sort]'), function (header) {
      header.setAttribute('tabindex', '0');
      header.setAttribute('title', (header.getAttribute('title') || header.textContent) + ' — click to sort the documents by it');
      var sort = function () { sortRows(table, header.getAttribute('data-sort'), header); };
      header.addEventListener('click', sort);
      header.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); sort(); } });
    });
    var controls = document.createElement('div');
    controls.className = 'controls';
    var button = document.createElement('button');
    var byCompleteness = false;
    button.type = 'button';
    button.textContent = 'Order sections by completeness';
    button.addEventListener('click', function () {
      byCompleteness = !byCompleteness;
      orderColumns(table, byCompleteness);
      button.textContent = byCompleteness ? 'Order sections as the template does' : 'Order sections by completeness';
    });
    var hint = document.createElement('span');
    hint.textContent = ' Click a column heading to sort the documents by it.';
    controls.appendChild(button);
    controls.appendChild(hint);
    table.parentNode.parentNode.insertBefore(controls, table.parentNode);
  });
})();
`

/** The legend of the matrix's symbols. */
function legendHtml(): string {
  return `<ul class="legend">${Object.values(stateLooks)
    .sort((a, b) => b.rank - a.rank)
    .map((look, index) => {
      const state = Object.keys(stateLooks).find((key) => stateLooks[key as SectionState] === look) ?? ''
      return `<li data-i="${index}"><span class="cell ${state}">${look.symbol}</span>${escapeHtml(look.label)}</li>`
    })
    .join('')}</ul>`
}

/** The report of linted files that carry their sections (see sections.ts), as an HTML document. */
export function renderHtmlReport(files: VFile[], options: HtmlReportOptions = {}): string {
  const info = options.info ?? ruleInfo
  const messages = files.map((file) => sortedMessages(file))
  const {groups, unaligned} = groupsOf(files, messages)
  const all = messages.flat()
  const errors = all.filter((message) => severity(message) === 'error').length
  const warnings = all.filter((message) => severity(message) === 'warning').length
  const rows = groups.flatMap((group) => group.rows)
  const done = rows.reduce((sum, row) => sum + row.done, 0)
  const expected = rows.reduce((sum, row) => sum + row.expected, 0)
  const complete = rows.filter((row) => row.done === row.expected).length
  const generated = options.generated ? ` · ${escapeHtml(options.generated.toISOString().replace('T', ' ').slice(0, 16))} UTC` : ''
  const version = options.version ? ` · designlint ${escapeHtml(options.version)}` : ''
  const unalignedHtml =
    unaligned.length === 0
      ? ''
      : `<section><h2>Not checked against a template</h2><p>${unaligned
          .map((index) => `<a href="#d${index}">${escapeHtml(filePath(files[index]))}</a>`)
          .join(', ')}: see their findings below.</p></section>`
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>designlint report: ${plural(files.length, 'document')}</title>
<style>${styles}</style>
</head>
<body>
<header>
<h1>designlint report</h1>
<small>${plural(files.length, 'document')} · ${plural(groups.length, 'preset')}${generated}${version}</small>
<ul class="summary">
<li><b>${percentText(percent(done, expected))}</b> of expected sections written</li>
<li><b>${complete}</b> of ${rows.length} documents complete</li>
<li><b>${errors}</b> ${errors === 1 ? 'error' : 'errors'}, <b>${warnings}</b> ${warnings === 1 ? 'warning' : 'warnings'}</li>
</ul>
</header>
<main>
${legendHtml()}
${groups.map((group, number) => groupHtml(group, number)).join('\n')}
${unalignedHtml}
<section><h2 id="rules">Findings per rule</h2>
${ruleTableHtml(files, messages, info)}
</section>
<section><h2 id="findings">Findings per document</h2>
${findingsHtml(files, messages)}
</section>
</main>
<script>${script}</script>
</body>
</html>
`
}
