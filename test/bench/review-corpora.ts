import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { ROOT } from '../helpers.js'

// The review corpora: 31 folders of text built from what a Debian-like machine has installed (man
// pages rendered as a reader sees them, info manuals, /usr/share/doc READMEs, NEWS, copyright
// files and change logs, /usr/share/common-licenses, node_modules READMEs, Node.js's docs). Two
// reviewers judged every paraphrase the engine found on them (paraphrase-verdicts.json); the
// paraphrases bench builds them again to match what the engine finds now to those verdicts. A port
// of the script the reviewers' corpora were built with, file for file and byte for byte: every
// list is sorted, samples take evenly spaced items (sample()), man pages are rendered with
// `MANWIDTH=80 man -P cat -l FILE | col -bx` (LC_ALL=C.UTF-8), info manuals are the gunzipped
// parts without tag tables, and every text is cleaned the same way (clean()). A corpus whose
// sources this machine lacks, or that has fewer than two texts, is skipped with its reason.

const MAN = '/usr/share/man'
const INFO = '/usr/share/info'
const DOC = '/usr/share/doc'
const LICENSES = '/usr/share/common-licenses'
const NODE_API = '/usr/share/doc/nodejs/api'

/**
 * Links and `.so` includes followed to find the file a man page stands for, at most: a chain this
 * long is a loop, and its last name is taken as it is (as the corpora the reviewers read were built).
 */
const MAX_MAN_HOPS = 5

/** A rendered man page or a decompressed file, at most (the largest man page renders to about 400 kB). */
const MAX_TEXT_BYTES = 64 << 20

/** Words (two letters or more) a text needs to be kept: fewer is an empty page or a stub. */
const MIN_WORDS = 5

/** man's environment: 80 columns, UTF-8, no pager, no formatting kept. */
const MAN_ENV: NodeJS.ProcessEnv = { ...process.env, MANWIDTH: '80', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', MAN_KEEP_FORMATTING: '' }
delete MAN_ENV.MANPAGER
delete MAN_ENV.PAGER

/** What Python's str.isspace() takes for white space (JavaScript's trimEnd() differs: \x1c-\x1f, \x85). */
const SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/g
const INDEX_MARK = /\x00\x08\[index\x00\x08\]|\x00\x08\[\/?[a-z]+\x00\x08\]/g

/** Why a corpus is not built on this machine. */
class Skip extends Error {}

/** A corpus built, or the reason it was not. */
export type Built = { name: string; documents: number } | { name: string; skipped: string }

/** A corpus's texts in the making: one .txt file each in `dir`, a source taken once. */
class Corpus {
  private readonly seen = new Set<string>()

  constructor(readonly dir: string) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
  }

  /** Writes `name`.txt; skips texts of too few words and a source (`key`, a real path) added already. */
  add(name: string, text: string, key?: string): boolean {
    if (key !== undefined) {
      if (this.seen.has(key)) return false
      this.seen.add(key)
    }
    const cleaned = clean(text)
    if ((cleaned.match(/[A-Za-z]{2,}/g)?.length ?? 0) < MIN_WORDS) return false
    const file = safe(name)
    writeFileSync(join(this.dir, file.endsWith('.txt') ? file : `${file}.txt`), cleaned, 'utf8')
    return true
  }
}

function decode(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data)
  } catch {
    return data.toString('latin1')
  }
}

function rstrip(line: string): string {
  let end = line.length
  while (end > 0 && SPACE.test(line[end - 1])) end--
  return line.slice(0, end)
}

/** Lines ended with \n, without control characters, index marks, trailing blanks or long runs of blank lines. */
function clean(text: string): string {
  const plain = text
    .replace(/\r\n/g, '\n')
    .replace(/[\r\f]/g, '\n')
    .replace(INDEX_MARK, '')
    .replace(CONTROL, '')
    .replace(/\ufeff/g, '')
  const lines = plain.split('\n').map(rstrip).join('\n')
  return lines.replace(/\n{4,}/g, '\n\n\n').replace(/^\n+|\n+$/g, '') + '\n'
}

