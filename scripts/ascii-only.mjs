/**
 * Make a bundled script pure ASCII, with the same meaning: V8 keeps a source
 * with any character beyond ASCII as a two-byte string, and Node reads the
 * CLI's 2 MB script in 9–11 ms that way, against 5 ms as ASCII. esbuild's
 * ASCII charset escapes strings, templates and names, but leaves regular
 * expression literals (ours and markdown-it's) and the comments it keeps.
 *
 * Each character left is escaped by the kind of token it is in, which acorn
 * tells: in a regular expression, `\uXXXX` (`\u{…}` with the `u` or `v`
 * flag), which matches what the character matched; in a comment, the same
 * escape, which means nothing there; in a string, `\uXXXX`. Anywhere else (a
 * template, whose raw text a tag may read, or a name) the build fails and
 * says where, to be written as an escape in the source.
 */
import {parse} from 'acorn'

/** The escape of one UTF-16 code unit. */
const unitEscape = (unit) => `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`

/**
 * The escape of a character: one `\u{…}` in a regular expression's Unicode
 * mode, else its UTF-16 code units (`\uXXXX`), which a string, a comment or
 * any other regular expression reads as the character.
 */
function escapeOf(character, unicodeMode) {
  if (unicodeMode) return `\\u{${character.codePointAt(0).toString(16).toUpperCase()}}`
  return [...Array(character.length).keys()].map((index) => unitEscape(character.charCodeAt(index))).join('')
}

/** Spans of `code` by kind: regular expressions (with their flags), strings and comments, in source order. */
function spansOf(code) {
  const spans = []
  parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    onComment: (_block, _text, start, end) => spans.push({kind: 'comment', start, end}),
    onToken: (token) => {
      if (token.type.label === 'regexp') spans.push({kind: 'regexp', start: token.start, end: token.end, flags: token.value.flags})
      else if (token.type.label === 'string') spans.push({kind: 'string', start: token.start, end: token.end})
    },
  })
  return spans.sort((a, b) => a.start - b.start)
}

/** The line of a position, for the error. */
const lineOf = (code, index) => code.slice(0, index).split('\n').length

/** `code` with every character beyond ASCII escaped by its token (see above); throws where it cannot be. */
export function asciiOnly(code, file) {
  if (!/[^\0-\x7f]/.test(code)) return code
  const spans = spansOf(code)
  let span = 0
  let output = ''
  let last = 0
  for (const match of code.matchAll(/[^\0-\x7f]/gu)) {
    const index = match.index
    while (span < spans.length && spans[span].end <= index) span++
    const around = spans[span] && spans[span].start <= index ? spans[span] : undefined
    if (!around) throw new Error(`${file}:${lineOf(code, index)}: "${match[0]}" outside a string, regular expression or comment: write it as an escape in the source`)
    const escaped = escapeOf(match[0], around.kind === 'regexp' && /[uv]/.test(around.flags))
    // An identity escape of the character (`\’` in a regular expression or a string) is the character: the escape replaces both.
    const backslashes = /\\*$/.exec(code.slice(around.start, index))[0].length
    output += code.slice(last, index - (backslashes % 2)) + escaped
    last = index + match[0].length
  }
  return output + code.slice(last)
}
