/** `code` with every character beyond ASCII escaped by the token it is in (scripts/ascii-only.mjs); throws where it cannot be. */
export function asciiOnly(code: string, file: string): string
