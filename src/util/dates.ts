/** Dates as people write them in design docs: whether a value is a real calendar date. */

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** Why a value is not a date, or undefined when it is one. */
export function dateProblem(value: string, isoOnly: boolean): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (iso) return realDate(+iso[1], +iso[2], +iso[3]) ? undefined : 'expected a real calendar date (no such day)'
  if (isoOnly) return 'expected an ISO date YYYY-MM-DD, such as 2026-03-14'
  const text = value.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim()
  const monthIndex = (word: string) => months.findIndex((month) => word.length >= 3 && month.startsWith(word.replace(/\.$/, '')))
  let match = /^([a-z.]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(text)
  if (match && monthIndex(match[1]) !== -1) return check(+match[3], monthIndex(match[1]) + 1, +match[2])
  match = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z.]+) (\d{4})$/.exec(text)
  if (match && monthIndex(match[2]) !== -1) return check(+match[3], monthIndex(match[2]) + 1, +match[1])
  match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text)
  if (match) return check(+match[1], +match[2], +match[3])
  return 'expected a date such as 2026-03-14 or "March 14, 2026"'
}

function check(year: number, month: number, day: number): string | undefined {
  return realDate(year, month, day) ? undefined : 'expected a real calendar date (no such day)'
}

function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