/** A file's text, gunzipped when it is compressed. */
function readAny(path: string): string {
  let data = readFileSync(path)
  if (path.endsWith('.gz') || (data[0] === 0x1f && data[1] === 0x8b)) data = gunzipSync(data, { maxOutputLength: MAX_TEXT_BYTES })
  return decode(data)
}

function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9._+-]+/g, '_')
}

/** `count` evenly spaced items of `items` sorted by `order` (all of them if there are no more). */
function sample<T>(items: T[], count: number, order: (a: T, b: T) => number): T[] {
  const sorted = [...items].sort(order)
  if (sorted.length <= count) return sorted
  return Array.from({ length: count }, (_, i) => sorted[Math.floor((i * sorted.length) / count)])
}

/** Python's order of strings (by code point; UTF-16 units differ only past U+FFFF). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The names in `dir` (sorted; none if it cannot be read). */
function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort(byText)
  } catch {
    return []
  }
}

/** Paths of the files in `dir` whose name `pattern` matches whole, as a shell glob lists them (no hidden file). */
function glob(dir: string, pattern: RegExp): string[] {
  return list(dir)
    .filter((name) => !name.startsWith('.') && pattern.test(name))
    .map((name) => join(dir, name))
}

/** The words of a list written as one string. */
function names(list: string): string[] {
  return list.split(' ')
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false
}

// ---- man pages

/** The real file a man page path stands for (links and `.so` includes followed), or null. */
function manResolve(start: string): string | null {
  let path = start
  for (let hop = 0; hop < MAX_MAN_HOPS; hop++) {
    let first: string
    try {
      path = realpathSync(path)
      first = readAny(path)
        .replace(new RegExp(`^${SPACE.source}+`), '')
        .split('\n', 1)[0]
    } catch {
      return null
    }
    const include = /^\.so\s+(\S+)/.exec(first)
    if (!include) return path
    const target = resolve(MAN, include[1])
    const dir = resolve(target, '..')
    const candidates = [
      target,
      `${target}.gz`,
      ...list(dir)
        .map((name) => join(dir, name))
        .filter((p) => p.startsWith(target)),
    ]
    const found = candidates.find((c) => existsSync(c))
    if (!found) return null
    path = found
  }
  return path
}

/** The page `name` in the first of `sections` (section digits) that has it. */
function manFind(name: string, sections: string): string | null {
  for (const s of sections) {
    const page = glob(join(MAN, `man${s}`), new RegExp(`^${escape(name)}\\.${s}[a-z]*(\\.gz)?$`))[0]
    if (page) return page
  }
  return null
}

function manRender(path: string): string {
  const page = spawnSync('man', ['-P', 'cat', '-l', path], { env: MAN_ENV, maxBuffer: MAX_TEXT_BYTES })
  const plain = spawnSync('col', ['-bx'], { input: page.stdout ?? Buffer.alloc(0), env: MAN_ENV, maxBuffer: MAX_TEXT_BYTES })
  return decode(plain.stdout ?? Buffer.alloc(0))
}

/** Adds a man page, by path or by name (looked up in `sections`). */
function addMan(corpus: Corpus, nameOrPath: string, sections = '1'): boolean {
  const path = nameOrPath.startsWith('/') ? nameOrPath : manFind(nameOrPath, sections)
  const real = path ? manResolve(path) : null
  if (!real) return false
  return corpus.add(`man-${basename(real).replace(/\.gz$/, '')}`, manRender(real), real)
}

function addMans(corpus: Corpus, names: string[], sections = '1'): void {
  for (const name of names) addMan(corpus, name, sections)
}

/** The real files of man pages, sorted, each once. */
function manReals(paths: string[]): string[] {
  return [...new Set(paths.map(manResolve).filter((p) => p !== null))].sort(byText)
}

/** The gzipped pages of section `s` named `start` (a pattern), then `.s` and anything: git*.1*.gz. */
function manPages(s: string, start: RegExp): string[] {
  return glob(join(MAN, `man${s}`), new RegExp(`${start.source}\\.${s}.*\\.gz$`))
}

