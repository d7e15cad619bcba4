/** The order reporters show findings in: by place, then by rule. */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || String(a.ruleId).localeCompare(String(b.ruleId))
}

/** A file's messages in document order. */
export function sortedMessages(file: VFile): VFileMessage[] {
  return [...file.messages].sort(byPlace)
}
