import MarkdownIt, { type Token } from 'markdown-it'

// Notes are Markdown written by the reader. They are rendered by one parser, markdown-it
// (CommonMark), configured so that nothing but what the reader wrote comes out: raw HTML is
// not recognised (it shows as the text it is), images are not loaded (their text is kept), links
// go only to http(s) and mailto addresses, nothing is turned into a link on its own. Every place
// that shows a note uses this module: the HTML and PDF exports (noteToHtml), DOCX (noteBlocks),
// the Markdown export (noteToMarkdown, which writes the note back as Markdown with the HTML
// escaped), and the app's views (noteBlocks, built into DOM nodes).

/** Link addresses a note may point to; anything else (javascript:, data:, file:, relative) stays text. */
const SAFE_LINK = /^(https?:\/\/|mailto:)/i

// breaks: a line break typed in a note is kept (notes are written in a plain text box).
const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false, breaks: true })
md.disable(['image', 'html_inline', 'html_block'])
md.validateLink = (url) => SAFE_LINK.test(url.trim())

/** A stretch of text in one style. `text` may be '\n' (a line break within the block). */
export interface NoteRun {
  text: string
  strong: boolean
  em: boolean
  code: boolean
  /** The link's address (http, https or mailto only). */
  href?: string
}

/** One block of a note, flattened: nesting is given by `indent` (lists) and `quote` (block quotes). */
export interface NoteBlock {
  kind: 'paragraph' | 'heading' | 'code' | 'rule'
  /** 1–6 for a heading, else 0. */
  level: number
  /** For the first block of a list item, its marker ("•" or "3."); '' otherwise. */
  marker: string
  /** List nesting depth (0 outside lists). */
  indent: number
  /** Block quote nesting depth. */
  quote: number
  /** The text (for a code block, one run holding the code). */
  runs: NoteRun[]
}

/** A note's Markdown as safe HTML (markdown-it's own renderer; raw HTML escaped, unsafe links left as text). */
export function noteToHtml(markdown: string): string {
  return md.render(markdown)
}

function inlineRuns(tokens: readonly Token[]): NoteRun[] {
  const runs: NoteRun[] = []
  let strong = 0
  let em = 0
  let href: string | undefined
  const push = (text: string, code = false) => {
    if (!text) return
    const last = runs[runs.length - 1]
    const run: NoteRun = { text, strong: strong > 0, em: em > 0, code }
    if (href) run.href = href
    const same = last && last.strong === run.strong && last.em === run.em && last.code === code && last.href === run.href
    if (same && last.text !== '\n' && text !== '\n') last.text += text
    else runs.push(run)
  }
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
        push(t.content)
        break
      case 'code_inline':
        push(t.content, true)
        break
      case 'softbreak':
      case 'hardbreak':
        push('\n')
        break
      case 'strong_open':
        strong++
        break
      case 'strong_close':
        strong--
        break
      case 'em_open':
        em++
        break
      case 'em_close':
        em--
        break
      case 'link_open':
        href = String(t.attrGet('href') ?? '') || undefined
        break
      case 'link_close':
        href = undefined
        break
      default:
        // Anything else a rule might produce is kept as its text.
        if (t.children?.length) runs.push(...inlineRuns(t.children))
        else push(t.content)
    }
  }
  return runs
}

/** A note as blocks of styled runs: for DOCX, and for views that build DOM nodes. */
export function noteBlocks(markdown: string): NoteBlock[] {
  const tokens = md.parse(markdown, {})
  const blocks: NoteBlock[] = []
  const lists: { ordered: boolean; next: number }[] = []
  let quote = 0
  let marker = ''
  let heading = 0
  const block = (kind: NoteBlock['kind'], runs: NoteRun[], level = 0) => {
    blocks.push({ kind, level, marker, indent: lists.length, quote, runs })
    marker = ''
  }
  for (const t of tokens) {
    switch (t.type) {
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 0 })
        break
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(t.attrGet('start') ?? 1) })
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        break
      case 'list_item_open': {
        const list = lists[lists.length - 1]
        marker = list?.ordered ? `${list.next++}.` : '•'
        break
      }
      case 'blockquote_open':
        quote++
        break
      case 'blockquote_close':
        quote--
        break
      case 'heading_open':
        heading = Number(t.tag.slice(1)) || 1
        break
      case 'heading_close':
        heading = 0
        break
      case 'inline':
        block(heading ? 'heading' : 'paragraph', inlineRuns(t.children ?? []), heading)
        break
      case 'fence':
      case 'code_block':
        block('code', [{ text: t.content.replace(/\n$/, ''), strong: false, em: false, code: true }])
        break
      case 'hr':
        block('rule', [])
        break
    }
  }
  return blocks
}

