// Paragraphs rebuilt from the printed lines of a PDF. A PDF's text layer is lines placed on a
// page; a reader's paragraph is several of them, and a quote often crosses a line end. Here:
// - running headers and footers (the same first or last line on many pages, page numbers
//   counted as the same) are dropped, and returned so the importer can say so;
// - a line starts a new paragraph after a blank line, a wider gap than the page's usual line
//   spacing, a change of type size (a heading), or a line that stops well short of the text's
//   right edge (the last line of a paragraph, a byline); list items start their own line;
// - the lines of a paragraph are joined with a space, and a word hyphenated at a line end
//   ("produc-" + "tive") is mended when the next line goes on in lower case;
// - a paragraph cut by a page break (no final punctuation, the next page going on in lower case)
//   is joined across it.
// Positions in the stored text are those of the rebuilt text; nothing else is changed.

/** One printed line: its text, left and right edges, baseline and type size (PDF units). */
export interface PdfLine {
  text: string
  x0: number
  x1: number
  y: number
  size: number
}

/**
 * A first or last line of a page is a running header or footer when it recurs, digits aside, on at
 * least this share of the pages (and on three pages at least): chapter titles and page numbers
 * repeat on most pages, while a text's own line is rarely the same on a third of them.
 */
const RUNNING_SHARE = 0.5
const RUNNING_MIN_PAGES = 3
/** A gap this many times the page's usual line spacing separates paragraphs (1.4: above 1.15–1.3 leading, below a blank line). */
const PARAGRAPH_GAP = 1.4
/** A line ending before this share of the text's right edge ends its paragraph (ragged lines reach 0.85–1). */
const SHORT_LINE = 0.8
/** A type size differing by more than this share marks a heading. */
const SIZE_CHANGE = 0.15

const key = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Lines recurring at the top or bottom of pages (their normalised text). */
function runningLines(pages: readonly PdfLine[][]): Set<string> {
  const counts = new Map<string, number>()
  for (const lines of pages) {
    const content = lines.filter((l) => l.text.trim())
    const ends = new Set(
      [content[0], content[1], content[content.length - 2], content[content.length - 1]].filter(Boolean).map((l) => key(l!.text)),
    )
    for (const k of ends) counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const needed = Math.max(RUNNING_MIN_PAGES, Math.ceil(pages.length * RUNNING_SHARE))
  return new Set([...counts].filter(([k, n]) => k && n >= needed).map(([k]) => k))
}

const LIST_ITEM = /^\s*([-•–*▪◦]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s/

/** Joins the lines of one paragraph: spaces between, hyphenated words mended. */
function joinLines(lines: readonly string[]): string {
  let out = ''
  for (const raw of lines) {
    const line = raw.trim()
    if (!out) out = line
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line)) out = out.slice(0, -1) + line
    else out += ' ' + line
  }
  return out
}

/** The text of a PDF's pages as paragraphs separated by blank lines, and the running lines dropped. */
export function rebuildParagraphs(pages: readonly PdfLine[][]): { text: string; dropped: string[] } {
  const running = pages.length >= RUNNING_MIN_PAGES ? runningLines(pages) : new Set<string>()
  const dropped = new Map<string, string>()
  const paragraphs: string[] = []
  // The text's width, over the whole document (a page may hold only a paragraph's end): from the
  // leftmost line start to where most full lines end (the 90th percentile of line ends).
  const body = pages.flat().filter((l) => l.text.trim() && !running.has(key(l.text)))
  const ends = body.map((l) => l.x1).sort((a, b) => a - b)
  const rightEdge = ends.length ? ends[Math.min(ends.length - 1, Math.floor(ends.length * 0.9))] : 0
  const leftEdge = Math.min(...body.map((l) => l.x0), Infinity)
  const measure = rightEdge - leftEdge
  // The usual line spacing, over the whole document: the most common gap between consecutive lines.
  const gaps: number[] = []
  for (const lines of pages)
    for (let i = 1; i < lines.length; i++) {
      const g = lines[i - 1].y - lines[i].y
      if (lines[i].text.trim() && lines[i - 1].text.trim() && g > 0) gaps.push(g)
    }
  const spacing = median(gaps)
  let continues = false // the last paragraph of the previous page may go on
  for (const all of pages) {
    // Headers and footers: only among the first two and last two lines of the page.
    const content = all.filter((l) => l.text.trim())
    const edge = new Set([content[0], content[1], content[content.length - 2], content[content.length - 1]].filter(Boolean))
    const lines = all.filter((l) => {
      if (!l.text.trim() || !edge.has(l) || !running.has(key(l.text))) return true
      if (!dropped.has(key(l.text))) dropped.set(key(l.text), l.text.trim())
      return false
    })
    let current: string[] = []
    let first = true
    const end = () => {
      if (current.length === 0) return
      const text = joinLines(current)
      if (first && continues && paragraphs.length && /^\p{Ll}/u.test(text))
        paragraphs[paragraphs.length - 1] = joinLines([paragraphs[paragraphs.length - 1], text])
      else paragraphs.push(text)
      first = false
      current = []
    }
    let previous: PdfLine | null = null
    for (const line of lines) {
      if (!line.text.trim()) {
        end()
        previous = null
        continue
      }
      if (previous) {
        const gap = previous.y - line.y
        const wide = spacing > 0 && gap > spacing * PARAGRAPH_GAP
        const resized = Math.abs(line.size - previous.size) > SIZE_CHANGE * Math.max(line.size, previous.size)
        const short = measure > 0 && previous.x1 - leftEdge < measure * SHORT_LINE
        if (wide || resized || short || gap < 0 || LIST_ITEM.test(line.text)) end()
      }
      current.push(line.text)
      previous = line
    }
    const last = current.length ? joinLines(current) : ''
    end()
    continues = !!last && !/[.!?:;"”’)\]]$/.test(last)
  }
  return { text: paragraphs.join('\n\n'), dropped: [...dropped.values()] }
}