// ---- info manuals

/** An info manual's text: its parts in order, without tag tables and local variables. */
function infoText(base: string): string {
  const number = (path: string) => Number(/-(\d+)\.gz$/.exec(path)?.[1])
  const parts = glob(INFO, new RegExp(`^${escape(base)}\\.info-.*\\.gz$`)).sort((a, b) => number(a) - number(b))
  const text = (parts.length ? parts : [join(INFO, `${base}.info.gz`)]).map(readAny).join('')
  return text
    .replace(/\x1f\n(Tag Table:|Indirect:)[\s\S]*?(\x1f\nEnd Tag Table\n?|(?=\x1f)|$)/g, '\n')
    .replace(/\nLocal Variables:\ncoding: [^\n]*\nEnd:\n?/g, '\n')
}

function addInfo(corpus: Corpus, base: string): boolean {
  if (glob(INFO, new RegExp(`^${escape(base)}\\.info.*\\.gz$`)).length === 0) return false
  return corpus.add(`info-${base}`, infoText(base))
}

// ---- corpora

type Builder = (dir: string) => void

/** A program's man pages and its info manuals (skipped without an info manual). */
function manInfo(pages: string[], infos: string[], sections = '1'): Builder {
  return (dir) => {
    const corpus = new Corpus(dir)
    addMans(corpus, pages, sections)
    if (infos.filter((i) => addInfo(corpus, i)).length === 0) throw new Skip('no info manual')
  }
}

/** The files of /usr/share/doc/PACKAGE/ whose name `pattern` matches, one per real file, `count` of them. */
function fromDocs(pattern: RegExp, count: number): Builder {
  return (dir) => {
    const corpus = new Corpus(dir)
    const seen = new Set<string>()
    const files: { pkg: string; path: string }[] = []
    for (const pkg of list(DOC).filter((p) => isDirectory(join(DOC, p))))
      for (const name of list(join(DOC, pkg))) {
        const path = join(DOC, pkg, name)
        if (!pattern.test(name) || !isFile(path)) continue
        const real = realpathSync(path)
        if (seen.has(real)) continue // linked doc folders share files
        seen.add(real)
        files.push({ pkg, path })
      }
    for (const { pkg, path } of sample(files, count, (a, b) => byText(a.pkg, b.pkg) || byText(a.path, b.path)))
      corpus.add(`${pkg}--${basename(path).replace(/[.]gz$/, '')}`, readAny(path), realpathSync(path))
  }
}

function coreutils(dir: string): void {
  const corpus = new Corpus(dir)
  addMans(corpus, names('ls cp mv rm ln cat sort uniq cut head tail wc tr date chmod touch dd du df stat install mkdir'))
  addInfo(corpus, 'coreutils')
}

function bash(dir: string): void {
  const corpus = new Corpus(dir)
  addMans(corpus, ['bash', 'rbash'])
  addMans(corpus, ['bash-builtins'], '17')
  addMans(corpus, ['readline', 'history'], '3')
  for (const info of ['bash', 'rluserman', 'readline', 'history']) addInfo(corpus, info)
}

function git(dir: string): void {
  const corpus = new Corpus(dir)
  const pages = [...'157'].flatMap((s) => manPages(s, /^git.*/))
  for (const page of sample(manReals(pages), 32, byText)) addMan(corpus, page)
}

function openssh(dir: string): void {
  const corpus = new Corpus(dir)
  const programs = 'ssh scp sftp ssh-keygen ssh-agent ssh-add ssh-keyscan ssh-copy-id ssh-argv0 sshd sftp-server ssh-keysign'
  addMans(corpus, names(`${programs} ssh-pkcs11-helper ssh-sk-helper`), '18')
  addMans(corpus, ['ssh_config', 'sshd_config', 'moduli'], '5')
}

