/**
 * required-fields: every metadata field of the template (Author, Date,
 * Status…) is in the document, in the template's form or as a front matter
 * key, and filled. Choice fields inside list items (`Status:` on each Open
 * Questions item of the architecture preset) are there too.
 */
import type {Position} from 'unist'
import type {Analysis} from '../src/analysis/analysis.js'
import {findField} from '../src/analysis/fields.js'
import {defineRule} from '../src/rule/define.js'
import type {FieldSpec} from '../src/template/types.js'
import {listChoices} from '../src/util/choices.js'

const regionWords: Record<FieldSpec['region'], string> = {
  header: 'under the title',
  footer: 'in the footer, after the last "---"',
  frontmatter: 'in the front matter',
}

export default defineRule({
  id: 'required-fields',
  description: "The template's metadata fields are present and filled.",
  strictness: 'always',
  messages: {
    'missing-field': 'Missing field "{field}": expected a line "{line}" {where}, or "{key}:" in front matter',
    'empty-field': 'Field "{field}" is empty: expected a value',
    'missing-item-field': 'List item has no "{field}:": expected "{field}: " with {allowed}',
  },
  check({analysis, file, report}) {
    const {doc, preset, fields} = analysis
    for (const spec of preset.fields) {
      const field = findField(fields, spec)
      const line = spec.form.replace('x', '').trimEnd() + ' '
      if (!field) {
        const data = {
          field: spec.name,
          line: spec.form.replace('x', '…'),
          where: regionWords[spec.region],
          key: spec.key.replace(/ /g, '_'),
        }
        const anchor = insertionAnchor(analysis, spec.region)
        if (anchor) {
          // The quick fix rewrites the anchor line with the new line after it.
          const text = String(file.value).slice(anchor.span.start.offset, anchor.span.end.offset)
          report('missing-field', anchor.span, data, {expected: [text + anchor.separator + line], actual: text})
        } else {
          report('missing-field', doc.end, data)
        }
        continue
      }
      if (!field.value || field.value === '""' || field.value === "''") {
        report('empty-field', field.valueSpan, {field: spec.name}, {actual: ''})
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
 * The line a missing field goes after: the region's last field line, or the
 * title. (Messages are placed on text, not in blank lines, which message
 * control drops messages from.)
 */
function insertionAnchor(analysis: Analysis, region: FieldSpec['region']): {span: Position; separator: string} | undefined {
  const same = analysis.fields.filter((field) => field.region === region)
  const last = same[same.length - 1]
  if (last) return {span: last.span, separator: region === 'footer' ? '  \n' : '\n'}
  const title = analysis.titleHeading
  if (region === 'header' && title) return {span: title.span, separator: '\n\n'}
  return undefined
}
