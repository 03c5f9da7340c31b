import { type Excerpt, type ExcerptSet, ORPHAN_LABEL } from './excerpts.js'
import { safeColour, type Tag } from '../annotations/codebook.js'
import { noteToHtml } from './note.js'
import { columnName, type FacetTable } from '../definitions/facet-table.js'

// Annotated excerpts as one self-contained HTML page (each group's memo under its heading, the
// other memos in a closing section): no scripts, no external resources, styles
// inline, tag colours as swatches and excerpt borders, print rules for paper (A4 and Letter). The
// PDF export prints exactly this page (Chromium's page.pdf from the CLI and web host; Electron
// would call webContents.printToPDF on the same HTML).

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function excerptHtml(e: Excerpt, set: ExcerptSet, groupTag: Tag | undefined): string {
  const border = safeColour(groupTag ?? e.tags[0])
  const orphan = e.status === 'orphan'
  const quote =
    set.context && !orphan
      ? `<span class="context">${escapeHtml(e.before)}</span><mark style="background:${border}33">${escapeHtml(e.quote)}</mark><span class="context">${escapeHtml(e.after)}</span>`
      : escapeHtml(e.quote)
  const tags = e.tags.length
    ? `<p class="tags">${e.tags.map((t) => `<span class="tag"><span class="swatch" style="background:${safeColour(t)}"></span>${escapeHtml(t.name)}</span>`).join(' ')}</p>`
    : ''
  const note = set.notes && e.note.trim() ? `<div class="note"><span class="label">Note</span>${noteToHtml(e.note)}</div>` : ''
  const mark = orphan ? `<p class="orphan">${escapeHtml(ORPHAN_LABEL)}</p>\n` : ''
  return `<article class="excerpt${orphan ? ' orphaned' : ''}" id="${escapeHtml(e.id)}">
<blockquote style="border-left-color:${orphan ? '#999999' : border}">${quote.replace(/\n/g, '<br>')}</blockquote>
<p class="citation">${escapeHtml(e.citation)}</p>
${mark}${tags}${note}</article>`
}

/** A tag's or document's memo under its heading ('' for none). */
function memoHtml(memo: string): string {
  return memo ? `<div class="memo"><span class="label">Memo</span>${noteToHtml(memo)}</div>\n` : ''
}

/** The section "How the authors define X": the facet × author matrix, then the shared quotations. */
export function facetTableHtml(table: FacetTable): string {
  const head = `<tr><th scope="col">Element</th>${table.columns.map((d) => `<th scope="col">${escapeHtml(columnName(d))}</th>`).join('')}</tr>`
  const rows = table.rows.map((r) => {
    const cells = r.cells.map((words, c) => {
      if (words.length === 0) return '<td class="missing" title="Leaves this element out">—</td>'
      const quoting = r.quoting[c].length ? ` <span class="quoting">(quoting ${escapeHtml(r.quoting[c].join(', '))})</span>` : ''
      const first = c === r.first ? ' <span class="first">first</span>' : ''
      return `<td>${words.map((w) => `<p>“${escapeHtml(w)}”</p>`).join('')}${quoting}${first}</td>`
    })
    return `<tr><th scope="row">${escapeHtml(r.label)}</th>${cells.join('')}</tr>`
  })
  const quotations = table.quotations
    .filter((q) => q.columns.length > 1)
    .map(
      (q) =>
        `<li>${escapeHtml(q.speaker)}: “${escapeHtml(q.text)}”, quoted by ${q.columns.map((c) => escapeHtml(columnName(table.columns[c]))).join(', ')}.</li>`,
    )
  const matrix = table.rows.length
    ? `<div class="facets-wrap"><table class="facets"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>
<p class="legend">— : the author leaves the element out. <span class="first">first</span>: the earliest dated use.</p>`
    : '<p class="empty">No element of the definitions is shared by two authors.</p>'
  return `<section class="definitions">
<h2>${escapeHtml(table.title)}</h2>
${matrix}${quotations.length ? `\n<ul class="quotations">${quotations.join('')}</ul>` : ''}
</section>`
}

const STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, "DejaVu Serif", "Times New Roman", serif; color: #1d1d1f; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.5rem; }
header h1 { font: 600 1.6rem/1.25 system-ui, "DejaVu Sans", sans-serif; margin: 0 0 .25rem; }
header p { color: #555; margin: 0 0 2rem; font-style: italic; }
h2 { font: 600 1.15rem/1.3 system-ui, "DejaVu Sans", sans-serif; margin: 2rem 0 1rem; padding-bottom: .25rem; border-bottom: 1px solid #ddd; display: flex; align-items: center; gap: .5rem; }
h2 .swatch { width: .9rem; height: .9rem; }
.excerpt { margin: 0 0 1.5rem; break-inside: avoid; page-break-inside: avoid; }
blockquote { margin: 0; padding: .25rem 0 .25rem 1rem; border-left: 4px solid #888; font-size: 1.05em; }
.context { color: #6b6b6b; }
mark { color: inherit; padding: 0 .1em; }
.citation { margin: .35rem 0 0 1.25rem; font: .85rem/1.4 system-ui, "DejaVu Sans", sans-serif; color: #444; }
.tags { margin: .35rem 0 0 1.25rem; font: .8rem/1.4 system-ui, "DejaVu Sans", sans-serif; }
.tag { display: inline-flex; align-items: center; gap: .3rem; margin-right: .6rem; }
.swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: 2px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.note { margin: .5rem 0 0 1.25rem; padding: .4rem .75rem; background: #f6f6f4; border-radius: 4px; font: .9rem/1.45 system-ui, "DejaVu Sans", sans-serif; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.note p, .note ul, .note ol, .note pre, .note blockquote { margin: .2rem 0; }
.note blockquote { border-left: 2px solid #ccc; padding-left: .5rem; }
.note code { font-size: .9em; }
.orphaned blockquote { border-left-style: dashed; color: #555; }
.orphan { margin: .35rem 0 0 1.25rem; font: italic .8rem/1.4 system-ui, "DejaVu Sans", sans-serif; color: #8a4b00; }
.note .label { font-weight: 600; font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: #666; }
.memo { margin: 0 0 1.25rem; padding: .5rem .85rem; border: 1px solid #ddd8cc; background: #fbfaf6; border-radius: 4px; font: .9rem/1.5 system-ui, "DejaVu Sans", sans-serif; break-inside: avoid; page-break-inside: avoid; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.memo p, .memo ul, .memo ol, .memo pre, .memo blockquote { margin: .25rem 0; }
.memo .label { font-weight: 600; font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: #666; }
.memos h3 { font: 600 1rem/1.3 system-ui, "DejaVu Sans", sans-serif; margin: 1.25rem 0 .5rem; }
.memos h3 .kind { font-weight: normal; color: #666; }
.empty { color: #666; }
.facets-wrap { overflow-x: auto; }
table.facets { border-collapse: collapse; font: .8rem/1.4 system-ui, "DejaVu Sans", sans-serif; }
table.facets th, table.facets td { border: 1px solid #ccc; padding: .3rem .4rem; vertical-align: top; text-align: left; }
table.facets td p { margin: 0 0 .3rem; font-family: Georgia, "DejaVu Serif", serif; }
table.facets .missing { color: #888; text-align: center; }
table.facets .quoting, .legend { color: #666; font-weight: normal; }
.first { font-weight: 600; color: #444; }
.legend { font: .8rem/1.4 system-ui, "DejaVu Sans", sans-serif; }
@media print { table.facets { break-inside: auto; } table.facets tr { break-inside: avoid; page-break-inside: avoid; } }
@page { margin: 18mm 16mm; }
@media print { body { margin: 0; max-width: none; padding: 0; } h2 { break-after: avoid; page-break-after: avoid; } }
`

/** The HTML export of an excerpt set: one self-contained, printable page; with `facets`, the section "How the authors define X" after the excerpts. */
export function excerptsToHtml(set: ExcerptSet, facets?: FacetTable): string {
  const body = set.groups
    .map((g) => {
      const swatch = g.tag ? `<span class="swatch" style="background:${safeColour(g.tag)}"></span>` : ''
      return `<section>\n<h2>${swatch}${escapeHtml(g.heading)}</h2>\n${memoHtml(g.memo)}${g.excerpts.map((e) => excerptHtml(e, set, g.tag)).join('\n')}\n</section>`
    })
    .join('\n')
  const memos = set.memos.length
    ? `<section class="memos">\n<h2>Memos</h2>\n${set.memos.map((m) => `<h3>${escapeHtml(m.heading)} <span class="kind">(${m.kind})</span></h3>\n${memoHtml(m.memo)}`).join('\n')}\n</section>`
    : ''
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(set.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(set.title)}</h1><p>${escapeHtml(set.description)}</p></header>
${body || '<p class="empty">No annotations match this selection.</p>'}
${memos}
${facets ? facetTableHtml(facets) : ''}
</body>
</html>
`
}
