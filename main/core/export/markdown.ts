import type { Excerpt, ExcerptSet } from './excerpts.js'

// Annotated excerpts as Markdown: a heading per group, each excerpt a block quote followed by its
// citation, tags and note. Plain enough to paste into a paper's draft.

/** Escapes characters that would start Markdown syntax at the beginning of a quoted line. */
function quoteLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line.replace(/^([#>*+-]|\d+\.)(\s)/, '\\$1$2')}`.trimEnd())
    .join('\n')
}

function excerptBlock(e: Excerpt, set: ExcerptSet): string {
  const body = set.context ? `${e.before}**${e.quote}**${e.after}` : e.quote
  const lines = [quoteLines(body), '', `— ${e.citation}`]
  if (e.tags.length) lines.push('', `Tags: ${e.tags.map((t) => t.name).join(', ')}`)
  if (set.notes && e.note) lines.push('', `Note: ${e.note.trim()}`)
  return lines.join('\n')
}

/** The Markdown export of an excerpt set. */
export function excerptsToMarkdown(set: ExcerptSet): string {
  const out = [`# ${set.title}`, '', `_${set.description}_`, '']
  for (const group of set.groups) {
    out.push(`## ${group.heading}`, '')
    for (const e of group.excerpts) out.push(excerptBlock(e, set), '')
  }
  if (set.groups.length === 0) out.push('No annotations match this selection.', '')
  return out.join('\n')
}
