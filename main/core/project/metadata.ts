// Metadata a plain-text or Markdown document states about itself: title, byline, outlet, date,
// URL. Best effort and conservative: a field the text does not clearly state stays empty, since
// a wrong author is worse than none in a citation.

import { columns } from '../text/columns.js'

export interface StatedMetadata {
  title: string
  author: string
  outlet: string
  date: string
  url: string
}

/** How many non-empty lines from the top are searched for a byline or date. */
const HEAD_LINES = 12
/**
 * A line wider than this is prose, not a title: its columns (text/columns.ts), a Chinese, Japanese
 * or Korean character, a word or most of one, two. A paragraph of 164 Chinese characters was a
 * document's title in every view (a tester).
 */
const MAX_TITLE_LENGTH = 200

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1
}

/** A month's name or abbreviation, in a date pattern. */
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'

/** The date forms findDate reads, each with how its match gives year, month and day. */
const DATE_PATTERNS: [RegExp, (m: RegExpMatchArray) => [number, number, number]][] = [
  [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, (m) => [+m[1], +m[2], +m[3]]],
  [new RegExp(`\\b(\\d{4})-${MONTH}-(\\d{1,2})\\b`, 'i'), (m) => [+m[1], monthIndex(m[2]), +m[3]]],
  [new RegExp(`\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`, 'i'), (m) => [+m[3], monthIndex(m[1]), +m[2]]],
  [new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`, 'i'), (m) => [+m[3], monthIndex(m[2]), +m[1]]],
]

/** The first date stated in `line` as ISO YYYY-MM-DD, or ''. */
export function findDate(line: string): string {
  let best: { at: number; iso: string } | null = null
  for (const [re, parts] of DATE_PATTERNS) {
    const m = line.match(re)
    if (!m || m.index === undefined) continue
    const [y, mo, d] = parts(m)
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) continue
    if (!best || m.index < best.at) best = { at: m.index, iso: `${y}-${pad(mo)}-${pad(d)}` }
  }
  return best ? best.iso : ''
}

function looksLikeJunk(line: string): boolean {
  return /@|https?:\/\/|www\./i.test(line) || (/^[\d\s()+-]+\b/.test(line) && /\d{3}/.test(line))
}

/**
 * Words that may stand lower-case among the capitalised words of a byline's names: the particles
 * of surnames ("Ann van der Berg") and the words that join two names ("Ann Lee and Bo Chen").
 */
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'binti',
  'al',
  'el',
  'y',
  'and',
  '&',
])

/**
 * How a word of a name starts: a capital, or a letter of a script without case (Chinese, Arabic:
 * "By 张三", "By محمد علي").
 */
const NAME_START = /^[\p{Lu}\p{Lt}\p{Lo}]/u

/** Most words of a byline's names: more are a sentence that opens with "By". */
const MAX_BYLINE_WORDS = 6

/**
 * Whether what follows "By" names people: a few words, each capitalised (NAME_START) but for the
 * particles of names, the first capitalised. Not a sentence that opens with "By" in a text wrapped at its
 * lines: "By contrast, the GNU General Public" (a licence's line, its author "contrast, the GNU
 * General Public" in every view: a tester), "By default, apropos uses the $MANPATH".
 */
function namesPeople(who: string): boolean {
  const words = who.split(/\s+/).map((w) => w.replace(/[,;]$/, ''))
  return words.length <= MAX_BYLINE_WORDS && NAME_START.test(words[0]) && words.every((w) => NAME_START.test(w) || NAME_PARTICLES.has(w))
}

/**
 * A web address as written in running text, without the marks around it that are not part of it:
 * a closing angle bracket or quotation mark, a stop ("<https://fsf.org/>", the GPL's: its URL
 * was "https://fsf.org/>", a tester), a closing bracket the address does not open ("(see
 * https://example.org)"; Wikipedia's "…/Foo_(bar)" keeps its own).
 */
function addressOnly(url: string): string {
  let end = url.length
  for (;;) {
    const last = url[end - 1]
    const opened = (url.slice(0, end).match(/\(/g) ?? []).length
    const closed = (url.slice(0, end).match(/\)/g) ?? []).length
    if ('>]}.,;:!?\'"”’»'.includes(last) || (last === ')' && closed > opened)) end--
    else break
  }
  return url.slice(0, end)
}

function looksLikeDomain(s: string): boolean {
  return /^[\w-]+(\.[\w-]+)+$/.test(s)
}

/**
 * A line with a letter or a digit: a title. A source file's first lines are often a comment's
 * marks alone ("/*", a rule of asterisks: 62 of X11's 72 headers were so titled, a tester).
 */
const WORDED = /[\p{L}\p{N}]/u

/**
 * A header field, "Name: value" (an e-mail's, a Debian control or copyright file's, a page saved
 * with its headers): a name of one word or words joined by hyphens, capitalised, then a colon. A
 * text that opens with two opens with a block of them, which states no title but in a field that
 * names one (TITLE_FIELDS): Debian's copyright files were titled "Format:
 * https://www.debian.org/doc/…" skipped for its address, then "Upstream-Name: adduser" (581 of
 * 900, a tester), and each given the format's address as its URL.
 */
const FIELD = /^([A-Z][A-Za-z]*(?:-[A-Za-z]+)*):(?:\s+(\S.*))?$/

/** Header fields whose value is the text's title. */
const TITLE_FIELDS = new Set(['title', 'subject', 'name', 'upstream-name'])

/** Header fields whose value is where the text is found. */
const URL_FIELDS = new Set(['url', 'link', 'source', 'upstream-source', 'homepage'])

/**
 * A date, with its weekday, time and zone, and nothing else ("Fri, 17 Jan 2003 14:57:28 +0900."):
 * a date line, no title. What is left once the date's parts are taken out has no word.
 */
function dateOnly(line: string): boolean {
  if (!findDate(line)) return false
  const rest = line
    .replace(new RegExp(MONTH, 'gi'), ' ')
    .replace(/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b\.?/gi, ' ')
    .replace(/\b(?:UTC|GMT|[AP]M)\b/gi, ' ')
  return !/\p{L}/u.test(rest)
}

/**
 * A line that stops inside its sentence, hard-wrapped prose rather than a title: it ends on a
 * comma or colon, or on a word that leads into what follows ("This package was debianized by
 * Ross Burton <ross@debian.org> on", "This package was downloaded from": 52 copyright files, a
 * tester). A title that ends so is rare, and a title not read leaves the file's name, not a wrong
 * one.
 */
const UNFINISHED = /(?:[,:;]|\s(?:a|an|and|as|at|by|for|from|in|its|of|on|or|the|their|this|to|with))$/

/** Whether head line `line` goes on from the line before it, one that stops inside its sentence (UNFINISHED). */
function continues(head: readonly string[], line: string): boolean {
  const k = head.indexOf(line)
  return k > 0 && UNFINISHED.test(head[k - 1])
}

/** A copyright notice ("Copyright 2005 Adam Jackson.", "(C) 1999 …", "© …"): whose the text is, not its title. */
const NOTICE = /^(?:copyright\b|\(c\)|©)/i

function cleanTitle(line: string): string {
  // "Home > Section > Title" breadcrumbs: keep the last segment.
  const crumbs = line.split(/\s+>\s+/)
  // A line laid out in columns (a manual page's header, "GIT-ADD(1)      Git Manual      GIT-ADD(1)")
  // is read with one space between its parts. A C comment's marks around it are not the title's
  // ("/* Copyright (C) 1991-2024 Free Software Foundation, Inc.", " * Copyright 1987 ... */").
  return crumbs[crumbs.length - 1]
    .replace(/^#+\s*/, '')
    .replace(/^(?:\/\*+|\/\/+)\s*|^\*+\s+/, '')
    .replace(/\s*\*+\/$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A line break of any kind: a line that holds one is more than a line. */
const LINE_BREAK = /[\n\r\u2028\u2029]/

function frontMatter(text: string): Partial<StatedMetadata> {
  const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n/)
  if (!m) return {}
  const out: Partial<StatedMetadata> = {}
  for (const line of m[1].split(/\r?\n/)) {
    // A value's white space read at one place only (not ".*?" between two "\s*": a line of
    // spaces and a lone carriage return took seconds a kilobyte).
    const kv = line.match(/^(\w+):(?:\s*$|\s*(\S(?:.*\S)?)\s*$)/)
    if (!kv) continue
    const value = (kv[2] ?? '').replace(/^["']|["']$/g, '')
    const key = kv[1].toLowerCase()
    if (key === 'title') out.title = value
    else if (key === 'author' || key === 'byline') out.author = value
    else if (key === 'outlet' || key === 'publisher' || key === 'source' || key === 'site') out.outlet = value
    else if (key === 'date' || key === 'published') out.date = findDate(value) || value
    else if (key === 'url' || key === 'link') out.url = value
  }
  return out
}

/**
 * Reads the metadata a document states about itself. Markdown front matter wins; then a "# "
 * heading or the first line that is not site furniture gives the title; "By …" lines give the
 * author (or the outlet, when the byline is a domain such as "GMW.cn"); the first date near the
 * top gives the date; a closing citation line ("Name, "Title," Outlet. 2024-03-31.") fills what is
 * still missing.
 */
export function readStatedMetadata(text: string, markdown = false): StatedMetadata {
  const fm = markdown ? frontMatter(text) : {}
  const body = markdown ? text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '') : text
  // Only the first and last lines are read (and, in Markdown, the first heading anywhere), so a
  // long text is not split line by line.
  const lines = markdown
    ? body
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : undefined
  const head = lines ? lines.slice(0, HEAD_LINES) : firstLines(body, HEAD_LINES)
  const tail = lines ? lines.slice(-HEAD_LINES) : lastLines(body, HEAD_LINES)
  const out: StatedMetadata = { title: '', author: '', outlet: '', date: '', url: '' }

  const heading = lines ? lines.find((l) => /^#\s+\S/.test(l)) : undefined
  const candidates = head.filter((l) => WORDED.test(l) && !looksLikeJunk(l) && columns(l) <= MAX_TITLE_LENGTH)
  // A text that opens with header fields (two lines of them at least: "Hamlet: Prince of Denmark"
  // or "UPDATE: The committee met again" is a title): its title and URL only from fields that name them.
  const fields =
    !heading && head.length >= 2 && head.slice(0, 2).every((l) => FIELD.test(cleanTitle(l)))
      ? head.map((l) => cleanTitle(l).match(FIELD))
      : undefined
  const fieldValue = (names: ReadonlySet<string>): string | undefined => fields?.find((f) => f?.[2] && names.has(f[1].toLowerCase()))?.[2]
  const titleLine = fields
    ? fieldValue(TITLE_FIELDS)
    : (heading ??
      manualName(head) ??
      candidates.find((l) => !dateOnly(l) && !UNFINISHED.test(l) && !NOTICE.test(cleanTitle(l)) && !continues(head, l)))
  if (titleLine) out.title = cleanTitle(titleLine)
  if (fields) out.url = addressOnly(fieldValue(URL_FIELDS)?.match(/^https?:\/\/\S+/)?.[0] ?? '')

  for (const line of head) {
    const by = line.match(/(?:^|\s)By:?\s+(\S(?:.*\S)?)\s*$/)
    if (by) {
      const who = by[1].replace(/[.,;]$/, '')
      if (looksLikeDomain(who)) out.outlet ||= who
      else if (namesPeople(who)) out.author ||= who
    }
    out.date ||= findDate(line)
    const url = fields ? null : line.match(/https?:\/\/\S+/)
    if (url) out.url ||= addressOnly(url[0])
  }

  for (const line of tail) {
    // No citation holds a line break (a file of lone carriage returns is one line here), on which
    // the pattern's three lazy parts took seconds a few kilobytes.
    const cite = !LINE_BREAK.test(line) && line.match(/^([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4}), ["“](.+?),?["”],? (.+?)\. (.+?)\.?$/)
    if (cite && findDate(cite[4])) {
      out.author ||= cite[1]
      out.outlet ||= cite[3].replace(/\b\w/g, (c) => c.toUpperCase())
      out.date ||= findDate(cite[4])
    }
  }

  return {
    title: fm.title || out.title,
    author: fm.author || out.author,
    outlet: fm.outlet || out.outlet,
    date: fm.date || out.date,
    url: fm.url || out.url,
  }
}

/**
 * A rendered manual page's name and summary, the line under its NAME heading ("Net::DBus::Binding::Iterator
 * - Reading and writing message parameters"), where the heading is its first line or the one after
 * its running header ("LWP::Debug(3pm)  User Contributed Perl Documentation  LWP::Debug(3pm)"):
 * not the heading, or the header, as every page of a folder was titled (a tester of Perl modules'
 * pages). The heading in the languages whose pages Debian translates.
 */
function manualName(head: readonly string[]): string | undefined {
  const k = head.findIndex((line) => NAME_HEADING.test(line))
  return k >= 0 && k <= 1 && k + 1 < head.length && columns(head[k + 1]) <= MAX_TITLE_LENGTH ? head[k + 1] : undefined
}

/** A manual page's NAME heading, in English, French, German, Spanish, Italian, Portuguese and Dutch. */
const NAME_HEADING = /^(?:NAME|NOM|BEZEICHNUNG|NOMBRE|NOME|NAAM)$/

/** The first `n` non-blank lines of a text, trimmed. */
function firstLines(text: string, n: number): string[] {
  const out: string[] = []
  let at = 0
  while (out.length < n && at <= text.length) {
    let end = text.indexOf('\n', at)
    if (end < 0) end = text.length
    const line = text.slice(at, end).trim()
    if (line) out.push(line)
    at = end + 1
  }
  return out
}

/** The last `n` non-blank lines of a text, trimmed, in text order. */
function lastLines(text: string, n: number): string[] {
  const out: string[] = []
  let end = text.length
  for (;;) {
    const nl = end > 0 ? text.lastIndexOf('\n', end - 1) : -1
    const line = text.slice(nl + 1, end).trim()
    if (line) out.unshift(line)
    if (nl < 0 || out.length >= n) break
    end = nl
  }
  return out
}
