import { DocumentMemo } from './document-memo.js'
import { contentFrom, type AnalysedDocument } from './analyse.js'
import { patternOnUse } from '../text/pattern-on-use.js'
import { lowerBound, upperBound } from '../text/sorted.js'
import { ADDRESS, ADDRESS_NEEDS, isMailAddress } from './addresses.js'
import { PREFIX, PREFIX_NEEDS } from './prefixes.js'
import { isSpace } from './sentences.js'
import { isWordUnit, ownWordAt, wordStart } from './tokenize.js'
import { fieldLabels } from './field-labels.js'
import { literalBlocks } from './literal-blocks.js'
import { continuesIdentifier } from './word-edges.js'
import { WORD_CHAR } from './word-char.js'
import { STOPWORDS } from './stopwords.js'

// Tokens that are not words of a claim, which the paraphrase pass does not read (paraphrase.ts):
//   addresses  web and e-mail addresses. The tokenizer reads "https://www.gnu.org/licenses/gpl.html"
//              as the words https, www, gnu, org, licenses, gpl, html; two addresses of one kind
//              share most of them ("www", "org", "licenses") and looked like a restated sentence.
//   paths      file names with their folders: "debian/*", "test_utils/test_utils.c",
//              "/usr/share/common-licenses/GPL-2". The files lists of Debian's copyright files (and
//              of changelogs) name one program's files in another's words: two stanzas about
//              different files named "test_utils" shared "files", "test", "utils" and "copyright",
//              and were reported as a paraphrase.
//   numbers    tokens without a letter: years, days, times of day. Two timestamps ("Thu, 21 Aug
//              2008 21:50", "Thu, 25 Jul 2002 21:50:21") or two lists of copyright years share
//              numbers by chance, and say nothing alike.
//   identifiers  names of code joined by underscores: "gtk_tree_selection_get_selected_rows" is six
//              tokens (the tokenizer splits at "_", as sim_text does), one name. A list of
//              functions in one release's notes and a sentence naming them in another's shared
//              "14 words".
//   package names  three or more parts in lower case joined by hyphens, none a function word, that
//              label a line (open it, with a colon or alone): "fonts-motoya-l-cedar",
//              "libghc-aeson-compat-prof: ...". Debian's descriptions open with their package's
//              name, and a name's parts shared a sentence's words: "fonts-motoya-l-cedar" alone
//              restated "Motoya L Cedar lacks some characters, so these are covered by M+ fonts",
//              and two Haskell libraries' synopses were a paraphrase through "libghc", "compat" and
//              "prof" (a tester of package descriptions). Not a compound of prose, which joins
//              function words: "state-of-the-art", "up-to-date"; nor a name inside a sentence, whose
//              claim it may be: git's "check for the git-daemon-export-ok file before allowing
//              export" restates gitweb's "allows pulling only for those repositories that have
//              git-daemon-export-ok file" (a reviewer).
//   file names a name with an extension, without folders: "login.defs", "adduser.conf",
//              "example.com". Two manual pages' "defined in login.defs, instead of GID_MIN" and
//              "The mail spool is defined by the MAIL_DIR variable in the login.defs file" shared
//              "defined", "login" and "defs", and were a paraphrase (a reviewer of the pages of
//              useradd, groupadd, userdel and their kin).
//   commands   a program named with its manual's section: "update-xmlcatalog(8)", "sources.list(5)".
//              Two READMEs about XML catalogs ("update-xmlcatalog(8) in the xml-core package is the
//              standard tool to be used to maintain XML catalog files" / "is overwritten the next
//              time that XML catalog file is updated using update-xmlcatalog(8)") shared "update"
//              through the command's name, and were a paraphrase.
//   options    a command-line option's name and value: "--ignore-space-change", "`-l'",
//              "--tabsize=COLUMNS" (OPTION). A release note naming diff's options and another on
//              patch's -l, which "ignores changes only in spaces and tabs", shared "ignore", "space"
//              and "change" through the options' names, and were a paraphrase.
//   characters Chinese and Japanese characters, each a token of its own (tokenize.ts OWN_WORD):
//              a word is one to four of them, and without a word segmenter two sentences sharing
//              characters share no claim ("请从步骤1执行到步骤3退出" / "执行以下步骤之前" share
//              步, 骤, 执, 行). Text in these scripts is matched as copies, verbatim or edited,
//              not as restatements.
//   anchors    the target of a Markdown link to a place in its own page: "#getting-the-ast-node"
//              of "[Getting the AST node](#getting-the-ast-node)", a heading's words again. A
//              README's table of contents read so ("getting", "ast", "node" twice) was a sentence
//              of six words, and another README's "To get the source code of an AST node" its
//              paraphrase (a reviewer of the METADATA of 103 Python packages).
//   code lists items joined by commas without spaces, "(ca,cs,cy,en_CA)" (CODE_LIST).
//   prefixes   a bound prefix written with its hyphen: "re" of "re-raised" (prefixes.ts), read with
//              its word instead.
//   labels     the labels of a form's fields, "Solution:", "Files:" opening a line of each entry
//              (field-labels.ts).
//   code and markup  the lines of a Markdown code block (between two fences of ``` or ~~~) or of a
//              reStructuredText literal block (after a paragraph ending "::", literal-blocks.ts) and
//              HTML tags and comments ("<picture><source media=...>", "<a href=...>"). Of the
//              paraphrases found among 344 READMEs of npm packages, a reviewer judged most not to
//              be any: two snippets' "javascript var tmp = require" / "const tmp = require", the
//              "img", "href", "src" and "alt" of two logos' markup. What code says is read where
//              two texts copy it, word for word or edited.
// All of them still count where passages are aligned word for word (a copyright line copied with its
// years is a copy): only a loose match (a paraphrase, or an aligned pair less similar than a
// near-verbatim copy) needs words of a claim besides them. But an identifier's content words are
// one word there too (identifierJoins): two release notes naming one function share a name, not a
// clause.

/**
 * A run of the characters a path is made of with a slash in it, not starting inside a longer run
 * (each run is tried once). It is a path (isPath) only where more than the slash says so: "GNU/Linux",
 * "and/or", "input/output" are words.
 */
const SLASHED = /(?<![\w.*+~/-])[\w.*+~/-]*\/[\w.*+~/-]*/gu
/** A file name's extension at the end of a run: ".c", ".html", ".tar"; not a lone dot. */
const EXTENSION = /[\w-]\.[A-Za-z0-9]{1,5}$/
/** What may end a sentence, not a path: "see debian/copyright." */
const TRAILING = /(?<![.-])[.-]+$/

/**
 * Whether a slashed run (SLASHED, trailing dots taken off) is a path: it starts at a root
 * ("/usr", "./configure", "../lib", "~/.config"), or has two slashes or more, or a wildcard, or
 * ends in a file name with an extension.
 */
function isPath(run: string): boolean {
  return /^(?:\.{0,2}|~)\//.test(run) || run.indexOf('/') !== run.lastIndexOf('/') || run.includes('*') || EXTENSION.test(run)
}

/**
 * A file name with an extension and no folder (one with a folder is a path): a name that starts
 * with a letter, a dot, and an extension of two to five lower-case letters and digits that starts
 * with a letter ("login.defs", "sources.list", "gpl.html", "example.com"), with more dotted parts
 * before it or not ("username.tar.gz"). Not an initialism or abbreviation, whose parts are single
 * letters ("U.S.", "e.g."), nor a version ("v1.2", "GPL-2.0"), nor a sentence whose space after
 * its full stop is missing ("end.The", "U.S.Army").
 */
const FILE_NAME = /(?<![\w.+-])[A-Za-z][\w+-]*(?:\.[\w+-]+)*\.[a-z][a-z0-9]{1,4}(?![\w+-])/g

/**
 * A command-line option's name, and its value when it is given one: one or two hyphens (or the
 * minus sign or hyphen groff writes) where a run starts, or after a quote, an opening bracket, an
 * asterisk, a bar, a comma or a slash ("**--verbose**", "[-a|--all]", "-a,-b", "--foo/--bar"),
 * then a letter, the name's letters, digits, underscores and hyphens, and after "=" its value
 * ("--ignore-space-change", "`-l'", "-fuse-ld=gold", "--tabsize=COLUMNS"). A name of code, no
 * word of a claim: two release notes' sentences, one naming diff's options "If
 * --ignore-space-change or --ignore-all-space is also specified" and the other saying of patch's
 * "`-l' ignores changes only in spaces and tabs", shared the option's words only, a paraphrase
 * (a reviewer of GNU packages' NEWS files). Not a hyphen inside a word ("high-tech"), nor one
 * before a space (a list's bullet, a changelog's "-- " trailer) or a digit ("-5"), nor one before
 * a capitalised word alone: a bullet or trailer written without its space ("-Fixed a bug",
 * "--Matthias Klose"; 14 lines of Debian's changelogs), which a few options look like too ("-Wall",
 * "-Os": read as words, as before options were marked). Its limit: a dash written as two hyphens
 * before a word ("paused --then went on"), a minus sign before one, a suffix named ("-ing") are
 * marked too.
 */
