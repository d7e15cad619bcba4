/**
 * The one error base class: a problem the user can fix (a wrong option, a
 * config or template that cannot be read, a file that exists already),
 * explained in one line. The CLI prints its message and exits 2; any other
 * error is an internal error.
 */
export class DesignlintError extends Error {
  override name = 'DesignlintError'
}

/** A wrong command line. */
export class UsageError extends DesignlintError {
  override name = 'UsageError'
}
