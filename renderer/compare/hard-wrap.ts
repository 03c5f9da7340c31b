// Text wrapped at its lines by hand or by a program (licences, Project Gutenberg's books, manual
// pages, e-mail, OCR output): which of its lines go on in the next one, so that a pane shows each
// paragraph as one, flowing to the pane's width. Shown a line to a paragraph, such a text read as
// half-empty lines with a paragraph's space after each (a tester of GNU licences: LGPL 2.1 in 459
// paragraphs). Pure (no DOM), tested alone; doc-model.ts builds the paragraphs.

/**
 * Widest, and narrowest, that the lines of a hard-wrapped text are (WRAP_PERCENTILE of its
 * lines). Programs and people wrap at 60 to 80 columns (the GPL at 72-76, Project Gutenberg at
 * 70, manual pages at 78 or the terminal's width); a text whose lines are longer is written a
 * paragraph to a line (the bundled articles), and one whose lines are shorter is verse, a list or
 * code, whose lines are its own.
 */
export const MAX_WRAP_WIDTH = 100
export const MIN_WRAP_WIDTH = 50

/** The share of a text's lines at most as long as its wrap width: its full lines, not its longest one (a URL, a table's row). */
export const WRAP_PERCENTILE = 0.9

/**
 * Share of the wrap width from which a line is full, and its paragraph goes on in the next line.
 * A program wraps before the word that would pass the width, so a full line ends within a long
 * word's length of it (a quarter of 72 columns is 18 characters); a paragraph's last line is
 * usually shorter, and a short line is a heading, a list's item, a line of verse or of an address.
 */
export const FULL_LINE_SHARE = 0.75

/** A line that starts an item of a list ("- ", "* ", "• ", "1. ", "(a) ", "a) "), a table's row or a Markdown heading or quotation. */
const STARTS_ITEM = /^\s*(?:[-*+•◦‣]\s|\d{1,3}[.)]\s|\(?[a-zA-Z0-9]{1,3}\)\s|[|#>])/
/** A Markdown code fence, whose lines are kept as they are. */
const FENCE = /^\s*(?:```|~~~)/

/**
 * How a line of program code ends: a statement's semicolon, a block's brace, a continued line's
 * backslash, an open bracket, an assignment or a pipe left open (shell scripts, C, configuration).
 */
const CODE_LINE_END = /(?:[;{}\\([=|&]|\b(?:then|do|else))$/

/**
 * Share of a text's lines that end as code (CODE_LINE_END) from which the text is a program, whose
 * lines are its own: flowed as prose, /usr/bin/apt-key (a shell script an import named without
 * an ending takes in) ran 97 pairs of its lines together (a reviewer). A licence or a manual page
 * has a line or two ending so in a hundred.
 */
export const CODE_LINE_SHARE = 0.1

/** Columns of a line's indentation (its leading spaces and tabs, a tab one column). */
function indentOf(line: string): number {
  return line.length - line.trimStart().length
}

/**
 * For each line of a text (split at its line feeds; a carriage return before one is not part of
 * the line), whether it goes on in the next line: both hold words, the text is hard-wrapped
 * (MIN_WRAP_WIDTH to MAX_WRAP_WIDTH), the line is full (FULL_LINE_SHARE of the width), and the
 * next is indented as it is (or less, where the line opens its paragraph with an indent of its
 * own), starts no item of a list, and no code fence is open; none in a program (CODE_LINE_SHARE).
 */
export function wrappedLines(lines: readonly string[]): boolean[] {
  const goesOn = new Array<boolean>(lines.length).fill(false)
  const widths = lines.map((l) => l.trimEnd().length).filter((n) => n > 0)
  if (widths.length < 2) return goesOn
  const codeLines = lines.reduce((n, l) => n + (CODE_LINE_END.test(l.trimEnd()) ? 1 : 0), 0)
  if (codeLines >= CODE_LINE_SHARE * widths.length) return goesOn
  widths.sort((a, b) => a - b)
  const width = widths[Math.min(widths.length - 1, Math.floor(WRAP_PERCENTILE * widths.length))]
  if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) return goesOn
  let fenced = false
  let opens = true
  for (let k = 0; k + 1 < lines.length; k++) {
    const line = lines[k].trimEnd()
    if (FENCE.test(line)) fenced = !fenced
    const next = lines[k + 1].trimEnd()
    if (!line.trim() || fenced) {
      opens = true
      continue
    }
    const indent = indentOf(line)
    const nextIndent = indentOf(next)
    goesOn[k] =
      next.trim().length > 0 &&
      line.length >= FULL_LINE_SHARE * width &&
      (nextIndent === indent || (opens && nextIndent < indent)) &&
      !STARTS_ITEM.test(next) &&
      !FENCE.test(next)
    opens = !goesOn[k]
  }
  return goesOn
}
