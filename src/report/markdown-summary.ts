/**
 * A Markdown summary (job summaries, pull request comments): a heading with
 * the totals, how many documents were checked, and a table of findings. It
 * is built as mdast and written by mdast-util-to-markdown with GFM tables, so
 * whatever a reason holds (`|`, backticks, `*`, `_`, `<`, line breaks) is
 * escaped by the library.
 */
import type {PhrasingContent, Root, RootContent, TableCell, TableRow} from 'mdast'
import {gfmTableToMarkdown} from 'mdast-util-gfm-table'
import {toMarkdown} from 'mdast-util-to-markdown'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {statistics} from 'vfile-statistics'
import {filePath, severity, span, withNote} from './common.js'
import {sortedMessages} from './order.js'
import {ruleInfo, type RuleInfoLookup} from './rule-info.js'

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function cell(...children: PhrasingContent[]): TableCell {
  return {type: 'tableCell', children}
}

function text(value: string): PhrasingContent {
  return {type: 'text', value}
}

function row(file: VFile, message: VFileMessage, info: RuleInfoLookup): TableRow {
  const {line, column} = span(message)
  const ruleId = message.ruleId ?? ''
  const url = ruleId ? info(ruleId)?.url : undefined
  return {
    type: 'tableRow',
    children: [
      cell({type: 'inlineCode', value: `${filePath(file)}:${line}:${column}`}),
      cell(text(severity(message))),
      url ? cell({type: 'link', url, children: [text(ruleId)]}) : cell(text(ruleId)),
      cell(text(withNote(message.reason, message, ' — '))),
    ],
  }
}

/** The summary of the files' findings; rules link to their page (from `info`). */
export function formatMarkdown(files: VFile[], info: RuleInfoLookup = ruleInfo): string {
  const checked = plural(files.length, 'document')
  const found = files.flatMap((file) => sortedMessages(file).map((message) => row(file, message, info)))
  const content: RootContent[] = []
  if (found.length === 0) {
    content.push(
      {type: 'heading', depth: 3, children: [text('designlint: no findings')]},
      {type: 'paragraph', children: [text(`Checked ${checked}.`)]},
    )
  } else {
    const {fatal: errors, warn: warnings} = statistics(files)
    const withFindings = files.filter((file) => file.messages.length > 0).length
    const header: TableRow = {type: 'tableRow', children: ['where', 'severity', 'rule', 'finding'].map((name) => cell(text(name)))}
    content.push(
      {type: 'heading', depth: 3, children: [text(`designlint: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`)]},
      {type: 'paragraph', children: [text(`Checked ${checked}; ${withFindings} with findings.`)]},
      {type: 'table', children: [header, ...found]},
    )
  }
  const tree: Root = {type: 'root', children: content}
  // No column alignment: rows stay short and a diff of two summaries stays readable.
  return toMarkdown(tree, {extensions: [gfmTableToMarkdown({tablePipeAlign: false})]})
}
