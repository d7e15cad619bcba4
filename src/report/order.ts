/**
 * The order reporters show findings in: vfile-sort's, the one vfile-reporter
 * uses (by line and column, errors before warnings before info at one place,
 * then by source, rule and reason).
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {compareMessage} from 'vfile-sort'

/** A file's messages in document order. */
export function sortedMessages(file: VFile): VFileMessage[] {
  return [...file.messages].sort(compareMessage)
}
