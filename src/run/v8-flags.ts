/**
 * The V8 flags the command sets for a run over many documents
 * (src/run/check-files.ts), in its own process only: a library's user keeps
 * V8 as they set it up. They are set after the CLI is compiled, so V8's code
 * cache (src/cli/bin.ts) is checked against the flags it was written under,
 * and a one-document run (whose few functions these flags only delay: 15 ms)
 * keeps V8's defaults. The build's training run checks too few documents to
 * set them, so the cache it writes fits a plain start.
 */
import {createRequire} from 'node:module'

/**
 * V8 flags measured to make a cold run cheaper (bench/ANALYSIS.md). A run is
 * mostly V8 optimising code while it runs, and on two cores its compiler
 * threads take time from the main thread: 380 compiles, many of them again
 * after a deopt, cost as much CPU as the check. With only small functions
 * inlined (V8's limit is 460 bytes of bytecode), each compile is small and a
 * deopt throws away little; with a larger interrupt budget, a function is
 * optimised after more feedback, so it deopts less. On the RFC corpus: 204
 * compiles and 43 deopts where there were 384 and 138, a third less CPU and
 * 15–20% less wall time. Turning inlining off altogether gains as much cold
 * but loses a third of a warm pass; 30 bytes keeps the one-line helpers.
 */
export const compilerFlags = ['--max-inlined-bytecode-size=30', '--interrupt-budget=300000']

/**
 * The fewest documents to lint for which the flags are set. One document
 * loses 15 ms with them; the first 24 RFCs already gain (0.29 s against
 * 0.34 s, medians of 8 alternating runs), 80 gain 0.05 s, 639 about 0.4 s.
 */
export const tuningThreshold = 24

let tuned = false

/** Set {@link compilerFlags}, once, on the V8 they were measured on (11, Node 20); an other V8 keeps its defaults. */
export function tuneCompiler(): void {
  if (tuned || process.versions.v8.split('.')[0] !== '11') return
  tuned = true
  // node:v8 loads five of Node's modules: only a run that tunes loads it.
  const v8 = createRequire(import.meta.url)('node:v8') as typeof import('node:v8')
  for (const flag of compilerFlags) v8.setFlagsFromString(flag)
}