function apt(dir: string): void {
  const corpus = new Corpus(dir)
  const pages = [...'158'].flatMap((s) => [...manPages(s, /^apt.*/), ...manPages(s, /^sources\.list/)])
  for (const page of pages.sort(byText)) addMan(corpus, page)
}

function shadow(dir: string): void {
  const corpus = new Corpus(dir)
  const users = 'useradd usermod userdel groupadd groupmod groupdel passwd chage chpasswd newusers gpasswd chfn chsh pwck grpck'
  addMans(corpus, names(`${users} vipw faillog lastlog newgrp login su expiry pwconv grpconv chgpasswd sg`), '18')
  addMans(corpus, names('login.defs shadow passwd gshadow faillog subuid subgid'), '5')
}

function compressors(dir: string): void {
  const corpus = new Corpus(dir)
  const programs = 'gzip bzip2 xz lzma zstd lz4 lzip lzop brotli pigz pbzip2 zip unzip compress uncompress ncompress pixz plzip'
  const more = 'lrzip 7z zpaq unxz bzip2recover xzdec zstdgrep zstdless bzdiff bzgrep bzmore xzdiff xzgrep xzless xzmore'
  addMans(corpus, names(`${programs} ${more} zdiff zgrep zmore zless`))
}

function cstring(dir: string): void {
  const corpus = new Corpus(dir)
  const copies = 'strcpy stpcpy strncpy stpncpy strcat strncat strlcpy strlcat memcpy memmove memccpy mempcpy wmempcpy strlen'
  const more = 'strnlen strdup strndup strcmp strncmp strcasecmp strchr strrchr strstr strtok strspn strpbrk memset memcmp memchr'
  const others = 'bcopy bzero strxfrm strcoll string strsep strfry strerror strsignal wcscpy wcpcpy wcsncpy wcscat wcsncat wcslen'
  addMans(corpus, names(`${copies} ${more} ${others} wcsdup wmemcpy wmemmove wcscmp wcschr wcsstr index rindex bstring`), '37')
}

function dpkg(dir: string): void {
  const corpus = new Corpus(dir)
  const pages = [...manPages('1', /^dpkg.*/), ...manPages('5', /^dpkg.*/), ...manPages('5', /^deb.*/), ...manPages('8', /^dpkg.*/)]
  for (const page of sample(manReals(pages), 40, byText)) addMan(corpus, page)
}

function openssl(dir: string): void {
  const reals = manReals(glob(join(MAN, 'man1'), /\.1ssl/))
  if (reals.length === 0) throw new Skip('no openssl pages')
  const corpus = new Corpus(dir)
  for (const page of sample(reals, 30, byText)) addMan(corpus, page)
}

function licenses(dir: string): void {
  const corpus = new Corpus(dir)
  // Versioned names first, so that a link (GPL -> GPL-3) is skipped as a duplicate of its target.
  const isLink = (name: string) => lstatSync(join(LICENSES, name)).isSymbolicLink()
  const files = list(LICENSES).sort((a, b) => Number(isLink(a)) - Number(isLink(b)))
  for (const name of files) corpus.add(name, readAny(join(LICENSES, name)), realpathSync(join(LICENSES, name)))
}

function npmReadmes(dir: string): void {
  const corpus = new Corpus(dir)
  const modules = join(ROOT, 'node_modules')
  const readmes: { name: string; path: string }[] = []
  for (const top of list(modules).filter((d) => !d.startsWith('.')))
    for (const name of top.startsWith('@') ? list(join(modules, top)).map((s) => join(top, s)) : [top]) {
      const file = ['README.md', 'readme.md', 'Readme.md', 'README.markdown', 'README'].find((f) => isFile(join(modules, name, f)))
      if (file) readmes.push({ name, path: join(modules, name, file) })
    }
  for (const { name, path } of sample(readmes, 150, (a, b) => byText(a.name, b.name) || byText(a.path, b.path)))
    corpus.add(`${name.replace(/\//g, '__')}--README`, readAny(path), realpathSync(path))
}