/** Characters escaped in Markdown text so that they stand for themselves. */
const INLINE_SPECIAL = /[\\`*_[\]<>&~|!]/g

/**
 * Text escaped for Markdown so that a CommonMark renderer shows it exactly as it is: inline
 * syntax (emphasis, links, code, raw HTML, entities) everywhere, and at the start of each line
 * what would begin a block (heading, list item, block quote, rule, setext underline, code fence).
 * Not the white space a line starts with (escapeIndent): a piece of text may go on a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(INLINE_SPECIAL, '\\$&')
        .replace(/^(\s*)(\d{1,9})([.)])/, '$1$2\\$3')
        .replace(/^(\s*)([#>+=-])/, '$1\\$2'),
    )
    .join('\n')
}

/**
 * A line of Markdown with the white space it starts with, where text follows, begun with a
 * character reference (&#32; for a space, &#9; for a tab): four spaces or a tab at a line's start
 * (after a block quote's "> " too) begin an indented code block, and a quoted line of an indented
 * text became one, its words in a code box (a tester). Rendered, the reference is the character
 * it stands for. A line that is white space only is left as it is: it is a blank line.
 */
export function escapeIndent(line: string): string {
  return line.replace(/^[ \t](?=[ \t]*\S)/, (c) => `&#${c.charCodeAt(0)};`)
}

/** Backtick fence long enough for a code span holding `text`. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

function runsToMarkdown(runs: readonly NoteRun[]): string {
  return runs
    .map((r) => {
      if (r.text === '\n') return '\\\n'
      let s = r.code ? codeSpan(r.text) : escapeMarkdown(r.text)
      if (r.em) s = `*${s}*`
      if (r.strong) s = `**${s}**`
      if (r.href) s = `[${s}](<${r.href.replace(/[<>\\]/g, (c) => encodeURIComponent(c))}>)`
      return s
    })
    .join('')
}

/**
 * A note written back as Markdown that says what the note says and nothing more: raw HTML,
 * images and unsafe links from the note come out as escaped text, so any CommonMark renderer
 * (with or without HTML enabled) shows the note as Parallax does.
 */
export function noteToMarkdown(markdown: string): string {
  let out = ''
  let previous: NoteBlock | undefined
  for (const b of noteBlocks(markdown)) {
    const lead = '> '.repeat(b.quote) + '   '.repeat(Math.max(0, b.indent - (b.marker ? 1 : 0)))
    const first = lead + (b.marker ? `${b.marker.replace('•', '-')} ` : b.indent ? '   ' : '')
    const rest = lead + (b.indent ? '   ' : '')
    let body: string
    if (b.kind === 'rule') body = '* * *'
    else if (b.kind === 'code') {
      const longest = Math.max(2, ...(b.runs[0].text.match(/`+/g) ?? []).map((m) => m.length))
      const fence = '`'.repeat(longest + 1)
      body = [fence, ...b.runs[0].text.split('\n'), fence].join('\n')
    } else if (b.kind === 'heading') {
      // A heading inside a note would break the export's own outline: it becomes a strong line.
      body = runsToMarkdown(b.runs.map((r) => ({ ...r, strong: !r.code })))
    } else body = runsToMarkdown(b.runs)
    const lines = body.split('\n')
    // Items of one list follow each other on the next line (a tight list), other blocks after a blank line.
    const tight = b.marker && previous?.indent && b.quote === previous.quote
    if (previous) out += tight ? '\n' : '\n\n'
    out += [first + lines[0], ...lines.slice(1).map((l) => rest + l)].join('\n')
    previous = b
  }
  return out
}
