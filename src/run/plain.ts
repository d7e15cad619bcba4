/**
 * Findings as plain data, to cross from worker threads and to and from the
 * cache, and back into vfiles for the reporters.
 */
import {hexDigest} from '../util/hash.js'
import {VFile} from 'vfile'
import type {Point, Position} from 'unist'

export interface PlainMessage {
  reason: string
  ruleId?: string
  source?: string
  fatal: boolean | null | undefined
  place?: Point | Position
  url?: string
  expected?: string[]
  actual?: string
  note?: string
  messageId?: string
  data?: Record<string, string>
}

export interface PlainResult {
  path: string
  messages: PlainMessage[]
  /** Template files the result depends on (the preset's source, when a file). */
  templates: string[]
  /** The hash of the content that was linted ({@link hashText}); none when it could not be read. */
  contentHash?: string
}

/** The hash that identifies a document's content (and a template's) in the cache. */
export function hashText(text: string): string {
  return hexDigest('sha1', text)
}

export function toPlain(file: VFile): PlainResult {
  const source = file.data.designlintSummary?.preset.source
  return {
    path: file.path ?? '',
    messages: file.messages.map((message) => {
      const plain: PlainMessage = {reason: message.reason, fatal: message.fatal}
      if (message.ruleId) plain.ruleId = message.ruleId
      if (message.source) plain.source = message.source
      if (message.place) plain.place = message.place as Point | Position
      if (message.url) plain.url = message.url
      if (message.expected) plain.expected = message.expected
      if (message.actual !== undefined) plain.actual = message.actual
      if (message.note) plain.note = message.note
      if (message.messageId) plain.messageId = message.messageId
      if (message.data) plain.data = message.data
      return plain
    }),
    templates: source && !source.startsWith('<') ? [source] : [],
  }
}

export function fromPlain(result: PlainResult, cwd: string): VFile {
  const file = new VFile({path: result.path, cwd})
  for (const plain of result.messages) {
    const message = file.message(plain.reason, {
      ...(plain.place ? {place: plain.place} : {}),
      ...(plain.ruleId ? {ruleId: plain.ruleId} : {}),
      ...(plain.source ? {source: plain.source} : {}),
    })
    message.fatal = plain.fatal
    if (plain.url) message.url = plain.url
    if (plain.expected) message.expected = plain.expected
    if (plain.actual !== undefined) message.actual = plain.actual
    if (plain.note) message.note = plain.note
    if (plain.messageId) message.messageId = plain.messageId
    if (plain.data) message.data = plain.data
  }
  return file
}

/** A fatal `read` finding for a path that gave no document to lint. */
export function unreadableFile(input: string, reason: string, cwd: string): VFile {
  return fromPlain({path: input, templates: [], messages: [{reason, ruleId: 'read', source: 'designlint', fatal: true}]}, cwd)
}