const OPTION =
  /(?<=^|[\s"'`([{<*|,/])[-\u2010\u2212]{1,2}(?!\p{Lu}\p{Ll}+(?![\p{L}\p{N}\p{M}_=-]))\p{L}[\p{L}\p{N}\p{M}_-]*(?:=[\p{L}\p{N}\p{M}_.:/-]*)?/gu
/**
 * Where OPTION may be (see markNonWords): a hyphen where a run starts or after the marks OPTION
 * reads before one, not before a space or digit (this pattern reads no Unicode classes: any
 * character but those, a superset of OPTION's letters).
 */
const OPTION_NEEDS = /(?<=^|[\s"'`([{<*|,/])[-\u2010\u2212]{1,2}[^\s\d]/

/**
 * A Markdown link's target that is a place in its own page: "#" and what follows it, right after a
 * link's "](" (or "](<"), up to the closing bracket (or ">", or the space before a title: `(#usage
 * "Usage")`). Its words are the heading's it points to, not a claim's (not a LINK either: it
 * points nowhere outside the text).
 */
const ANCHOR = /(?<=\]\(<?)#[^\s()<>]+(?=>?(?:\)|\s|$))/g

/**
 * An identifier: runs of word characters (the tokenizer's: letters, digits, marks) joined by
 * underscores, as identifierJoins reads them. Underscores before or after it ("__init__", "_private")
 * join nothing.
 */
const IDENTIFIER = patternOnUse(String.raw`(?<![\p{L}\p{N}\p{M}])[\p{L}\p{N}\p{M}]+(?:_+[\p{L}\p{N}\p{M}]+)+`, 'gu')

/**
 * A package's name (see above): three or more runs of lower-case letters and digits joined by
 * hyphens, not inside a longer run of word characters, hyphens, dots or slashes.
 */
const PACKAGE_NAME = /(?<![\w./-])[a-z0-9]+(?:-[a-z0-9]+){2,}(?![\w/-])/g

/**
 * A command with its manual's section (one digit, a few letters after it: "3pm", "1ssl", "3X";
 * not an ordinal, "2nd"), the name written up to the bracket: "xmlcatalog(1)", "apt-get(8)",
 * "g++(1)". Not a word in brackets after a space ("the list (1)"): an enumeration.
 */
const COMMAND = patternOnUse(
  String.raw`(?<![\p{L}\p{N}\p{M}_.+-])[\p{L}\p{N}\p{M}_.+-]*[\p{L}\p{N}\p{M}_+]\((?!\d(?:st|nd|rd|th)\))\d[a-zA-Z]{0,5}\)`,
  'gu',
)

/**
 * A list written without spaces: three items or more, each a run of letters, digits, "_", "@" or
 * "-", joined by bare commas ("(ca,cs,cy,el,en_CA,sr@Latn)", "lib{32,64,x32}"). Prose puts a space
 * after its commas; codes and data do not. A NEWS file's "New and updated translations
 * (bg,cs,da,en_CA,es,et,nb,nl,no,sk,th,zh_TW)" and another's with other languages shared the
 * language codes, six paraphrases of twenty-five there, all false (a reviewer). Its limit: a
 * list of words typed without spaces ("apples,pears,plums") is read as codes too.
 */
const CODE_LIST = /(?<![\p{L}\p{N}_@-])[\p{L}\p{N}_@-]+(?:,[\p{L}\p{N}_@-]+){2,}/gu

const LETTER = /\p{L}/u

/** A token's mark (nonWordTokens): no word of a claim. */
export const NON_WORD = 1
/**
 * A token's mark besides NON_WORD: part of a link, a web address or an HTML tag (its name,
 * attributes and their values), which says where a text points or how it is shown, not what it
 * says (see kept-pair.ts linksOnly).
 */
export const LINK = 2
/**
 * A token's mark besides NON_WORD and LINK: inside an HTML tag (its name, attributes and their
 * values; isHtmlTag), on a Markdown link reference definition's line or in a page's style sheet
 * or script (markupRanges), which say how a text is shown and where its links point, never what
 * it says (kept-pair.ts markupOnly). Not a placeholder written as a tag ("<when>").
 */
export const MARKUP = 4
/**
 * A token's mark besides NON_WORD: part of an e-mail address, which says where to write, not what
 * a text says. Its words are rare (a user's name, a host's), and a signature two texts end with
 * ("Jean-loup Gailly  Mark Adler\njloup@gzip.org  madler@alumni.caltech.edu", a maintainer's
 * sign-off line) ranked above the prose they share (a reviewer of zlib's and Debian's READMEs): they
 * count for nothing in an overlap's score, as a link's words (linkWeightShare). Not LINK: an
 * edited copy may share its words, as two change logs share an entry's author.
 */
export const MAIL = 8

/** MAIL for an e-mail address ADDRESS matched, 0 for what is written like one and is not (isMailAddress). */
function mailBits(address: string): number {
  return isMailAddress(address) ? MAIL : 0
}

/** One kind of token that is no word of a claim, as markNonWords looks for it. */
interface NonWordPattern {
  pattern: RegExp
  /** What a run of text without white space holds wherever the pattern matches in it. */
  needs: RegExp
  /** How much of a match is marked: all of it, or a path's run without trailing dots (0: none). */
  marked(match: string): number
  /** The marks a match takes besides NON_WORD: LINK for a web address, MAIL for an e-mail address. */
  marks?(match: string): number
  /** Only in a run that labels its line (see labelsLine). */
  label?: boolean
}

/**
 * Whether run text[from, to) (without white space) labels its line: it opens the line (after
 * spaces at most), and ends with a colon or is the whole line.
 */
function labelsLine(text: string, from: number, to: number): boolean {
  let k = from - 1
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--
  if (k >= 0 && text[k] !== '\n' && text[k] !== '\r') return false
  if (text[to - 1] === ':') return true
  let e = to
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++
  return e === text.length || text[e] === '\n' || text[e] === '\r'
}

/** The patterns above, each with what it needs. */
export const NON_WORD_PATTERNS: readonly NonWordPattern[] = [
  {
    pattern: ADDRESS,
    needs: ADDRESS_NEEDS,
    marked: (match) => match.length,
    marks: (match) => (/:\/\/|^[wW]{3}\./.test(match) ? LINK : mailBits(match)),
  },
  {
    pattern: SLASHED,
    needs: /\//,
    marked: (match) => {
      const slashed = match.replace(TRAILING, '')
      return isPath(slashed) ? slashed.length : 0
    },
  },
  {
    get pattern() {
      return IDENTIFIER()
    },
    needs: /_/,
    marked: (match) => match.length,
  },
  {
    pattern: PACKAGE_NAME,
    needs: /[a-z0-9]-[a-z0-9]+-[a-z0-9]/,
    marked: (match) => (match.split('-').some((part) => STOPWORDS.has(part)) ? 0 : match.length),
    label: true,
  },
  { pattern: FILE_NAME, needs: /[\w+-]\.[a-z]/, marked: (match) => match.length },
  // A bracket and a digit, not a bracket alone: prose brackets many words ("(NQPF)"), and the
  // pattern, compiled for its first run, cost the bundled corpus a few milliseconds of its start.
  {
    get pattern() {
      return COMMAND()
    },
    needs: /\(\d/,
    marked: (match) => match.length,
  },
  { pattern: ANCHOR, needs: /\]\(<?#/, marked: (match) => match.length },
  { pattern: CODE_LIST, needs: /[\w@-],[\w@-]+,[\w@-]/, marked: (match) => match.length },
  { pattern: OPTION, needs: OPTION_NEEDS, marked: (match) => match.length },
  { pattern: PREFIX, needs: PREFIX_NEEDS, marked: (match) => match.length },
]

/** What any of the patterns needs (see markNonWords). */
const NEEDED = new RegExp(NON_WORD_PATTERNS.map((p) => p.needs.source).join('|'), 'g')

/**
 * A line that may open or close a Markdown code block: three or more backquotes or tildes at its
 * start (up to three spaces before them), and the rest of the line (the info string,
 * "javascript"). See isFence for which such lines are fences.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/gm

/**
 * An HTML tag (a name after "<" or "</", then attributes: names, each with a value or not, up to
 * ">"). Only that shape, an attribute's name starting with a letter (HTML allows any sign but
 * quotes, "/", "=" and ">", and prose would read as attributes: "i<n holds, and ... returned ->"
 * is no tag from "<n" to "->", a reviewer); a name may go on with other signs (the "[PREV LIST]"
 * of an old page's unquoted ALT=[PREV LIST]). "<configure options>" is a placeholder, read as
 * markup too. Comments: commentsOf.
 */
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:@][^\s"'<>/=]*(?:\s*=\s*(?:"[^"<>]{0,1000}"|'[^'<>]{0,1000}'|[^\s"'<>=`]+))?)*\s*\/?>/g

/**
 * HTML's elements (those a text shows, and the document's own: "<meta>", "<source>"). A tag of one
 * is markup (MARKUP) when it has an attribute with a value ("<p align=center>", "<source
 * media=...>"); without attributes only where it closes later in the text ("<b>...</b>") or is
 * void ("<br>"): "<table>", "<source>", "<object>" alone are the placeholders a manual writes
 * ("VACUUM <table>", "git mv <source> <destination>").
 */
const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption center cite code col ' +
    'colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 ' +
    'head header hr html i iframe img input ins kbd label legend li link main map mark meta meter nav noscript object ol ' +
    'optgroup option output p param picture pre progress q s samp script section select small source span strong style sub ' +
    'summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr'
  ).split(' '),
)

/** Elements that never close, whose bare tag is markup: "<br>", "<hr/>". */
const VOID_ELEMENTS = new Set(['br', 'hr', 'wbr'])

/**
 * An image's alternative text or an element's title, quoted (its value: group 1): words the text
 * says of a figure ('alt="Mean annual temperature in Berlin from 1900 to 2020"'), not markup,
 * when it has MIN_PROSE_WORDS words at least.
 */
const PROSE_ATTRIBUTE = /\s(?:alt|title)\s*=\s*("[^"]*"|'[^']*')/giu

/**
 * Words an alt or title value has, at least, to be text (PROSE_ATTRIBUTE): a figure's
 * description is a sentence; a badge's label is one to four words ("Build Status", "weekly
 * downloads from npm"), the same in every README, and counted, three badges of two READMEs were
 * an overlap again (a reviewer).
 */
const MIN_PROSE_WORDS = 6

/** An attribute with a quoted value: `src="..."`, `alt='...'`. */
const QUOTED_ATTRIBUTE = /=\s*["']/

/** An attribute with a value, quoted or not: "align=center". */
const VALUED_ATTRIBUTE = /\s[A-Za-z_:@][^\s"'<>/=]*\s*=/

/** A tag without attributes: "<p>", "<br/>". */
const BARE_TAG = /^<[A-Za-z][A-Za-z0-9-]*\s*\/?>$/

/**
 * Characters after an opening tag without attributes, at most, read for its closing tag
 * (isHtmlTag): an element of a page's text closes within a few paragraphs.
 */
const MAX_ELEMENT = 5000

/**
 * What isHtmlTag reads of a document, found once a document that has tags: per element name where
 * it closes ("</p>").
 */
interface TagContext {
  closings: Map<string, Uint32Array>
}

/** The TagContext of each document read so far. */
const tagContexts = new DocumentMemo((): TagContext => ({ closings: new Map() }))

/** The offsets of `text` where `pattern` (global) matches, in order. */
function offsetsOf(text: string, pattern: RegExp): Uint32Array {
  const found: number[] = []
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push(m.index)
  return Uint32Array.from(found)
}

/** The TagContext of `doc`, found on the first call and kept with it. */
function tagContextOf(doc: Pick<AnalysedDocument, 'text'>): TagContext {
  return tagContexts.get(doc)
}

/**
 * Whether text[start, end) of `doc`, a match of TAG, is an HTML tag, not a placeholder or a type's
 * parameters that look like one ("<when>", "<name of author>", "VACUUM <table>", TypeScript's
 * "<K extends WeakKey = WeakKey>"): a closing tag, a tag with a quoted attribute value, or one of
 * HTML_ELEMENTS (see there). Not one inside a code span (codeSpanAround: "add `<meta name=...>` to
 * the head"): that is code a text quotes, and its words are the text's. Read in time logarithmic
 * in the document's size (TagContext): a page of HTML on one line of a megabyte has thousands of
 * tags.
 */
function isHtmlTag(doc: Pick<AnalysedDocument, 'text'>, start: number, end: number): boolean {
  if (codeSpanAround(doc, start)) return false
  const tag = doc.text.slice(start, end)
  if (tag.startsWith('</') || QUOTED_ATTRIBUTE.test(tag)) return true
  const name = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(tag)![1].toLowerCase()
  if (!HTML_ELEMENTS.has(name)) return false
  if (VALUED_ATTRIBUTE.test(tag)) return true
  if (!BARE_TAG.test(tag)) return false
  if (VOID_ELEMENTS.has(name)) return true
  const closing = closingOf(doc, tagContextOf(doc), name, end)
  return closing !== undefined && closing < end + MAX_ELEMENT
}

/** A document's code spans (codeSpansOf): where each opening and closing run of backquotes starts, ascending. */
interface CodeSpans {
  opens: Uint32Array
  closes: Uint32Array
}

/** The code spans of each document read so far (codeSpansOf). */
const codeSpans = new DocumentMemo(readCodeSpans)

/**
 * Whether a code span's text is the stretch between two of a text's old-style `quotations'
 * (backquote and apostrophe, as GNU texts quote; TeX's ``quotes''): it starts or ends with a
 * space where a code span, written so, has one at both ends or neither ("`foo' and `bar'"), or
 * holds an odd number of runs of apostrophes not between two letters ("`read -e' may now be used
 * (`", "`-f'/`--force'"), where code's quotes come in pairs ("'resume'", "it's" aside).
 */
function quotationsBetween(content: string): boolean {
  if (isSpace(content, 0) !== isSpace(content, content.length - 1)) return true
  let quotes = 0
  for (let k = content.indexOf("'"); k >= 0; k = content.indexOf("'", k + 1)) {
    let end = k + 1
    while (content[end] === "'") end++
    if (!(LETTER.test(content[k - 1] ?? '') && LETTER.test(content[end] ?? ''))) quotes++
    k = end - 1
  }
  return quotes % 2 === 1
}

/**
 * Where the paragraphs of a text end, read forward once as far as asked (codeSpansOf asks in
 * order of the runs of backquotes): a blank line's second line break.
 */
class ParagraphEnds {
  private readonly ends: number[] = []
  private scanned = 0
  private newline = -1

  constructor(private readonly text: string) {}

  /** Whether a paragraph ends in text(from, to): a blank line between. */
  between(from: number, to: number): boolean {
    this.scanTo(to)
    const k = upperBound(this.ends, from)
    return k < this.ends.length && this.ends[k] < to
  }

  /**
   * Reads the text on to `to`. A method of its own, with nothing after its loop: V8 compiles the
   * loop while it reads a long text, and where the search after it shared that compiled code, each
   * later long read entered it and fell out at the search (hundreds of times on the copyright
   * files).
   */
  private scanTo(to: number): void {
    const { text, ends } = this
    for (; this.scanned < to; this.scanned++) {
      const c = text.charCodeAt(this.scanned)
      if (c === 0x0a) {
        if (this.newline >= 0) ends.push(this.scanned)
        this.newline = this.scanned
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) this.newline = -1
    }
  }
}

/**
 * The Markdown code spans of `doc`, as CommonMark reads them: a run of backquotes opens one, and
 * the next run of as many backquotes in its paragraph closes it (across a line break; runs of
 * another length between are its text: "`` a`b ``"). Not a fence (three backquotes or more first
 * on a line: a code block), nor a reStructuredText link ("`text <url>`_"), nor the stretch between
 * two of a text's old-style quotations (quotationsBetween). Linear in the text and its runs.
 */
function codeSpansOf(doc: Pick<AnalysedDocument, 'text'>): CodeSpans {
  return codeSpans.get(doc)
}

/** What codeSpansOf gives for a document, read from it once (its memo keeps it). */
function readCodeSpans(doc: Pick<AnalysedDocument, 'text'>): CodeSpans {
  const { text } = doc
  // The runs of backquotes: where each starts, and how long it is.
  const starts: number[] = []
  const lengths: number[] = []
  for (let at = text.indexOf('`'); at >= 0;) {
    let end = at + 1
    while (text.charCodeAt(end) === 0x60) end++
    // A fence: three backquotes or more after at most three spaces at a line's start.
    let before = at - 1
    while (before >= 0 && at - before <= 4 && text.charCodeAt(before) === 0x20) before--
    const fence = end - at >= 3 && at - before <= 4 && (before < 0 || text.charCodeAt(before) === 0x0a)
    if (!fence) {
      starts.push(at)
      lengths.push(end - at)
    }
    at = text.indexOf('`', end)
  }
  // Per run, the next run as long (-1: none).
  const next = new Int32Array(starts.length).fill(-1)
  const last = new Map<number, number>()
  for (let i = starts.length - 1; i >= 0; i--) {
    next[i] = last.get(lengths[i]) ?? -1
    last.set(lengths[i], i)
  }
  const paragraphs = new ParagraphEnds(text)
  const opens: number[] = []
  const closes: number[] = []
  for (let i = 0; i < starts.length; i++) {
    const j = next[i]
    if (j < 0) continue
    const open = starts[i]
    const length = lengths[i]
    const close = starts[j]
    // In one paragraph: no blank line between.
    if (paragraphs.between(open, close)) continue
    // Either way the two runs are taken: the closing one of a link or a quotation opens nothing.
    if (text[close + length] !== '_' && !quotationsBetween(text.slice(open + length, close))) {
      opens.push(open)
      closes.push(close)
    }
    i = j
  }
  return { opens: Uint32Array.from(opens), closes: Uint32Array.from(closes) }
}

/**
 * The Markdown code span that offset `at` of `doc`'s text lies in (codeSpansOf): the offsets of
 * its opening and closing runs of backquotes; undefined when there is none. A call or a name
 * written as code is one thing a sentence names, "`process.cwd()`".
 */
export function codeSpanAround(doc: Pick<AnalysedDocument, 'text'>, at: number): [number, number] | undefined {
  const { opens, closes } = codeSpansOf(doc)
  // The last span opening before `at`.
  const k = lowerBound(opens, at) - 1
  return k >= 0 && at < closes[k] ? [opens[k], closes[k]] : undefined
}

/** Where the first closing tag of element `name` ("</p>") at or after offset `from` starts; undefined when none. */
function closingOf(doc: Pick<AnalysedDocument, 'text'>, context: TagContext, name: string, from: number): number | undefined {
  let closings = context.closings.get(name)
  if (!closings) context.closings.set(name, (closings = offsetsOf(doc.text, new RegExp(`</${name}\\s*>`, 'gi'))))
  const next = lowerBound(closings, from)
  return next < closings.length ? closings[next] : undefined
}

/**
 * Characters an HTML comment may hold between "<!--" and "-->": a notice or a section left out.
 * A "<!--" with no "-->" this near opens no comment (a text about HTML, a cut file), and the tags
 * after it are read.
 */
export const MAX_COMMENT = 5000

/**
 * The HTML comments of `text`, as sorted [start, end) pairs: each "<!--" with the first "-->"
 * after it, MAX_COMMENT characters between at most; read on after a comment's end. Each "-->" is
 * searched for once, not once for every "<!--" before it: a pattern's lazy search of MAX_COMMENT
 * characters on from each "<!--" took 3 s for a megabyte of unclosed ones (a regex audit).
 */
function commentsOf(text: string): number[] {
  const comments: number[] = []
  let close = -1
  for (let open = text.indexOf('<!--'); open >= 0;) {
    if (close < open + 4) close = text.indexOf('-->', open + 4)
    if (close < 0) break
    if (close - open - 4 > MAX_COMMENT) {
      open = text.indexOf('<!--', open + 1)
      continue
    }
    comments.push(open, close + 3)
    open = text.indexOf('<!--', close + 3)
  }
  return comments
}

/**
 * Whether a FENCE line opens a code block (`open` undefined) or closes the one `open` opened, as
 * CommonMark reads them: a backquote fence's info string has no backquote ("```npm install```" is
 * code inline, no fence); a closing fence is of the opening one's character, as long at least, with
 * nothing after it. And an opening fence with nothing after it, under a line of text at most as
 * long as itself, is that line's underline: a heading of reStructuredText ("Usage" over "~~~~~",
 * a reviewer). ("Usage:" over "```" opens a block, as Markdown writes them.)
 */
function isFence(text: string, line: RegExpExecArray, open: string | undefined): boolean {
  const [, fence, rest] = line
  const bare = rest.trim() === ''
  if (open !== undefined) return bare && fence[0] === open[0] && fence.length >= open.length
  if (fence[0] === '`' && rest.includes('`')) return false
  if (!bare || line.index === 0) return true
  const before = text.lastIndexOf('\n', line.index - 2)
  const above = text.slice(before + 1, line.index - 1).trim()
  return above === '' || fence.length < above.length
}

/**
 * The code blocks and markup of a document's text (see above), as sorted, disjoint [start, end)
 * ranges of its offsets, a tag's end negated (-end: a link, LINK), a comment's and a block's
 * not; made once a document. A code block opened and never closed runs to the text's end, as
 * Markdown reads it.
 */
function codeAndMarkup(doc: Pick<AnalysedDocument, 'text'>): readonly number[] {
  return rangesOf.get(doc)
}

/** What codeAndMarkup gives for a document, read from it once (its memo keeps it). */
function readCodeAndMarkup(doc: Pick<AnalysedDocument, 'text'>): readonly number[] {
  const { text } = doc
  const blocks: number[] = []
  // Most texts have neither: told by a native search before any pattern.
  if (text.includes('```') || text.includes('~~~')) {
    FENCE.lastIndex = 0
    let open: RegExpExecArray | undefined
    for (let line = FENCE.exec(text); line; line = FENCE.exec(text)) {
      if (!isFence(text, line, open?.[1])) continue
      if (open) {
        blocks.push(open.index, line.index + line[0].length)
        open = undefined
      } else open = line
    }
    if (open) blocks.push(open.index, text.length)
  }
  // reStructuredText's literal blocks are code blocks too, those outside a fenced one.
  const literal = literalBlocks(text)
  for (let k = 0; k < literal.length; k += 2) {
    const at = upperBound(blocks, literal[k])
    if (at % 2 === 0 && (at === blocks.length || blocks[at] >= literal[k + 1])) blocks.splice(at, 0, literal[k], literal[k + 1])
  }
  const tags: [number, number][] = []
  if (text.includes('<')) {
    // A comment's end is kept as it is: what it holds is text (a licence's notice, a section
    // left out), no link, though no claim of a paraphrase either. A tag's is negated.
    const comments = text.includes('<!--') ? commentsOf(text) : []
    for (let k = 0; k < comments.length; k += 2) {
      // Outside every block (one inside is marked with it), and reaching into none.
      const at = upperBound(blocks, comments[k])
      if (at % 2 === 0 && (at === blocks.length || blocks[at] >= comments[k + 1])) tags.push([comments[k], comments[k + 1]])
    }
    TAG.lastIndex = 0
    for (let tag = TAG.exec(text); tag; tag = TAG.exec(text)) {
      const end = tag.index + tag[0].length
      // None inside a comment (its text); outside every block, and reaching into none.
      const inComment = upperBound(comments, tag.index)
      if (inComment % 2 === 1) {
        TAG.lastIndex = comments[inComment]
        continue
      }
      const at = upperBound(blocks, tag.index)
      if (at % 2 === 0 && (at === blocks.length || blocks[at] >= end)) tags.push([tag.index, -end])
    }
  }
  // Sorted by start, disjoint; a tag's end negated (told from a block's or comment's where marks
  // are made).
  const ranges = tags.length
    ? [...tags, ...Array.from({ length: blocks.length / 2 }, (_, k) => [blocks[2 * k], blocks[2 * k + 1]])]
        .sort((x, y) => x[0] - y[0])
        .flat()
    : blocks
  return ranges
}

/** The index (even) of the first range of `ranges` (codeAndMarkup) that ends after offset x. */
function firstRangeEndingAfter(ranges: readonly number[], x: number): number {
  let lo = 0
  let hi = ranges.length / 2
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (Math.abs(ranges[2 * mid + 1]) <= x) lo = mid + 1
    else hi = mid
  }
  return 2 * lo
}

/**
 * A Markdown link reference definition, a line of a text's table of links: a label in brackets,
 * a colon, one target (group 1) and maybe a title: "[`crypto.createCipheriv()`]:
 * #cryptocreatecipherivalgorithm-key-iv-options", "[npm-image]: https://img.shields.io/npm/v/x.svg",
 * "[REPL]: repl.md", a change log's "[4.15.0]: https://.../compare/v4.14.0...v4.15.0". Two texts'
 * tables list the same links in the same order (Node.js's crypto.md and deprecations.md, a
 * reviewer: two of its top twenty overlaps) and say nothing by it. Not a footnote ("[^1]: ..."),
 * whose text is the text's; nor a line with more than one word after the colon ("[WARNING]: the
 * disk is full"); nor one whose target is no link (LINK_TARGET). The target is read as one run
 * without spaces and tested after: a pattern that looked inside it for a slash backtracked over
 * every slash of a long one (an image written as data, base64, 200 KB: 4.6 s; a reviewer).
 */
const REFERENCE_DEFINITION =
  /^ {0,3}\[(?!\^)[^\]\n]{1,999}\]:[ \t]*(<[^<>\n]*>|[^\s<>]+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/gm

/**
 * A link reference definition's target that is a link: in angle brackets, or with a slash or a
 * hash (an address, a path, a place in a page), or a file's name with its extension; no comma or
 * semicolon in it. Not a citation's "Id." ("[2]: Id. (holding that ...)") nor code's value
 * ("[EventType.Click]: onClick,", "[key: string]: unknown;", "[Page.Home]: '/home',"), reviewers'
 * cases. "No comma or semicolon" is read once, ahead: read around each slash ("[^,;]*[/#][^,;]*$"),
 * a long path ending in a comma was read again from each of its slashes (a tester).
 */
const LINK_TARGET = /^(?:<.*>$|(?=[^,;]*$)(?:[^/#]*[/#]|[^,;]*\.[A-Za-z][A-Za-z0-9]{0,4}$))/

/**
 * An HTML page's style sheet or script opening ("<style>", "<script type=...>", Vue's "<style
 * scoped>"; the element's name: group 1) where a page's markup has it: first on its line, or right
 * after another tag ("<head><style>"). Its contents, to the element's closing tag, are how the page
 * is drawn and what it runs, never what it says: two newsletters sent from one template share
 * their style sheet whole (a reviewer: a verbatim overlap scored 9.3). Not a "<script>" a text
 * names in a sentence ("an attacker can inject <script> tags ... the </script> end tag", a
 * reviewer of this rule), nor one in a code block or code span, nor one whose closing tag is in a
 * code block, more than MAX_ELEMENT_CONTENT characters on, or followed by words (CLOSING_EDGE).
 */
const STYLE_OR_SCRIPT_OPENING = /(?:^|>)[ \t]*<(style|script)\b[^<>]*>/gim

/**
 * What follows a style sheet's or script's closing tag where a page's markup has it: the line's
 * end or another tag. Not the rest of a sentence: a hard-wrapped advisory put its "<script>" first
 * on a line, and its "</script> end tag" a paragraph later is prose (a reviewer).
 */
const CLOSING_EDGE = /^[ \t]*(?:\r?\n|$|<)/

/** Characters a style sheet or script holds, at most, to be read as markup: a page's own sheet, not a file of them. */
const MAX_ELEMENT_CONTENT = 100_000

/**
 * A reStructuredText role before its target: ":command:" of ":command:`install()`", ":py:func:",
 * ":prop_tgt:". It says what kind of thing the target names and how it is linked, as a tag's
 * name says how a text is shown: two CMake pages' ":command:`while`\ncommand, the
 * :command:`break` and :command:`continue` commands" and ":command:`if` command.\n\nThe commands
 * :command:`break` and :command:`continue`" shared "command" five times and were a near-verbatim
 * copy of similarity 1 (a reviewer of CMake's help). The target, between the backticks, is text.
 */
const RST_ROLE = /(?<![\w:`]):(?:[a-z][\w-]*:)?[a-z][\w.+-]*:(?=`[^`\n])/g

/**
 * A reStructuredText field's name at a line's start, with its colons: ":title:", ":related
 * command:", a docstring's ":param timeout:" and ":returns:". It names what the text after it is,
 * as a role does: the AWS CLI's topics open with one list of fields (":title: ... :description:
 * ... :category: ... :related command: ..."), and three topics on different things were a
 * paraphrase of the fields' names, and a verbatim copy of "the AWS CLI\n:category: General\n:related
 * command" (a tester). The value after it is text.
 */
const RST_FIELD = /^[ \t]*:[A-Za-z][\w .-]{0,40}?:(?=[ \t]|\r?$)/gm

/** The roles of each document read so far (rolesIn). */
const rolesOf = new DocumentMemo(readRoles)

/** A document's reStructuredText roles (RST_ROLE) outside code: sorted [start, end) offsets, flat. */
function rolesIn(doc: Pick<AnalysedDocument, 'text'>): Uint32Array {
  return rolesOf.get(doc)
}

/** What rolesIn gives for a document, read from it once (its memo keeps it). */
function readRoles(doc: Pick<AnalysedDocument, 'text'>): Uint32Array {
  const found: number[] = []
  if (doc.text.includes(':`')) {
    RST_ROLE.lastIndex = 0
    for (let m = RST_ROLE.exec(doc.text); m; m = RST_ROLE.exec(doc.text))
      if (!inCodeBlock(doc, m.index) && !codeSpanAround(doc, m.index)) found.push(m.index, m.index + m[0].length)
  }
  return Uint32Array.from(found)
}

/**
 * The reStructuredText role (RST_ROLE) that offset `at` of `doc`'s text lies in, or whose target
 * starts at `at` (its opening backtick, `at` - 1, right after the role), as [start, end) offsets
 * of the role; undefined when none.
 */
export function roleAt(doc: Pick<AnalysedDocument, 'text'>, at: number): [number, number] | undefined {
  const roles = rolesIn(doc)
  const r = (upperBound(roles, at) - 1) & ~1
  return r >= 0 && r < roles.length && roles[r] <= at && at <= roles[r + 1] + 1 ? [roles[r], roles[r + 1]] : undefined
}

/** The markup ranges of each document read so far (markupRanges). */
const markupRangesOf = new DocumentMemo(readMarkupRanges)

/**
 * A document's text that is markup whole, besides its tags: its link reference definitions
 * (REFERENCE_DEFINITION, LINK_TARGET), the contents of its style sheets and scripts
 * (STYLE_OR_SCRIPT_OPENING) and its reStructuredText roles and fields' names (RST_ROLE, RST_FIELD), none in a code block,
 * where a text shows them as code; sorted, disjoint [start, end) ranges.
 */
function markupRanges(doc: Pick<AnalysedDocument, 'text'>): Uint32Array {
  return markupRangesOf.get(doc)
}

/** What markupRanges gives for a document, read from it once (its memo keeps it). */
function readMarkupRanges(doc: Pick<AnalysedDocument, 'text'>): Uint32Array {
  const { text } = doc
  const found: [number, number][] = []
  if (text.includes(']:')) {
    REFERENCE_DEFINITION.lastIndex = 0
    for (let m = REFERENCE_DEFINITION.exec(text); m; m = REFERENCE_DEFINITION.exec(text))
      if (LINK_TARGET.test(m[1]) && !inCodeBlock(doc, m.index)) found.push([m.index, m.index + m[0].length])
  }
  const roles = rolesIn(doc)
  for (let r = 0; r < roles.length; r += 2) found.push([roles[r], roles[r + 1]])
  if (/^[ \t]*:[A-Za-z]/m.test(text)) {
    RST_FIELD.lastIndex = 0
    for (let m = RST_FIELD.exec(text); m; m = RST_FIELD.exec(text)) {
      const from = m.index + m[0].indexOf(':')
      if (!inCodeBlock(doc, from)) found.push([from, m.index + m[0].length])
    }
  }
  if (/<s(?:tyle|cript)\b/i.test(text)) {
    const context = tagContextOf(doc)
    STYLE_OR_SCRIPT_OPENING.lastIndex = 0
    for (let m = STYLE_OR_SCRIPT_OPENING.exec(text); m; m = STYLE_OR_SCRIPT_OPENING.exec(text)) {
      const from = m.index + m[0].length
      const opening = text.lastIndexOf('<', from)
      if (codeSpanAround(doc, opening) || inCodeBlock(doc, opening)) continue
      const to = closingOf(doc, context, m[1].toLowerCase(), from)
      if (to === undefined || to - from > MAX_ELEMENT_CONTENT || inCodeBlock(doc, to)) continue
      // Its closing tag last on its line or before another tag, as a page's markup has it.
      const after = text.indexOf('>', to) + 1
      if (after > 0 && CLOSING_EDGE.test(text.slice(after, after + 64))) found.push([from, to])
    }
  }
  found.sort((x, y) => x[0] - y[0])
  const merged: number[] = []
  for (const [from, to] of found)
    if (merged.length && from <= merged[merged.length - 1]) merged[merged.length - 1] = Math.max(merged[merged.length - 1], to)
    else merged.push(from, to)
  return Uint32Array.from(merged)
}

/** The ranges of code and markup of each document read so far (codeAndMarkup). */
const rangesOf = new DocumentMemo(readCodeAndMarkup)

/** Whether offset `at` of `doc`'s text lies in a code block (Markdown's, reStructuredText's) or an HTML comment (codeAndMarkup). */
export function inCodeBlock(doc: Pick<AnalysedDocument, 'text'>, at: number): boolean {
  const ranges = codeAndMarkup(doc)
  const r = firstRangeEndingAfter(ranges, at)
  return r < ranges.length && ranges[r] <= at && ranges[r + 1] > 0
}

/** The marks of each document read whole so far, made once a document (its text never changes). */
const marksOf = new DocumentMemo((doc: AnalysedDocument) => markNonWords(doc, 0, doc.starts.length - 1))

/**
 * Per token of `doc`, NON_WORD when the token is part of a web or e-mail address, a path, a file
 * name, an identifier, a command, an option, code or markup, a number, a quantity (isQuantity) or a Chinese
 * or Japanese character (see above), with LINK too in a web address or an HTML tag; 0 for a
 * word. Made on the first call for a document and kept with it.
 */
export function nonWordTokens(doc: AnalysedDocument): Uint8Array {
  return marksOf.get(doc)
}

/** Per document not read whole yet, how many tokens nonWordTokensIn has marked of it. */
const markedOf = new WeakMap<AnalysedDocument, number>()

/**
 * As nonWordTokens, for tokens t0 to t1 of `doc` only (mark k is token t0 + k; the array is not
 * to be written): what a pair of passages needs, read from their text alone, not from the whole
 * document's (a changelog of a megabyte for a passage of a line: 0.65 s of the changelogs' run).
 * Once the spans asked of a document add up to as many tokens as it has, it is read whole and
 * its marks kept (nonWordTokens): the pairs a copyright file is in ask for its licence again and
 * again, 1.4 times its tokens in all. So no document is read more than twice over.
 */
export function nonWordTokensIn(doc: AnalysedDocument, t0: number, t1: number): Uint8Array {
  const whole = marksOf.held(doc)
  if (whole) return whole.subarray(t0, t1 + 1)
  const marked = (markedOf.get(doc) ?? 0) + Math.max(0, t1 - t0 + 1)
  if (marked >= doc.starts.length) return nonWordTokens(doc).subarray(t0, t1 + 1)
  markedOf.set(doc, marked)
  return markNonWords(doc, t0, t1)
}

/**
 * Marks tokens t0 to t1 (see nonWordTokens). The text read reaches to the white space around
 * them: addresses and paths hold none, so each is read whole, as in the whole text.
 */
function markNonWords(doc: AnalysedDocument, t0: number, t1: number): Uint8Array {
  const marks = new Uint8Array(Math.max(0, t1 - t0 + 1))
  if (marks.length === 0) return marks
  const { text, starts } = doc
  let from = starts[t0]
  while (from > 0 && !isSpace(text, from - 1)) from--
  let to = doc.ends[t1]
  while (to < text.length && !isSpace(text, to)) to++
  const part = from === 0 && to === text.length ? text : text.slice(from, to)
  const mark = (start: number, end: number, bits: number): void => {
    for (let t = Math.max(t0, lowerBound(starts, from + start)); t <= t1 && starts[t] < from + end; t++) marks[t - t0] |= bits
  }
  // Each pattern matches inside a run of text without white space, and reads no further back
  // than the character before it (white space, where the run starts): the runs that hold what a
  // pattern needs are read alone, by the patterns that need it, not the whole text from every
  // character by every pattern.
  NEEDED.lastIndex = 0
  for (let found = NEEDED.exec(part); found; found = NEEDED.exec(part)) {
    let start = found.index
    while (start > 0 && !isSpace(part, start - 1)) start--
    let end = found.index + 1
    while (end < part.length && !isSpace(part, end)) end++
    const run = part.slice(start, end)
    // exec, not matchAll: matchAll copies its pattern on every call, and there is a call a run.
    for (const p of NON_WORD_PATTERNS) {
      if (!p.needs.test(run) || (p.label && !labelsLine(text, from + start, from + end))) continue
      // The pattern read only where the run needs it: some are made on first use (patternOnUse).
      const { pattern, marked, marks: bits } = p
      pattern.lastIndex = 0
      for (let match = pattern.exec(run); match; match = pattern.exec(run))
        mark(start + match.index, start + match.index + marked(match[0]), NON_WORD | (bits?.(match[0]) ?? 0))
    }
    NEEDED.lastIndex = end
  }
  // Code and markup: the tokens that start inside a range, from the first range ending after t0's start.
  const ranges = codeAndMarkup(doc)
  for (let r = firstRangeEndingAfter(ranges, starts[t0]); r < ranges.length && ranges[r] <= starts[t1]; r += 2) {
    const [end, bits] = ranges[r + 1] < 0 ? [-ranges[r + 1], NON_WORD | LINK] : [ranges[r + 1], NON_WORD]
    for (let t = Math.max(t0, lowerBound(starts, ranges[r])); t <= t1 && starts[t] < end; t++) marks[t - t0] |= bits
    if (ranges[r + 1] < 0 && isHtmlTag(doc, ranges[r], end)) {
      // Markup but for the text of its alt and title attributes (PROSE_ATTRIBUTE).
      const tag = text.slice(ranges[r], end)
      const prose: number[] = []
      PROSE_ATTRIBUTE.lastIndex = 0
      for (let m = PROSE_ATTRIBUTE.exec(tag); m; m = PROSE_ATTRIBUTE.exec(tag))
        if (m[1].trim().split(/\s+/).length >= MIN_PROSE_WORDS)
          prose.push(ranges[r] + m.index + m[0].length - m[1].length, ranges[r] + m.index + m[0].length)
      for (let t = Math.max(t0, lowerBound(starts, ranges[r])); t <= t1 && starts[t] < end; t++)
        if (upperBound(prose, starts[t]) % 2 === 0) marks[t - t0] |= MARKUP
    }
  }
  // A link reference definition's line, its label, target and title; a style sheet or script.
  const markup = markupRanges(doc)
  for (let r = upperBound(markup, starts[t0]) & ~1; r < markup.length && markup[r] <= starts[t1]; r += 2)
    for (let t = Math.max(t0, lowerBound(starts, markup[r])); t <= t1 && starts[t] < markup[r + 1]; t++)
      marks[t - t0] |= NON_WORD | LINK | MARKUP
  // A form's field labels (field-labels.ts).
  const labels = fieldLabels(doc)
  for (let k = lowerBound(labels, t0); k < labels.length && labels[k] <= t1; k++) marks[labels[k] - t0] |= NON_WORD
  for (let t = t0; t <= t1; t++)
    if (!marks[t - t0] && (ownWordAt(doc.text, doc.starts[t]) || isNumber(doc, t) || isQuantity(doc, t))) marks[t - t0] = NON_WORD
  return marks
}

/** Where a web address shows itself: a scheme's "://", "www." (see ADDRESS). */
const ADDRESS_SIGN = /:\/\/|[wW]{3}\./g

/** Per document read so far, where its ADDRESS_SIGNs are, ascending (mayLink). */
const addressSignsOf = new DocumentMemo((doc: AnalysedDocument) => offsetsOf(doc.text, ADDRESS_SIGN))

/**
 * Characters, at most, read back from a passage's first token for the address it may start inside
 * (mayLink): an address is a run without white space, seldom of more than a few hundred.
 */
const MAX_ADDRESS_BACK = 2048

/**
 * Whether tokens [t0, t1] of `doc` may hold a link (LINK): an address's sign in them or in the run
 * without white space their first token is in, or a tag, link reference definition, style sheet
 * or script of the document reaching into them. Most passages have none, told by binary searches
 * in what is found once a document.
 */
export function mayLink(doc: AnalysedDocument, t0: number, t1: number): boolean {
  return signIn(doc, t0, t1, addressSignsOf.get(doc)) || mayMarkup(doc, t0, t1)
}

/**
 * Whether tokens [t0, t1] of `doc` may hold markup (MARKUP): a tag, link reference definition,
 * style sheet or script of the document reaching into them (see mayLink). Where this is false, no
 * token of them is marked MARKUP.
 */
export function mayMarkup(doc: AnalysedDocument, t0: number, t1: number): boolean {
  const to = doc.ends[t1]
  // A tag (codeAndMarkup: its end negated) that ends after the first token starts and starts before the last ends.
  const ranges = codeAndMarkup(doc)
  for (let r = firstRangeEndingAfter(ranges, doc.starts[t0]); r < ranges.length && ranges[r] < to; r += 2)
    if (ranges[r + 1] < 0) return true
  // A link reference definition, style sheet or script reaching into them.
  const markup = markupRanges(doc)
  const r = upperBound(markup, doc.starts[t0]) & ~1
  return r < markup.length && markup[r] < to
}

/** Where an e-mail address shows itself (see ADDRESS). */
const MAIL_SIGN = /@/g

/**
 * Whether tokens [t0, t1] of `doc` may hold part of an e-mail address (an "@" in them or in the
 * run without white space their first token is in). Where this is false, no token of them is
 * marked MAIL.
 */
export function mayMail(doc: AnalysedDocument, t0: number, t1: number): boolean {
  return signIn(doc, t0, t1, mailSignsOf.get(doc))
}

/** Per document read so far, where its MAIL_SIGNs are, ascending (signIn). */
const mailSignsOf = new DocumentMemo((doc: AnalysedDocument) => offsetsOf(doc.text, MAIL_SIGN))

/**
 * Whether a sign is found in tokens [t0, t1] of `doc` or in the run without white space their
 * first token is in (MAX_ADDRESS_BACK characters back at most), by a binary search in `signs`,
 * where the document has it (ascending offsets).
 */
function signIn(doc: AnalysedDocument, t0: number, t1: number, signs: Uint32Array): boolean {
  const { text } = doc
  let from = doc.starts[t0]
  const floor = Math.max(0, from - MAX_ADDRESS_BACK)
  while (from > floor && !isSpace(text, from - 1)) from--
  const next = lowerBound(signs, from)
  return next < signs.length && signs[next] < doc.ends[t1]
}

/**
 * The share (0..1) of the weight of the content words of tokens [t0, t1] of `doc` that lies in
 * links or e-mail addresses (LINK, MAIL), each word weighing `weights[match id]`; 0 for a passage
 * without either.
 */
export function linkWeightShare(doc: AnalysedDocument, t0: number, t1: number, weights: ArrayLike<number>): number {
  if (!mayLink(doc, t0, t1) && !mayMail(doc, t0, t1)) return 0
  const marks = nonWordTokensIn(doc, t0, t1)
  let all = 0
  let linked = 0
  for (let c = contentFrom(doc, t0); c < doc.content.length && doc.content[c] <= t1; c++) {
    const t = doc.content[c]
    const w = weights[doc.match[t]]
    all += w
    if (marks[t - t0] & (LINK | MAIL)) linked += w
  }
  return all > 0 ? linked / all : 0
}

/**
 * How many content words of tokens t0 to t1 of `doc` continue an identifier whose content words
 * before them are in the span too: each identifier's content words, less one. A span's content
 * words less these are its words with each identifier counted once ("is_it_on_the_list_of_items"
 * is the content words "list" and "items": one join). An identifier is a name joined by
 * underscores, or a code word (codeRuns).
 */
export function identifierJoins(doc: AnalysedDocument, t0: number, t1: number): number {
  const joins = joinsOf(doc)
  if (joins.length === 0) return 0
  // The joins between the span's first content word and its last: content positions (lo, end).
  const lo = contentFrom(doc, t0)
  const end = contentFrom(doc, t1 + 1)
  return end - lo < 2 ? 0 : lowerBound(joins, end) - lowerBound(joins, lo + 1)
}

/** Per document read by identifierJoins: its joins (joinsOf). */
const joinsOfDoc = new DocumentMemo(readJoins)

/**
 * The content positions c of `doc` whose word continues an identifier from the content word
 * before it (c - 1): both in one code word (codeRuns), or joined by underscores; ascending, found
 * once a document. identifierJoins counts those of a span by binary searches, not by reading its
 * words: a pair is counted each time it is measured (its edges cut, its words read as a sentence),
 * and a change log's passage can be thousands of words.
 */
function joinsOf(doc: AnalysedDocument): Uint32Array {
  return joinsOfDoc.get(doc)
}

/** What joinsOf gives for a document, read from it once (its memo keeps it). */
function readJoins(doc: AnalysedDocument): Uint32Array {
  const { content } = doc
  const runs = codeRuns(doc)
  // Most documents hold no underscore at all: told by one native search.
  const underscores = doc.text.includes('_')
  const found: number[] = []
  let r = 0
  for (let c = 1; c < content.length; c++) {
    const t = content[c - 1]
    const u = content[c]
    while (r < runs.length && runs[r + 1] < t) r += 2
    const inCode = r < runs.length && runs[r] <= t && u <= runs[r + 1]
    if (inCode || (underscores && joined(doc, t, u))) found.push(c)
  }
  const joins = Uint32Array.from(found)
  return joins
}

/**
 * Most characters of a written word read to tell whether it is a code word (codeRuns): longer
 * runs (a key in base64, a hash) are read no further and are code words when what was read is one.
 */
const MAX_CODE_WORD = 256

/** The marks that join the tokens of a code word, one or two of them between two ("::"). */
const CODE_JOINERS = '-:._'

/**
 * A part of a written word in hexadecimal digits, four or more, letters and digits mixed
 * ("12a34b55", "8ef9", "2a00"): see codeRuns. Not a version ("1.2-4ubuntu1", "x86", a word of
 * sim_text's runs of Debian's change logs: with them, 0.3% of the runs were no longer covered).
 */
const HEX_MIXED = patternOnUse(String.raw`(?<![\p{L}\p{N}])(?=[\da-fA-F]*[a-fA-F])(?=[\da-fA-F]*\d)[\da-fA-F]{4,}(?![\p{L}\p{N}])`, 'u')

/** A written word of printable ASCII characters only. */
const ASCII_WORD = /^[\x21-\x7e]+$/

/** Per document read by codeRuns: its code words. */
const codeRunsOf = new DocumentMemo(readCodeRuns)

/**
 * The code words of `doc`, as its tokens [first, last] in pairs, ascending; found once a document.
 * A code word is a written word of two tokens or more joined by hyphens, colons, dots or
 * underscores (CODE_JOINERS; the parts of a path or an address, with slashes, are nameJoins'),
 * that has a colon between its tokens and a letter ("arn:aws:rds", "HH:MM", "std::string"; not a
 * time, "21:50") or a part in hexadecimal digits (HEX_MIXED: "fleet-12a34b55-67cd-8ef9"): an
 * identifier, a date format, an address of the machine, whose pieces are no words a reader
 * counts. The AWS command line's examples shared "YYYY-MM-DDTHH:MM:SS.000Z" (six tokens), an IPv6
 * address (eight) or an account's ARN and were verbatim overlaps of "6 shared words" and more (a
 * reviewer).
 */
export function codeRuns(doc: AnalysedDocument): Uint32Array {
  return codeRunsOf.get(doc)
}

/** What codeRuns gives for a document, read from it once (its memo keeps it). */
function readCodeRuns(doc: AnalysedDocument): Uint32Array {
  const { text, starts, ends } = doc
  const n = starts.length
  /** Whether tokens u and u + 1 are joined into one word: one or two of CODE_JOINERS between them. */
  const touches = (u: number): boolean => {
    const from = ends[u]
    const to = starts[u + 1]
    if (to - from < 1 || to - from > 2) return false
    for (let k = from; k < to; k++) if (!CODE_JOINERS.includes(text[k])) return false
    return true
  }
  const found: number[] = []
  for (let t = 0; t < n;) {
    let u = t
    while (u + 1 < n && touches(u)) u++
    if (u > t && isCodeWord(text.slice(starts[t], Math.min(ends[u], starts[t] + MAX_CODE_WORD)))) found.push(t, u)
    t = u + 1
  }
  const runs = Uint32Array.from(found)
  return runs
}

/**
 * Whether a written word (see codeRuns) is a code word: ASCII only (Chinese and Japanese text
 * writes a clause without spaces, "注意:委员会...", its colon no joiner of code; a reviewer).
 */
function isCodeWord(word: string): boolean {
  if (!ASCII_WORD.test(word)) return false
  return (word.includes(':') && LETTER.test(word)) || (mayHoldHex(word) && HEX_MIXED().test(word))
}

/**
 * Whether a word has a digit and a letter a-f, as a part HEX_MIXED finds must: most joined words
 * (hyphenated ones, versions) have not, and are told so without the pattern's look-arounds (a
 * fifth of finding the code words of Debian's change logs).
 */
function mayHoldHex(word: string): boolean {
  let digit = false
  let letter = false
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k)
    if (c >= 0x30 && c <= 0x39) digit = true
    else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) letter = true
    if (digit && letter) return true
  }
  return false
}

/**
 * How many content words of the pair's sides (tokens [a0, a1] of A, [b0, b1] of B) continue a name
 * with a slash in it past where it parts from the other side's names: the folders (or branch
 * prefix) it shares with the closest name the other side writes are shared words, the rest of it
 * one word, as an identifier is (joins by underscores are identifierJoins', not counted here);
 * the fewer of the two sides. Two names of one family share their parts, not a text: the topic
 * branches "er/fast-import-dump-refs-on-checkpoint" and "sg/fast-import-dump-refs-on-checkpoint-fix"
 * in two release notes' "(merge ... later to maint)" lines shared seven words, and were an edited
 * copy (a reviewer of git's release notes). A name both sides write (the same branch, the same
 * path) counts all its words, as sim_text counts them, and two paths to one folder share the
 * folder ("/usr/share/common-licenses/" of "GPL-2" and "Apache-2.0").
 */
export function nameJoins(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): number {
  const inA = namesIn(A, a0, a1)
  if (inA.length === 0) return 0
  const inB = namesIn(B, b0, b1)
  // A side with no names has no joins: the fewer is none.
  if (inB.length === 0) return 0
  return Math.min(joinsPastShared(A, a0, a1, inA, prefixesOf(inB)), joinsPastShared(B, b0, b1, inB, prefixesOf(inA)))
}

/** A name with a slash in it (see nameJoins): where it is, and its folders as nameJoins compares them. */
export interface Name {
  /** Offsets [from, to) of the name in its text, marks trimmed at both ends. */
  from: number
  to: number
  /** Offset where each of its parts (between slashes) starts, from the first after a scheme. */
  parts: number[]
  /** Those parts in lower case. */
  folders: string[]
  /** The name in lower case. */
  lower: string
}

/**
 * A character of a name: a word's (but not of a script written without spaces: a Chinese
 * sentence is no name however many slashes it holds) or one a path or address is written with.
 */
function inName(text: string, k: number): boolean {
  return isWordUnit(text.charCodeAt(k)) || NAME_MARKS.includes(text[k])
}
/** The marks a path, address or branch name is written with besides letters and digits. */
const NAME_MARKS = './-_~%+:@'

/**
 * The names with a slash in them that tokens [t0, t1] of `doc` touch, in the order they are
 * written: runs of name characters (inName) around a slash, read on past the tokens to the name's
 * ends. A document's names are read once (namesOf), and a pair's found among them by a binary
 * search: read from the pair's tokens at every pair, a name tens of kilobytes long was read whole
 * for each of the hundreds of pairs inside it (a path of 100 KB: 25 s; a tester).
 */
export function namesIn(doc: AnalysedDocument, t0: number, t1: number): Name[] {
  const names = namesOf(doc)
  const from = doc.starts[t0]
  const to = doc.ends[t1]
  const out: Name[] = []
  for (let k = lowerBound(names.runEnds, from); k < names.runEnds.length && names.runStarts[k] <= to; k++) {
    if (names.froms[k] === names.tos[k]) continue
    let name = names.read.get(k)
    if (!name) names.read.set(k, (name = readName(doc.text, names.froms[k], names.tos[k])))
    out.push(name)
  }
  return out
}

/**
 * A document's names (namesIn) as found: where each run of name characters around a slash starts
 * and ends, and where the name it holds does (its marks trimmed; from = to: none), in the order
 * written; and the names read so far (readName), by their place in that order. Only the names a
 * pair touches are read: the change logs of a Debian system hold hundreds of thousands.
 */
interface DocumentNames {
  runStarts: Uint32Array
  runEnds: Uint32Array
  froms: Uint32Array
  tos: Uint32Array
  read: Map<number, Name>
}

/** Per document read by namesIn: its names. */
const namesOfDoc = new DocumentMemo(readNames)

/** The names of `doc` (see DocumentNames): each run of name characters that holds a slash. */
function namesOf(doc: AnalysedDocument): DocumentNames {
  return namesOfDoc.get(doc)
}

/** What namesOf gives for a document, read from it once (its memo keeps it). */
function readNames(doc: AnalysedDocument): DocumentNames {
  const { text } = doc
  const runStarts: number[] = []
  const runEnds: number[] = []
  const froms: number[] = []
  const tos: number[] = []
  let runEnd = -1
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    // The name's other slashes are read with it.
    if (slash < runEnd) continue
    let run = slash
    while (run > 0 && inName(text, run - 1)) run--
    runEnd = slash + 1
    while (runEnd < text.length && inName(text, runEnd)) runEnd++
    let start = run
    let end = runEnd
    while (start < end && !WORD_CHAR.test(text[start])) start++
    while (end > start && !WORD_CHAR.test(text[end - 1])) end--
    runStarts.push(run)
    runEnds.push(runEnd)
    froms.push(start)
    tos.push(end)
  }
  return {
    runStarts: Uint32Array.from(runStarts),
    runEnds: Uint32Array.from(runEnds),
    froms: Uint32Array.from(froms),
    tos: Uint32Array.from(tos),
    read: new Map(),
  }
}

/** The name text[start, end) (see namesIn), its parts and folders read. */
function readName(text: string, start: number, end: number): Name {
  // An address's scheme and "www." name no folder: "http://www.debian.org/doc/" and
  // "https://debian.org/doc" are one address (Debian's copyright files write their format's
  // address either way).
  // Its slashes read in the name alone, not on through the document to the next one.
  const name = text.slice(start, end)
  const scheme = SCHEME.exec(name)
  const parts = [scheme ? scheme[0].length : 0]
  for (let k = name.indexOf('/', parts[0]); k >= 0; k = name.indexOf('/', k + 1)) if (k + 1 < name.length) parts.push(k + 1)
  const folders = parts.map((p, k) => name.slice(p, k + 1 < parts.length ? parts[k + 1] - 1 : name.length).toLowerCase())
  for (let k = 0; k < parts.length; k++) parts[k] += start
  return { from: start, to: end, parts, folders, lower: name.toLowerCase() }
}

/** An address's scheme and "www.", which nameJoins does not compare. */
const SCHEME = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:\/\/)?(?:[wW]{3}\.)?/

/**
 * Every run of first folders of `names` ("usr", "usr/share", ...), to find how far a name shares
 * them: a trie, each run's number by the number of the run before it (0 for none) and its last
 * folder. Not the runs' text: a name of k folders would be k strings as long as itself.
 */
function prefixesOf(names: readonly Name[]): Map<string, number> {
  const runs = new Map<string, number>()
  for (const { folders } of names) {
    let run = 0
    for (const folder of folders) {
      const key = `${run}/${folder}`
      let next = runs.get(key)
      if (next === undefined) runs.set(key, (next = runs.size + 1))
      run = next
    }
  }
  return runs
}

/**
 * Joins of content words of `names` (in tokens [t0, t1] of `doc`) past the folders each shares
 * from its start with a name of the other side (`prefixes`, prefixesOf), not counting joins by
 * underscores.
 */
function joinsPastShared(doc: AnalysedDocument, t0: number, t1: number, names: readonly Name[], prefixes: Map<string, number>): number {
  const { content, starts } = doc
  let joins = 0
  for (const name of names) {
    let shared = 0
    for (let run = 0; shared < name.folders.length; shared++) {
      const next = prefixes.get(`${run}/${name.folders[shared]}`)
      if (next === undefined) break
      run = next
    }
    if (shared === name.folders.length) continue
    // Joins between content words both past the shared folders.
    const rest = name.parts[shared]
    const first = contentFrom(doc, Math.max(t0, lowerBound(starts, rest)))
    const end = contentFrom(doc, Math.min(t1 + 1, lowerBound(starts, name.to)))
    for (let c = first + 1; c < end; c++) if (!joined(doc, content[c - 1], content[c])) joins++
  }
  return joins
}

/** Whether tokens t and u (t < u) of `doc` are in one identifier: each token from t + 1 to u continues it (word-edges.ts). */
function joined(doc: AnalysedDocument, t: number, u: number): boolean {
  for (let k = t + 1; k <= u; k++) if (!continuesIdentifier(doc, k)) return false
  return true
}

/** Whether any of tokens [t0, t1] of `doc` is a number (isNumber). */
export function hasNumber(doc: AnalysedDocument, t0: number, t1: number): boolean {
  for (let t = t0; t <= t1; t++) if (isNumber(doc, t)) return true
  return false
}

/**
 * Units of measure written after a number in one token ("2KB", "10ms", "1024px"): sizes of data
 * and rates, times, lengths on screen and on paper, frequencies, masses. Case counts where the
 * other case is another thing: "6G" and "5G" are networks, not grams. Letters that number a
 * part more often than they measure are left out: "subsection 6b", "Section 3B" (bits, bytes).
 */
const UNITS = new Set(
  [
    'kB KB kb Kb KiB MB Mb MiB GB Gb GiB TB TiB PB bps kbps Kbps Mbps Gbps',
    'ns us µs ms s sec secs min mins h hr hrs',
    'px em rem pt mm cm m km in ft',
    'Hz kHz KHz MHz GHz',
    'mg g kg lb lbs oz',
  ]
    .join(' ')
    .split(' '),
)

/** A number and the letters written after it, in one token (see UNITS). */
const NUMBER_WITH_LETTERS = /^\d+(\p{L}+)$/u

/**
 * Whether token t of `doc` is a quantity: a number with a unit of measure (UNITS). Like a number,
 * a fact the passage states and no word of a claim (nonWordTokens): two READMEs that give their
 * packages' sizes ("(`2KB` minified and gzipped) benchmarking library" / "2KB in size gzipped &
 * minified", "weighs 8kB minified for the core build … 5kB for compression" / "~2.5KB, compared
 * to 8KB for the full version") shared the sizes as words, and were said to restate each other (a
 * reviewer of npm packages' READMEs: 2 false paraphrases of 32).
 */
function isQuantity(doc: AnalysedDocument, t: number): boolean {
  // After the sign it may be written with (tokenize.ts): "~2.5KB".
  const from = wordStart(doc.text, doc.starts[t])
  const c = doc.text.charCodeAt(from)
  if (c < 0x30 || c > 0x39) return false
  const unit = NUMBER_WITH_LETTERS.exec(doc.text.slice(from, doc.ends[t]))?.[1]
  return unit !== undefined && UNITS.has(unit)
}

/**
 * Whether token t of `doc` goes on from token t - 1 in one written number, both numbers: after a
 * decimal point or a version's dot ("2.0", "1.2.3"), a thousands comma before three digits
 * ("1,000"), or a colon between groups of two digits at most ("22:26:34", an epoch's "1:1.0").
 * Not a list ("1989,1991", "3.8,3.10"), nor a range ("2002-2012").
 */
export function continuesNumber(doc: AnalysedDocument, t: number): boolean {
  if (t <= 0 || t >= doc.starts.length || doc.starts[t] - doc.ends[t - 1] !== 1) return false
  if (!isNumber(doc, t) || !isNumber(doc, t - 1)) return false
  const length = (k: number) => doc.ends[k] - doc.starts[k]
  const mark = doc.text[doc.ends[t - 1]]
  if (mark === '.') return true
  if (mark === ',') return length(t) === 3 && length(t - 1) <= 3
  return mark === ':' && length(t) <= 2 && length(t - 1) <= 2
}

/** Whether token t of `doc` is a number: no letter in it. */
export function isNumber(doc: AnalysedDocument, t: number): boolean {
  const c = doc.text.charCodeAt(doc.starts[t]) | 0x20
  // Most tokens start with a Latin letter: no need to look further.
  if (c >= 0x61 && c <= 0x7a) return false
  return !LETTER.test(doc.text.slice(doc.starts[t], doc.ends[t]))
}
