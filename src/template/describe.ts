/** `designlint preset show`: what the compiler inferred from a template, in words. */
import type {ChoiceList, Preset, TemplateSection} from './types.js'
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
    lines.push(
      `Title: ${headingLine(preset.title)}` +
        (placeholder ? '  (your own text in place of the placeholder)' : '  (must appear in the title)'),
    )
  }
  lines.push('Sections:')
  const walk = (sections: TemplateSection[], indent: string) => {
    for (const section of sections) {
      const notes = [
        section.repeatable ? 'repeatable: at least one, any title' : '',
        section.optional ? 'optional' : '',
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
    lines.push(`  ${field.name} (${field.region}, written "${field.form}"${format})` + choices(field.choices))
  }
  lines.push('', `Draft statuses: ${preset.draftStatuses.join(', ')}`)
  return lines.join('\n')
}
