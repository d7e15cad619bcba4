/**
 * Where TeX math is in Markdown source. Neither parse path reads math, so
 * its braces and brackets (`$a_{i}$`, `$$\frac{n}{d}$$`) would read as text;
 * rules that read prose skip these spans.
 */

/**
 * The spans of TeX math in Markdown source, as `[start, end)` offsets:
 * `$$ … $$` (over lines too) and `$…$` on one line. A `$` before a digit or a
 * space opens none ("costs $5 and $10").
 */
export function mathSpans(source: string): Array<[number, number]> {
  if (!source.includes('$')) return []
  const spans: Array<[number, number]> = []
  for (const match of source.matchAll(/\$\$[\s\S]+?\$\$|\$(?![\s\d$])[^$\n]+?(?<![\s\\])\$(?!\d)/g)) {
    spans.push([match.index, match.index + match[0].length])
  }
  return spans
}
