/** `designlint preset show`: what the compiler inferred from a template, in words. */
import type {ChoiceList, FieldSpec, Preset, TemplateSection} from './types.js'
import {headingLine} from './headings.js'

function choices(list: ChoiceList | null | undefined): string {
  if (!list) return ''
  return list.open ? ` (any value; e.g. ${list.values.join(', ')})` : ` (one of ${list.values.join(', ')})`
}

/** A preset as text: sections with their tables, diagrams and item fields, then fields. */
export function describePreset(preset: Preset): string {
  const lines: string[] = [`${preset.name} (${preset.source})`, '']
  if (preset.title) {
    const placeholder = preset.title.match.type === 'pattern' && /\.\+/.test(preset.title.match.source)
    const whole = placeholder && preset.title.match.type === 'pattern' && preset.title.match.source === '^.+$'
    lines.push(
      `Title: ${headingLine(preset.title)}` +
        (whole
          ? '  (a placeholder: any title fills it)'
          : placeholder
            ? '  (your own text in place of the placeholder)'
            : '  (must appear in the title)'),
    )
    for (const part of preset.titlePlaceholders ?? []) {
      lines.push(
        part.kind === 'mask'
          ? `    "${part.text}" stands for a number: any number fills it, the mask left as is is a finding`
          : `    "${part.text}" stands for your own words: a title that still says it is a finding`,
      )
    }
  }
  lines.push('Sections:')
  const walk = (sections: TemplateSection[], indent: string) => {
    for (const section of sections) {
      const notes = [
        section.repeatable ? 'repeatable: at least one, any title' : '',
        section.optional ? optionalNote(section) : '',
        section.match.aliases?.length ? `also: ${section.match.aliases.join('; ')}` : '',
      ].filter(Boolean)
      lines.push(indent + headingLine(section) + (notes.length ? `  (${notes.join(', ')})` : ''))
      const inner = indent + '    '
      for (const table of section.content.tables) {
        lines.push(inner + 'table: ' + table.columns.map((column, index) => column + choices(table.choices[index])).join(' | '))
      }
      for (const diagram of section.content.diagrams) {
        lines.push(
          inner +
            'diagram: ' +
            (diagram.kind === 'mermaid'
              ? `mermaid ${diagram.diagramType ?? ''}`.trim()
              : 'ASCII art (a fenced block, an image or a diagram file)'),
        )
      }
      for (const field of section.content.itemFields) lines.push(inner + `list items carry "${field.name}:"` + choices(field.choices))
      walk(section.children, indent + '  ')
    }
  }
  walk(preset.sections, '  ')
  lines.push('', 'Fields:')
  if (preset.fields.length === 0) lines.push('  (none)')
  for (const field of preset.fields) {
    const format =
      field.format === 'iso-date' ? ', an ISO date' : field.format === 'date' ? ', a date' : field.format === 'version' ? ', a version' : ''
    lines.push(`  ${field.name} (${fieldPlace(field)}, written "${field.form}"${format})` + choices(field.choices))
    if (field.optional) lines.push(`      optional: "${field.optionalBecause}"`)
    if (field.mayBeEmpty) lines.push(`      may be empty: "${field.emptyBecause}"`)
  }
  lines.push('', `Draft statuses: ${preset.draftStatuses.join(', ')}`)
  return lines.join('\n')
}

/** "optional", with the template's words when they are not the heading's own marker. */
function optionalNote(section: TemplateSection): string {
  const words = section.optionalBecause
  if (!words || section.text.endsWith(words)) return 'optional'
  const short = words.length > 140 ? words.slice(0, words.lastIndexOf(' ', 137)) + ' …' : words
  return `optional: "${short}"`
}

/** Where a field was read: `header` (a bold labelled line), `header line`, `header bullet`, `header table row`, `front matter key`. */
function fieldPlace(field: FieldSpec): string {
  if (field.region === 'frontmatter') return 'front matter key'
  if (field.kind === 'plain') return `${field.region} line`
  if (field.kind === 'item') return `${field.region} bullet`
  if (field.kind === 'row') return `${field.region} table row`
  return field.region
}
