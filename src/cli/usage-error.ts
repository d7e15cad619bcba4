/** A wrong command line: exit 2 with one line. */
export class UsageError extends Error {
  override name = 'UsageError'
}
