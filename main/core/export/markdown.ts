import { type Excerpt, type ExcerptSet, ORPHAN_LABEL } from './excerpts.js'
import { escapeIndent, escapeMarkdown, noteToMarkdown } from './note.js'
import { type FacetTable, facetTableToMarkdown } from '../definitions/facet-table.js'

// Annotated excerpts as Markdown: a heading per group with its tag's or document's memo, each
// excerpt a block quote followed by its citation, tags and note; then the other memos. Plain enough to paste into a paper's draft. Everything from the data is
// text: quotes, titles and tag names are escaped (escapeMarkdown), and notes are written back from
// their parsed form with raw HTML and unsafe links escaped (noteToMarkdown), so a CommonMark
// renderer shows what the reader wrote and nothing else.

/** Text as the lines of a block quote, each escaped (its indent too: escapeIndent). */
function quoteLines(text: string): string {
  return escapeMarkdown(text.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line) => `> ${escapeIndent(line)}`.trimEnd())
    .join('\n')
}

/** Each line of a Markdown block prefixed for a block quote (a note under its excerpt). */
function indentNote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n')
}

/**
 * Text strong (bold), escaped, line by line: emphasis reaches over no line break into another
 * paragraph, and a quote of two paragraphs framed whole showed its asterisks (a tester). The white
 * space at each line's ends is left outside the marks, where "**" would not open or close them.
 */
function strongLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const [, lead, words, trail] = /^(\s*)(.*?)(\s*)$/.exec(line)!
      return words ? `${lead}**${escapeMarkdown(words)}**${trail}` : line
    })
    .join('\n')
}

function excerptBlock(e: Excerpt, set: ExcerptSet): string {
  const orphan = e.status === 'orphan'
  // Context around the quote strong, so the quote's own text is escaped piece by piece (and each
  // line's indent after the pieces are put together: escapeIndent).
  const body =
    set.context && !orphan ? `${escapeMarkdown(e.before)}${strongLines(e.quote.replace(/\r\n?/g, '\n'))}${escapeMarkdown(e.after)}` : null
  const lines = [
    body !== null
      ? body
          .split('\n')
          .map((l) => `> ${escapeIndent(l)}`.trimEnd())
          .join('\n')
      : quoteLines(e.quote),
    '',
    `— ${escapeMarkdown(e.citation)}`,
  ]
  if (orphan) lines.push('', `_${escapeMarkdown(ORPHAN_LABEL)}_`)
  if (e.tags.length) lines.push('', `Tags: ${e.tags.map((t) => escapeMarkdown(t.name)).join(', ')}`)
  if (set.notes && e.note.trim()) {
    const note = noteToMarkdown(e.note)
    // One paragraph follows "Note:" on its line; a longer note is set off as a block quote.
    if (note.includes('\n\n') || /^[>\-*0-9`]/.test(note)) lines.push('', 'Note:', '', indentNote(note))
    else lines.push('', `Note: ${note}`)
  }
  return lines.join('\n')
}

/** A memo under its heading: labelled, set off as a block quote (its own headings stay inside it). */
function memoBlock(memo: string): string {
  return ['Memo:', '', indentNote(noteToMarkdown(memo))].join('\n')
}

/** The Markdown export of an excerpt set; with `facets`, the section "How the authors define X" after the excerpts. */
export function excerptsToMarkdown(set: ExcerptSet, facets?: FacetTable): string {
  const out = [`# ${escapeMarkdown(set.title)}`, '', `_${escapeMarkdown(set.description)}_`, '']
  for (const group of set.groups) {
    out.push(`## ${escapeMarkdown(group.heading)}`, '')
    if (group.memo) out.push(memoBlock(group.memo), '')
    for (const e of group.excerpts) out.push(excerptBlock(e, set), '')
  }
  if (set.groups.length === 0) out.push('No annotations match this selection.', '')
  if (set.memos.length) {
    out.push('## Memos', '')
    for (const m of set.memos) out.push(`### ${escapeMarkdown(m.heading)} (${m.kind})`, '', memoBlock(m.memo), '')
  }
  if (facets) out.push(facetTableToMarkdown(facets))
  return out.join('\n')
}
