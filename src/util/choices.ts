/**
 * Choice lists: how templates write allowed values (`Draft | Review`,
 * `{S / M / L}`), and whether a value holds exactly one of them.
 */
import {closest} from './similarity.js'

/** A list of allowed values: `Draft | Review | Approved`, `{S / M / L}`. */
export interface ChoiceList {
  values: string[]
  /** Ends in "etc": any value is accepted. */
  open: boolean
}

const choiceWord = /^[A-Za-z][A-Za-z -]{0,24}$/

/**
 * A list of choices, as templates write them: `A | B | C`, `A/B/C`,
 * `{A / B / C}`, `(A / B / C)`, `{A, B, C}` (single words, three or more).
 * A list ending in "etc" is open. Square brackets describe rather than list
 * (`[Technology/Pattern]`), and so does anything with digits (`{4xx/5xx}`).
 */
export function parseChoices(text: string): ChoiceList | undefined {
  let value = text.trim()
  if (value.startsWith('[')) {
    // Only an open list is read from square brackets ("[REST/gRPC/etc]").
    const inner = value.replace(/^\[|\]$/g, '')
    const parts = inner.split('/').map((part) => part.trim())
    if (parts.length > 1 && /^etc\.?$/i.test(parts[parts.length - 1])) return {values: parts.slice(0, -1), open: true}
    return undefined
  }
  const wrapped = /^[{(](.*)[})]$/.exec(value)
  if (wrapped) value = wrapped[1].trim()
  // "Yes / No — migration plan": the choices come before the dash.
  value = value.split(/\s+[—–]\s+/)[0]
  let parts: string[]
  if (value.includes('|')) parts = value.split('|')
  else if (value.includes('/') && !value.includes(',')) {
    parts = value.split('/')
    // In brackets, "{team/person}" describes; "{H/M/L}" and "{off / on}" list.
    if (wrapped && !/\s\/\s/.test(value) && parts.some((part) => part.trim().length > 3)) return undefined
  } else if (wrapped && value.includes(',') && !value.includes('/')) {
    parts = value.split(',')
    const trimmed = parts.map((part) => part.trim()).filter(Boolean)
    const open = /^etc\.?$/i.test(trimmed[trimmed.length - 1] ?? '')
    if (open) return {values: trimmed.slice(0, -1), open: true}
    if (trimmed.length < 3 || trimmed.some((part) => /\s/.test(part))) return undefined
  } else return undefined
  const values = parts.map((part) => part.trim()).filter(Boolean)
  if (values.length < 2) return undefined
  const open = /^etc\.?$/i.test(values[values.length - 1])
  if (open) return {values: values.slice(0, -1), open: true}
  if (!values.every((part) => choiceWord.test(part) && part.split(/\s+/).length <= 3)) return undefined
  return {values, open: false}
}

/**
 * Whether a value is one of the choices, case-insensitive: the value, or its
 * first word, starts with a choice ("Medium" for "Med", "High" for "H",
 * "Yes — with a migration plan" for "Yes").
 */
export function matchesChoice(value: string, choices: ChoiceList): boolean {
  if (choices.open) return true
  const wanted = value.trim().toLowerCase()
  return choices.values.some((choice) => {
    const lower = choice.toLowerCase()
    if (wanted === lower) return true
    if (wanted.startsWith(lower) && /^[^a-z0-9]/.test(wanted.slice(lower.length))) return true
    const first = wanted.split(/[\s—–,;:(]+/)[0]
    return first.startsWith(lower) && !lower.includes(' ')
  })
}

/** Whether a value holds several of the choices ("Draft | Review"). */
export function severalChoices(value: string, choices: ChoiceList): boolean {
  const parts = value.split(/\s*[|/,]\s*|\s+or\s+/i).filter(Boolean)
  if (parts.length < 2) return false
  return parts.filter((part) => choices.values.some((choice) => choice.toLowerCase() === part.toLowerCase())).length >= 2
}

export type ChoiceJudgement =
  | {kind: 'ok'}
  /** Several of the choices in one value ("Draft | Review"). */
  | {kind: 'several'; expected: string[]}
  /** Something else; `expected` is the closest choice, or all of them. */
  | {kind: 'other'; suggestion?: string; expected: string[]}

/** Whether a value holds exactly one of the choices, and what to offer if not. */
export function judgeChoice(value: string, choices: ChoiceList): ChoiceJudgement {
  if (severalChoices(value, choices)) return {kind: 'several', expected: choices.values}
  if (matchesChoice(value, choices)) return {kind: 'ok'}
  const suggestion = closest(value, choices.values)
  return suggestion ? {kind: 'other', suggestion, expected: [suggestion]} : {kind: 'other', expected: choices.values}
}

/** `"A", "B" or "C"`, for messages. */
export function listChoices(values: string[]): string {
  if (values.length === 1) return `"${values[0]}"`
  return (
    values
      .slice(0, -1)
      .map((value) => `"${value}"`)
      .join(', ') + ` or "${values[values.length - 1]}"`
  )
}
