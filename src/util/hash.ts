/**
 * Hex digests, with node:crypto loaded on first use: it takes 3–5 ms to load
 * (twenty of Node's own modules), and a run that hashes nothing (one
 * document without `--cache`) does not load it at all.
 */
import {createRequire} from 'node:module'

type Crypto = typeof import('node:crypto')
let crypto: Crypto | undefined

/** The digest of `data` (a string as UTF-8) in hex. */
export function hexDigest(algorithm: 'sha1' | 'md5', data: string | Uint8Array): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto
  return crypto.createHash(algorithm).update(data).digest('hex')
}
