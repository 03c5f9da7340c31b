import { Readability } from '@mozilla/readability'
import iconv from 'iconv-lite'
import { Parser } from 'htmlparser2'
import { parseHTML } from 'linkedom'
import { findDate, type StatedMetadata } from '../../core/project/metadata.js'
import { DecodeError } from '../project/decode.js'
import { decodeImportedText } from './encoding.js'

// HTML import: the article's main text, found by Mozilla's Readability (the engine of Firefox's
// Reader View) on a linkedom DOM, so navigation, sidebars, share buttons and comment forms are
// left behind. The text keeps the article's paragraphs (one blank line between blocks), and the
// page's metadata (title, byline, site name, publication date, canonical URL) fills the document's.

export interface ExtractedText {
  text: string
  metadata: Partial<StatedMetadata>
  /** What the importer says about how the text was obtained (e.g. "converted from windows-1252"). */
  notes: string[]
}

/** Elements whose content starts and ends a block of text. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
  'CAPTION',
])
/** Blocks that start a new line even inside a list item (nested lists). */
const CONTAINERS = new Set(['OL', 'UL', 'LI'])
/** Elements never read as text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA'])

interface DomNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
  getAttribute?: (name: string) => string | null
}

/**
 * The text of a DOM subtree: blocks separated by a blank line, whitespace collapsed, <br> kept,
 * list items marked ("- ", or "3. " in an ordered list), table cells separated by tabs.
 */
export function blockText(root: DomNode): string {
  const blocks: string[] = []
  let current = ''
  /** Whether the text gathered is a <pre>'s: its spaces, indentation and line breaks are the text's. */
  let verbatim = false
  const flush = () => {
    if (verbatim) {
      // As a browser shows it: a line break just after <pre> is none, and the block's own end
      // is where its last line ends (a reviewer: Python and C examples came in unindented).
      const text = current.replace(/^\r?\n/, '').trimEnd()
      if (text.trim()) blocks.push(text)
      current = ''
      verbatim = false
      return
    }
    // White space around a line break dropped in two steps, each run read from where it starts
    // (one pattern with a run on both sides of the break tried a long run from each of its places:
    // 8 s for 64,000 spaces in one block).
    const line = current
      .replace(/(?<![ \t\f\v\u00a0])[ \t\f\v\u00a0]+(?=\n)/g, '')
      .replace(/\n[ \t\f\v\u00a0]*/g, '\n')
      .replace(/[ \f\v]+/g, ' ')
      .replace(/(?<! ) *\t */g, '\t')
      .replace(/^[ \t]+|(?<![ \t])[ \t]+$/g, '')
    if (line) blocks.push(line)
    current = ''
  }
  const lists: { ordered: boolean; next: number }[] = []
  let container = 0 // depth of list items and table cells around the node
  let headings = 0 // depth of headings (and terms of definition lists) around the node
  const walk = (node: DomNode, pre: boolean) => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? ''
      current += pre ? t : t.replace(/\s+/g, ' ')
      return
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return
    const name = node.nodeName.toUpperCase()
    if (SKIP.has(name) || (headings > 0 && isPermalink(node, name))) return
    if (name === 'BR') {
      current += '\n'
      return
    }
    // Inside a list item or a table cell, paragraphs run on (a cell is one field, an item one line).
    const inner = container > 0 && !CONTAINERS.has(name) && name !== 'TR' && name !== 'TABLE'
    // Inside a <pre>, an element of a block's kind only starts a line: the <pre> is one block, its
    // own even inside a list item or a table cell.
    const block = (BLOCKS.has(name) && !inner && !pre) || (name === 'PRE' && !pre)
    if (block) flush()
    else if (BLOCKS.has(name) && pre && current && !current.endsWith('\n')) current += '\n'
    else if (BLOCKS.has(name) && current && !/[\s\t]$/.test(current)) current += ' '
    if (name === 'OL' || name === 'UL') {
      const start = Number(node.getAttribute?.('start') ?? 1)
      lists.push({ ordered: name === 'OL', next: Number.isFinite(start) ? start : 1 })
    }
    if (name === 'LI') {
      const list = lists[lists.length - 1]
      current += list?.ordered ? `${list.next++}. ` : '- '
    }
    if (name === 'TD' || name === 'TH') current += current && !current.endsWith('\t') ? '\t' : ''
    const isPre = pre || name === 'PRE'
    if (name === 'PRE' && !pre) verbatim = true
    const holds = name === 'LI' || name === 'TD' || name === 'TH'
    const heading = /^H[1-6]$/.test(name) || name === 'DT'
    if (holds) container++
    if (heading) headings++
    // Two versions of one example, <code> children of one <pre> with no text of its own between
    // them (a page's ES module and CommonJS code, one shown at a time): each its own block, not
    // run together on one line. (A <code> in the <pre>'s text, "$ <code>npm install</code>", is
    // part of its line.)
    let versions = name === 'PRE' && !pre
    for (let i = 0; i < node.childNodes.length && versions; i++) {
      const child = node.childNodes[i]
      versions = child.nodeType !== 3 || !(child.textContent ?? '').trim()
    }
    let codes = 0
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i]
      if (versions && child.nodeType === 1 && child.nodeName.toUpperCase() === 'CODE' && codes++ > 0 && current.trim()) {
        flush()
        verbatim = true
      }
      walk(child, isPre)
    }
    if (holds) container--
    if (heading) headings--
    if (name === 'OL' || name === 'UL') lists.pop()
    if (block) flush()
  }
  walk(root, false)
  flush()
  return blocks.join('\n\n')
}