function nodeApi(dir: string): void {
  if (!isDirectory(NODE_API)) throw new Skip('no Node.js API docs')
  const corpus = new Corpus(dir)
  const pages = list(NODE_API).filter((f) => f.endsWith('.md') && f !== 'all.md' && f !== 'index.md')
  for (const page of sample(pages, 30, byText)) corpus.add(`node-${page.slice(0, -3)}`, readAny(join(NODE_API, page)))
}

function nodeCli(dir: string): void {
  if (!isFile(join(NODE_API, 'cli.md'))) throw new Skip('no Node.js cli.md')
  const corpus = new Corpus(dir)
  addMan(corpus, 'node', '1')
  corpus.add('node-api-cli', readAny(join(NODE_API, 'cli.md')))
}

const GNUPG_PROGRAMS = 'gpg gpgv gpg-agent gpgsm gpgconf gpgtar gpg-connect-agent dirmngr gpg-preset-passphrase gpg-wks-client gpgparsemail'

const BUILDERS: Record<string, Builder> = {
  grep: manInfo(names('grep egrep fgrep'), ['grep']),
  sed: manInfo(['sed'], ['sed']),
  gzip: manInfo(names('gzip gunzip zcat gzexe zcmp zdiff zforce zgrep zless zmore znew'), ['gzip']),
  diffutils: manInfo(names('diff cmp sdiff diff3'), ['diffutils']),
  findutils: manInfo(names('find xargs locate updatedb locatedb'), ['find'], '15'),
  coreutils,
  bash,
  // Debian ships tar without its info manual: skipped there (no verdicts).
  tar: manInfo(['tar'], ['tar']),
  ed: manInfo(['ed', 'red'], ['ed']),
  bc: manInfo(['bc', 'dc'], ['bc', 'dc']),
  wget: manInfo(['wget'], ['wget']),
  time: manInfo(['time'], ['time']),
  bzip2: manInfo(names('bzip2 bzip2recover bzdiff bzgrep bzmore'), ['bzip2']),
  gettext: manInfo(names('gettext ngettext envsubst xgettext msgfmt msgmerge msginit msgcat msgunfmt msgattrib msgconv msggrep msguniq'), [
    'gettext',
  ]),
  gnupg: manInfo(names(`${GNUPG_PROGRAMS} watchgnupg scdaemon applygnupgdefaults addgnupghome`), ['gnupg'], '18'),
  git,
  openssh,
  apt,
  shadow,
  compressors,
  cstring,
  dpkg,
  openssl,
  licenses,
  readmes: fromDocs(/^README(\.md|\.rst|\.txt)?(\.gz)?$/, 150),
  news: fromDocs(/^NEWS(\.Debian|\.md|\.rst|\.txt)?(\.gz)?$/, 120),
  'readme-debian': fromDocs(/^README\.Debian(\.[a-z0-9]+)?(\.gz)?$/, 10 ** 6),
  copyright200: fromDocs(/^copyright$/, 200),
  changelog100: fromDocs(/^changelog\.Debian\.gz$/, 100),
  'npm-readmes': npmReadmes,
  'node-api': nodeApi,
  'node-cli': nodeCli,
}

/** The review corpora's names, in the order they are built. */
export const REVIEW_CORPORA = Object.keys(BUILDERS)

/**
 * Builds the corpus `name` into `dir` (emptied first): its texts, or the reason it is skipped (its
 * sources missing, fewer than two texts), `dir` then removed.
 */
export function buildCorpus(name: string, dir: string): Built {
  const builder = BUILDERS[name]
  if (!builder) throw new Error(`no review corpus ${name} (${REVIEW_CORPORA.join(', ')})`)
  const skip = (reason: string): Built => {
    rmSync(dir, { recursive: true, force: true })
    return { name, skipped: reason }
  }
  try {
    builder(dir)
  } catch (error) {
    if (error instanceof Skip) return skip(error.message)
    throw error
  }
  const documents = readdirSync(dir).length
  return documents < 2 ? skip(`only ${documents} text(s)`) : { name, documents }
}
