/**
 * required-fields: every metadata field of the template (Author, Date,
 * Status…) is in the document, in the template's form or as a front matter
 * key, and filled. Choice fields inside list items (`Status:` on each Open
 * Questions item of the architecture preset) are there too.
 *
 * A field the template says may be left out (`*if applicable*`, a YAML
 * comment "Only required for …") or that the author fills later ("(will
 * contain links …)") may be missing; one someone else fills ("(leave this
 * empty)", "to be appointed by …") may be empty. A date or
 * version still holding the template's instruction (`| **Start Date** | Date
 * of initial proposal |`) is not filled; another value left as the template
 * wrote it is no-template-text's finding.
 */
import type {Position} from 'unist'
import type {Analysis} from '../src/analysis/analysis.js'
import {findField} from '../src/analysis/fields.js'
import type {DocField} from '../src/document/types.js'
import {defineRule} from '../src/rule/define.js'
import type {FieldSpec} from '../src/template/types.js'
import {listChoices} from '../src/util/choices.js'
import {dateProblem} from '../src/util/dates.js'
import {hasPlaceholder} from '../src/util/placeholders.js'
import {normalizeProse} from '../src/util/text.js'

const regionWords: Record<FieldSpec['region'], string> = {
  header: 'under the title',
  footer: 'in the footer, after the last "---"',
  frontmatter: 'in the front matter',
}

export default defineRule({
  id: 'required-fields',
  description: "The template's metadata fields are present and filled.",
  // A value still the template's instruction is a placeholder left: a warning in a draft.
  strictness: ['unfilled-field'],
  messages: {
    'missing-field': 'Missing field "{field}": expected a line "{line}" {where}, or "{key}:" in front matter',
    'missing-key': 'Missing field "{field}": expected "{line}" in the front matter',
    'empty-field': 'Field "{field}" is empty: expected a value',
    'unfilled-field': 'Field "{field}" still holds the template\'s "{value}": expected {expected}',
    'missing-item-field': 'List item has no "{field}:": expected "{field}: " with {allowed}',
  },
  check({analysis, file, report}) {
    const {doc, preset, fields} = analysis
    for (const spec of preset.fields) {
      const field = findField(fields, spec)
      const line = spec.form.replace('x', '').trimEnd() + ' '
      if (!field) {
        if (spec.optional || renamedField(analysis, spec)) continue
        const where = spec.region === 'header' && !preset.title ? 'at the start of the document' : regionWords[spec.region]
        const data = {field: spec.name, line: spec.form.replace('x', '…'), where, key: spec.key.replace(/ /g, '_')}
        const id = spec.region === 'frontmatter' ? 'missing-key' : 'missing-field'
        const anchor = insertionAnchor(analysis, spec.region)
        if (anchor) {
          // The quick fix rewrites the anchor line with the new line after it.
          const text = String(file.value).slice(anchor.span.start.offset, anchor.span.end.offset)
          const expected = anchor.before ? line.trimEnd() + anchor.separator + text : text + anchor.separator + line
          report(id, anchor.span, data, {expected: [expected], actual: text})
        } else {
          report(id, doc.end, data)
        }
        continue
      }
      if (!field.value || field.value === '""' || field.value === "''") {
        if (!spec.mayBeEmpty) report('empty-field', field.valueSpan, {field: spec.name}, {actual: ''})
        continue
      }
      if (unfilled(spec, field)) {
        const expected = spec.format === 'version' ? 'a version' : spec.format ? 'a date' : 'your own value'
        report('unfilled-field', field.valueSpan, {field: spec.name, value: field.value, expected}, {actual: field.value})
      }
    }
    for (const entry of analysis.itemValues()) {
      if (entry.value) continue
      const place = entry.item.position!
      report(
        'missing-item-field',
        {start: place.start, end: place.start},
        {field: entry.field.name, allowed: listChoices(entry.field.choices.values)},
      )
    }
  },
})

/**
 * A field of the document that stands for a missing template field under
 * another label of the same kind: in the same region, ending in the same
 * word, and taken by no other template field ("Tracking Issue" for "Rust
 * Issue", "Original Proposition Date" for "Start Date").
 */
function renamedField(analysis: Analysis, spec: FieldSpec): DocField | undefined {
  const last = (key: string) =>
    key
      .split(' ')
      .pop()!
      .replace(/(?<=[a-z]{2})s$/, '')
  const taken = new Set(analysis.preset.fields.map((other) => findField(analysis.fields, other)).filter(Boolean))
  return analysis.fields.find(
    (field) => !taken.has(field) && field.region === spec.region && field.key !== spec.key && last(field.key) === last(spec.key),
  )
}

/**
 * Whether a date or version field still holds the template's value where
 * that value is no valid one, but an instruction ("Date of initial
 * proposal", "(fill me in with today's date, YYYY-MM-DD)"). In the
 * document's text a placeholder in it (`YYYY-MM-DD`) is no-placeholders'
 * finding, which does not read front matter. (A free-text value left as is
 * is no-template-text's `example-value`; a choice field, field-values'.)
 */
function unfilled(spec: FieldSpec, field: DocField): boolean {
  if (!spec.format || normalizeProse(field.value) !== normalizeProse(spec.example)) return false
  if (field.region !== 'frontmatter' && hasPlaceholder(field.value)) return false
  if (spec.format === 'version') return !/^v?\d+(?:\.\d+){0,3}/.test(spec.example.trim())
  return dateProblem(spec.example.trim(), spec.format === 'iso-date') !== undefined
}

/**
 * The line a missing field goes after: the region's last field line, or the
 * title; without a title, before the first heading. (Messages
 * are placed on text, not in blank lines, which message control drops
 * messages from.)
 */
function insertionAnchor(
  analysis: Analysis,
  region: FieldSpec['region'],
): {span: Position; separator: string; before?: boolean} | undefined {
  const same = analysis.fields.filter((field) => field.region === region)
  const last = same[same.length - 1]
  if (last) return {span: last.span, separator: region === 'footer' ? '  \n' : '\n'}
  const title = analysis.titleHeading
  if (region === 'header' && title) return {span: title.span, separator: '\n\n'}
  const first = analysis.doc.headings[0]
  if (region === 'header' && first) return {span: first.span, separator: '\n\n', before: true}
  return undefined
}
