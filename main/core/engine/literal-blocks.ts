// reStructuredText's literal blocks: what a text written for Sphinx, a Python package's README or
// the AWS CLI's examples prints as code. A paragraph that ends with "::" ("Command::", "The
// following command returns the settings for ``Trail1``::", or "::" alone) introduces one; so
// does a code directive (".. code-block:: bash"). The block is the lines after it, past a blank
// line, indented further than the line that introduced it, up to the first line that is not.
// Markdown writes the same between fences (nonwords.ts FENCE), and the engine reads both as code:
// words two passages share there are no words of a claim (nonwords.ts). Read as prose, two AWS
// examples' command lines, "aws cloudtrail get-event-selectors --trail-name Trail1" and "aws
// cloudtrail get-trail-status --name Trail1", were a paraphrase (a tester of the AWS CLI's
// examples: none when the same files fenced their blocks as Markdown).

/**
 * A line that introduces a literal block (see above): its indentation (group 1), then text ending
 * with "::", or a code directive. Trailing spaces and a carriage return allowed.
 */
const OPENER = /^([ \t]*)(?:\S[^\n]*?::|\.\.[ \t]+(?:code-block|code|sourcecode|parsed-literal)::[^\n]*?)[ \t]*\r?$/gm

/** Columns a tab advances to, as reStructuredText reads indentation. */
const TAB_STOP = 8

/** The indentation of the line from offset `at` in columns, or -1 when the line holds only white space. */
function indentAt(text: string, at: number): number {
  let columns = 0
  for (let k = at; k < text.length; k++) {
    const c = text[k]
    if (c === ' ') columns++
    else if (c === '\t') columns += TAB_STOP - (columns % TAB_STOP)
    else return c === '\n' || c === '\r' ? -1 : columns
  }
  return -1
}

/**
 * The literal blocks of a text (see above) as sorted, disjoint [start, end) ranges of its offsets:
 * from the start of a block's first line that holds anything to the end of its last one.
 */
export function literalBlocks(text: string): number[] {
  const blocks: number[] = []
  // Most texts have none: told by a native search before the pattern.
  if (!text.includes('::')) return blocks
  OPENER.lastIndex = 0
  for (let line = OPENER.exec(text); line; line = OPENER.exec(text)) {
    const indent = indentAt(text, line.index)
    let at = text.indexOf('\n', line.index)
    // A blank line after the one that introduces it, then the indented lines.
    if (at < 0 || indentAt(text, at + 1) >= 0) continue
    let start = -1
    let end = -1
    while (at >= 0 && at + 1 < text.length) {
      const from = at + 1
      const own = indentAt(text, from)
      const next = text.indexOf('\n', from)
      if (own >= 0) {
        if (own <= indent) break
        if (start < 0) start = from
        end = next < 0 ? text.length : text[next - 1] === '\r' ? next - 1 : next
      }
      at = next
    }
    if (start < 0) continue
    blocks.push(start, end)
    OPENER.lastIndex = end
  }
  return blocks
}
