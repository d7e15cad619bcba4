/**
 * required-fields: every metadata field of the template (Author, Date,
 * Status…) is in the document, in the template's form or as a front matter
 * key, and filled. Choice fields inside list items (`Status:` on each Open
 * Questions item of the architecture preset) are there too.
 */
import type {Root} from 'mdast'
import {lintRule} from 'unified-lint-rule'
import {getAnalysis} from '../src/analysis/analysis.js'
import {findField, itemValues} from '../src/analysis/fields.js'
import {report} from '../src/rule/wording.js'
import {ruleUrl} from '../src/rule/meta.js'
import type {Span} from '../src/template/types.js'
import {listChoices} from '../src/util/choices.js'

const requiredFields = lintRule<Root, undefined>(
  {origin: 'designlint:required-fields', url: ruleUrl('required-fields')},
  function (_, file) {
    const analysis = getAnalysis(file)
    if (!analysis) return
    const {doc, preset} = analysis
    for (const spec of preset.fields) {
      const field = findField(doc, spec)
      const line = spec.form.replace('x', '').trimEnd() + ' '
      if (!field) {
        const where = {header: 'under the title', footer: 'in the footer, after the last "---"', frontmatter: 'in the front matter'}[spec.region]
        const anchor = insertionAnchor(analysis, spec.region)
        const reason = `Missing field "${spec.name}": expected a line "${spec.form.replace('x', '…')}" ${where}, or "${spec.key.replace(/ /g, '_')}:" in front matter`
        if (anchor) {
          // The quick fix rewrites the anchor line with the new line after it.
          const text = String(file.value).slice(anchor.span.start.offset, anchor.span.end.offset)
          report(file, reason, anchor.span, {expected: [text + anchor.separator + line], actual: text})
        } else {
          report(file, reason, doc.end)
        }
        continue
      }
      if (!field.value || field.value === '""' || field.value === "''") {
        report(file, `Field "${spec.name}" is empty: expected a value`, field.valueSpan, {actual: ''})
      }
    }
    for (const entry of itemValues(analysis, String(file.value))) {
      if (entry.value) continue
      const place = entry.item.position!
      report(
        file,
        `List item has no "${entry.field.name}:": expected "${entry.field.name}: " with ${listChoices(entry.field.choices.values)}`,
        {start: place.start, end: place.start},
      )
    }
  },
)

/**
 * The line a missing field goes after: the region's last field line, or the
 * title. (Messages are placed on text, not in blank lines, which message
 * control drops messages from.)
 */
function insertionAnchor(
  analysis: NonNullable<ReturnType<typeof getAnalysis>>,
  region: string,
): {span: Span; separator: string} | undefined {
  const {doc} = analysis
  const same = doc.fields.filter((field) => field.region === region)
  const last = same[same.length - 1]
  if (last) return {span: last.span, separator: region === 'footer' ? '  \n' : '\n'}
  const title = doc.headings[0]?.depth === 1 ? doc.headings[0] : undefined
  if (region === 'header' && title) return {span: title.span, separator: '\n\n'}
  return undefined
}

export default requiredFields
