/**
 * A reader that stops early (`designlint … | head`) closes the pipe: the rest
 * of the output goes nowhere, and the run ends with its own exit code, not
 * an EPIPE stack trace. Both the CLI's streams (src/cli/bin.ts) and a
 * replay's fallback to them (src/run/run-record.ts) are guarded so.
 */
export function endQuietlyWhenClosed(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    stream.write = (() => true) as typeof stream.write
  })
}