/**
 * Share of a block's text that may be link text beyond Readability's own bounds (0.2 for a block
 * of little weight, 0.5 else) before it drops the block as navigation. A notice that starts with a
 * link ("<a>Stability: 0</a> - Deprecated", "<a>Stability: 3</a> - Legacy: Use
 * <a>clearTimeout()</a> instead") is half link text: Node.js's API pages lost every such notice, a
 * module's deprecation among them (a reviewer). Menus, tag lists and "related" lists are links
 * nearly all through, and still go.
 */
export const LINK_DENSITY_ALLOWANCE = 0.35

/** The marks a heading's link to itself shows (Node.js's "#", Sphinx's "¶", "§", a link symbol). */
const PERMALINK_MARKS = new Set(['#', '\u00b6', '\u00a7', '\ud83d\udd17'])

/**
 * Whether `node` (named `name`), inside a heading or a definition list's term, is a link to a place
 * on its page that shows only a mark: the heading's link to itself ("Windows vs. POSIX#": 462
 * headings of Node.js's API pages ended so; libffi's manual ends its terms with "¶"). Elsewhere
 * such a link is text ("in <a href="#rules">§</a> 4", a table's "#" column).
 */
function isPermalink(node: DomNode, name: string): boolean {
  if (name !== 'A' || !(node.getAttribute?.('href') ?? '').startsWith('#')) return false
  return PERMALINK_MARKS.has((node.textContent ?? '').trim())
}

/**
 * Most bytes searched for a <meta charset>. 4096: HTML requires the declaration within the first
 * 1024 bytes; pages that put it later (after long comments or scripts) still exist.
 */
const CHARSET_SNIFF = 4096

