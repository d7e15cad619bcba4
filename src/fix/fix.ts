/**
 * `--fix`: lint, apply the certain edits, lint again, until nothing changes
 * (at most {@link maxPasses} passes). The language server's quick fixes are
 * each finding's own edit ({@link editOf}: its `expected` at its `place`),
 * the one `--fix` applies.
 */
import {applyEdits, certainEdits, type Edit, type FixableMessage} from './edits.js'

export {applyEdits, certainEdits, certainFixes, editOf, isCertain, type Edit, type FixableMessage} from './edits.js'

/** Passes after which fixing stops, whatever is left. */
export const maxPasses = 10

export interface FixResult<Message> {
  /** The fixed text (the text given when nothing was certain). */
  text: string
  /** The edits applied, pass by pass. */
  applied: Edit[]
  /** Lint passes that changed the text. */
  passes: number
  /** The findings of the fixed text: what is left for the author. */
  messages: Message[]
}

/**
 * Fix a document: `lint` gives the findings of a text; each pass applies
 * the certain edits of the last findings, and the findings of the result
 * are those returned.
 */
export function fixText<Message extends FixableMessage>(text: string, lint: (text: string) => Message[]): FixResult<Message> {
  let current = text
  let messages = lint(current)
  const applied: Edit[] = []
  let passes = 0
  while (passes < maxPasses) {
    const edits = certainEdits(messages, current)
    if (edits.length === 0) break
    const next = applyEdits(current, edits)
    if (next === current) break
    applied.push(...edits)
    passes++
    current = next
    messages = lint(current)
  }
  return {text: current, applied, passes, messages}
}
