/**
 * SARIF 2.1.0 (GitHub code scanning and other SARIF viewers): one run, rule
 * metadata with help links and message strings, and one result per finding.
 */
import type {Log, Message, PropertyBag, ReportingDescriptor, Result} from 'sarif'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {filePath, severity, span} from './common.js'
import {sortedMessages} from './order.js'
import {knownRuleIds, ruleInfo, type RuleInfoLookup} from './rule-info.js'

const levels = {error: 'error', warning: 'warning', info: 'note'} as const

/** A message template in SARIF's form, and the slot names in argument order. */
export interface SarifTemplate {
  text: string
  names: string[]
}

/**
 * Turn a designlint template (`Heading "{heading}" is at level {actual}`)
 * into a SARIF message string (`Heading "{0}" is at level {1}`): each named
 * slot becomes a numbered placeholder, and other braces are doubled, as
 * SARIF 2.1.0 §3.11.5 requires.
 */
export function sarifTemplate(template: string): SarifTemplate {
  const names: string[] = []
  const text = template.replace(/\{(\w+)\}|[{}]/g, (brace: string, name: string | undefined) => {
    if (name === undefined) return brace + brace
    const index = names.includes(name) ? names.indexOf(name) : names.push(name) - 1
    return '{' + index + '}'
  })
  return {text, names}
}

/** `heading-level` → `HeadingLevel`: SARIF's readable rule name. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())
}

function descriptor(id: string, info: RuleInfoLookup): ReportingDescriptor {
  const known = info(id)
  if (!known) {
    return {
      id,
      name: ruleName(id),
      shortDescription: {text: `designlint's own finding (${id}), not a rule's: for example a file it could not check.`},
      defaultConfiguration: {level: 'error'},
    }
  }
  const rule: ReportingDescriptor = {
    id,
    name: ruleName(id),
    shortDescription: {text: known.description},
    helpUri: known.url,
    help: {text: `See ${known.url}`},
    defaultConfiguration: {level: 'error'},
  }
  const messageIds = Object.keys(known.messages)
  if (messageIds.length > 0) {
    rule.messageStrings = {}
    for (const messageId of messageIds) rule.messageStrings[messageId] = {text: sarifTemplate(known.messages[messageId]).text}
  }
  return rule
}

/**
 * The result's message: the reason as text; with the message id when the
 * finding has one, and, when the rule's message strings hold that id, the
 * arguments that turn the string into the same text.
 */
function resultMessage(message: VFileMessage, info: RuleInfoLookup): Message {
  const result: Message = {text: message.reason}
  if (!message.messageId) return result
  result.id = message.messageId
  const template = message.ruleId ? info(message.ruleId)?.messages[message.messageId] : undefined
  if (template !== undefined) {
    const {names} = sarifTemplate(template)
    if (names.length > 0) result.arguments = names.map((name) => message.data?.[name] ?? '')
  }
  return result
}

function resultProperties(message: VFileMessage): PropertyBag | undefined {
  const properties: PropertyBag = {}
  if (message.messageId) properties.messageId = message.messageId
  if (message.data) properties.data = message.data
  if (message.note) properties.note = message.note
  return Object.keys(properties).length > 0 ? properties : undefined
}

/**
 * The SARIF log of the files' findings, for designlint `version`. The rules
 * listed are all of designlint's (registry order), each with what `info`
 * knows of it (rule-info.ts by default); ids that are not rules (`preset`)
 * get a descriptor of their own.
 */
export function formatSarif(files: VFile[], version: string, info: RuleInfoLookup = ruleInfo): string {
  const found = files.flatMap((file) => sortedMessages(file).map((message) => ({file, message, ruleId: message.ruleId ?? 'designlint'})))
  // Every rule designlint has, in registry order, then ids that are not rules (`preset`, `read`).
  const ids = [...new Set([...knownRuleIds(), ...found.map(({ruleId}) => ruleId)])]
  const results = found.map(({file, message, ruleId}): Result => {
    const {line, column, endLine, endColumn} = span(message)
    const result: Result = {
      ruleId,
      ruleIndex: ids.indexOf(ruleId),
      level: levels[severity(message)],
      message: resultMessage(message, info),
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: encodeURI(filePath(file)), uriBaseId: '%SRCROOT%'},
            region: {startLine: line, startColumn: column, endLine, endColumn},
          },
        },
      ],
    }
    const properties = resultProperties(message)
    if (properties) result.properties = properties
    return result
  })
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'designlint',
            version,
            informationUri: 'https://github.com/designlint/designlint',
            rules: ids.map((id) => descriptor(id, info)),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
  return JSON.stringify(log, null, 2)
}