/** Decodes HTML bytes: a declared charset wins; otherwise UTF-8 or a detected legacy encoding. */
function decodeHtml(bytes: Uint8Array, path: string): { html: string; notes: string[] } {
  const head = Buffer.from(bytes.subarray(0, CHARSET_SNIFF)).toString('latin1')
  const declared = head.match(/<meta[^>]+charset\s*=\s*(?:["']\s*)?([\w-]+)/i)?.[1]
  if (declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)) {
    // Said only where a character was converted: a page of ASCII reads the same in any of them
    // (67 of the 71 ISO-8859-1 pages under /usr/share/doc, a reviewer).
    const converted = bytes.some((b) => b >= 0x80)
    return { html: iconv.decode(Buffer.from(bytes), declared), notes: converted ? [`converted from ${declared}`] : [] }
  }
  const decoded = decodeImportedText(bytes, path)
  return { html: decoded.text, notes: decoded.converted ? [`converted from ${decoded.encoding}`] : [] }
}

/** An ISO date (YYYY-MM-DD) from a machine-readable timestamp or a date written out; '' if none. */
export function dateOf(raw: string): string {
  return raw.trim().match(/^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/)?.[1] ?? findDate(raw)
}

function metaContent(document: Document, selectors: string[]): string {
  for (const s of selectors) {
    const el = document.querySelector(s)
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href')
    if (v?.trim()) return v.trim()
  }
  return ''
}

/**
 * Deepest nesting of elements read. Articles nest a few dozen levels (page templates with every
 * wrapper rarely pass 60); the DOM and Readability take time that grows faster than the depth
 * (seconds at 200 levels, 51 s at 2,000), so a page nested deeper is refused before it is built.
 */
export const MAX_HTML_DEPTH = 256

/**
 * How deep the elements of `html` nest, read by htmlparser2's tokenizer in one pass (void and
 * unclosed elements closed as browsers close them), stopping once past `limit`.
 */
export function nestingDepth(html: string, limit: number): number {
  let depth = 0
  let deepest = 0
  const parser = new Parser(
    {
      onopentag() {
        depth++
        if (depth > deepest) deepest = depth
        if (deepest > limit) parser.pause()
      },
      onclosetag() {
        depth--
      },
    },
    { decodeEntities: false },
  )
  parser.end(html)
  return deepest
}

/**
 * Reads an HTML file: the main text (Readability; the whole body when it finds no article) and the
 * page's metadata. Throws a DecodeError when there is no readable text.
 */
export function readHtml(bytes: Uint8Array, path: string): ExtractedText {
  const { html, notes } = decodeHtml(bytes, path)
  if (!/<[a-z!?]/i.test(html)) throw new DecodeError(path, 'this does not look like HTML (no tags found); import it as .txt instead')
  const depth = nestingDepth(html, MAX_HTML_DEPTH)
  if (depth > MAX_HTML_DEPTH)
    throw new DecodeError(path, `this page nests its elements over ${MAX_HTML_DEPTH} levels deep; no article does, so it was not imported`)
  const { document } = parseHTML(html) as unknown as { document: Document }
  const url = metaContent(document, ['link[rel="canonical"]', 'meta[property="og:url"]', 'meta[name="twitter:url"]'])
  const dateRaw = metaContent(document, [
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date"]',
    'meta[itemprop="datePublished"]',
    'time[datetime]',
  ])
  const author = metaContent(document, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="dc.creator"]'])
  const site = metaContent(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]'])
  const pageTitle = metaContent(document, ['meta[property="og:title"]']) || (document.querySelector('title')?.textContent ?? '').trim()
  const headline = (document.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim()

  let article: ReturnType<Readability<DomNode>['parse']>
  // (linkDensityModifier is Readability's since 0.5; its type declarations do not list it yet.)
  const options: ConstructorParameters<typeof Readability<DomNode>>[1] & { linkDensityModifier: number } = {
    serializer: (node) => node as unknown as DomNode,
    linkDensityModifier: LINK_DENSITY_ALLOWANCE,
  }
  try {
    article = new Readability<DomNode>(document, options).parse()
  } catch {
    article = null
  }
  let body = article?.content ? blockText(article.content) : ''
  if (!body.trim()) {
    notes.push('no article found: the whole page text was taken')
    const fresh = (parseHTML(html) as unknown as { document: Document }).document
    body = fresh.body ? blockText(fresh.body as unknown as DomNode) : ''
  }
  if (!body.trim()) throw new DecodeError(path, 'this HTML page has no readable text')
  let title = (article?.title ?? '').trim() || pageTitle
  // Readability keeps the part of a title after its last colon when no heading holds the whole:
  // "Arrays Unions Enums (libffi: the portable foreign function interface library)" became "the
  // portable foreign function interface library)", and that line opened the document's text (a
  // page of Debian's libffi manual). A title whose brackets do not pair is such a piece.
  if (pageTitle.includes(title) && !bracketsPair(title)) title = pageTitle
  // "Site | Headline": the page's <h1> is the headline when the title contains it.
  if (headline && headline !== title && title.includes(headline)) title = headline
  // Readability drops the headline from the content when it repeats the title; put it back on top.
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}\n` : `${body}\n`
  const byline = (article?.byline ?? '').trim().replace(/^by\s+/i, '')
  return {
    text,
    metadata: {
      title,
      author: byline.length <= 100 ? byline || author : author,
      outlet: (article?.siteName ?? '').trim() || site,
      date: dateOf((article?.publishedTime ?? '') || dateRaw),
      url: /^https?:\/\//i.test(url) ? url : '',
    },
    notes,
  }
}

/** Whether every bracket of `text` is closed by its partner, in order ("(a: b)", not "b)"). */
function bracketsPair(text: string): boolean {
  const open: string[] = []
  for (const c of text) {
    const partner = BRACKET_PAIRS[c]
    if (partner) open.push(partner)
    else if (CLOSING.has(c) && open.pop() !== c) return false
  }
  return open.length === 0
}

const BRACKET_PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}' }
const CLOSING = new Set(Object.values(BRACKET_PAIRS))
