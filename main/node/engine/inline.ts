import type { Dirent } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join, relative, resolve, sep } from 'node:path'
import { ApiError } from '../../core/contract/api.js'
import type { EngineDocument } from '../../core/engine/analyse.js'
import { type ExcludedRange, maskExcluded, withOriginalTexts } from '../../core/project/exclusions.js'
import { readStatedMetadata } from '../../core/project/metadata.js'
import { findOverlaps, type Overlap, type OverlapResult, PARAPHRASE_MAX_WORDS } from '../../core/engine/overlaps.js'
import { KIND_LABELS } from '../../core/engine/kinds.js'
import type { SourcedOverlap } from '../../core/reuse/imported.js'
import { documentIdFor } from '../../core/project/document-id.js'
import { DecodeError, EMPTY_FILE, NO_TEXT, readTextFile } from '../project/decode.js'
import { fileProblem } from '../project/file-problem.js'
import { refuseSpecialPath } from '../project/special-paths.js'
import { OffsetMap } from '../../core/text/offsets.js'
import { importFormatOf } from '../../core/project/formats.js'
import { MANIFEST_FILE, PROJECT_FILE } from '../project/layout.js'
import { COLLECT_BEFORE, fullCollection } from './collect.js'
import { byteLines } from '../../core/text/byte-lines.js'
import { bytesOf, type CommandIo } from '../cli/stdout.js'
import { jsonOutput, WRITER_FROM_CHARS } from '../cli/json-output.js'
import { detached, OffHeapTexts } from './off-heap-texts.js'
import { WordNet } from './wordnet.js'

// The Node side of the engine's CLI commands, `overlaps` and `definitions`: read the documents of
// a folder, run the pure engine (main/core), print the result. A folder is read as
//   a project     it has project.json: its documents, through ProjectStore;
//   the bundled corpus, or any folder with a manifest.json of the same shape: the files it lists;
//   a plain folder of .txt and .md files (recursively), ids made from the file names.
// Texts are decoded strictly (decode.ts): a binary or damaged file stops the command with an
// error naming it; a plain folder's file that holds no text is left out, with a note. A listed
// or plain folder's file in a legacy encoding (Latin-1 and its kin, UTF-16 with its byte-order
// mark) is read as an import reads it (import/encoding.ts), converted and named in a note: a
// project's documents are UTF-8, made so by their import, but a folder of files as found on a
// disk is not (4 of Debian's 198 NEWS files are Latin-1). The
// project store, the manifest reader and the reader of imported
// overlaps are loaded only for a folder that has their files: a plain folder loads the engine and
// the text decoder alone (a fast start for scripts; cli.ts loads this module for those commands only).

/** A document as the CLI lists it. `path` is the file it was read from. */
export interface ListedDocument {
  id: string
  path: string
  title: string
}

export interface LoadedCorpus {
  documents: ListedDocument[]
  /** The texts the engine reads: excluded ranges blanked (offsets kept). */
  texts: EngineDocument[]
  /** The texts as decoded from their files, by id. */
  originals: Map<string, string>
  /** Documents' dates as stated (project or manifest metadata), by id; undated documents absent. */
  dates: Record<string, string>
  /**
   * The excluded ranges' own texts, as texts known to be boilerplate (EngineDocument.boilerplate):
   * an overlap elsewhere that matches one is labelled boilerplate.
   */
  excludedTexts: EngineDocument[]
  /** What the reader should know of how files were read (a legacy encoding converted), a line each. */
  notes: string[]
}

/** Reads the documents of a project, manifest or plain folder (see above). */
export async function loadFolder(given: string): Promise<LoadedCorpus> {
  const dir = resolve(given)
  const info = await stat(dir).catch(() => null)
  if (!info) throw new ApiError('not-found', `${dir}: no such folder`)
  if (!info.isDirectory()) throw new ApiError('invalid-input', `${dir}: not a folder (give a folder of .txt/.md files or a project folder)`)
  const documents: ListedDocument[] = []
  const texts: EngineDocument[] = []
  const originals = new Map<string, string>()
  const dates: Record<string, string> = {}
  const excludedTexts: EngineDocument[] = []
  /** What the reader should know of how a file was read, by its path (LoadedCorpus.notes). */
  const noted = new Map<string, string>()
  const asFound = (path: string) => readAsFound(path, noted)
  // The files read, in order; those of a plain folder left out as holding no text, with why (see below).
  const paths: string[] = []
  const withoutText: string[] = []
  // The texts are the largest thing a run holds from start to end: kept out of V8's heap when
  // they are many (off-heap-texts.ts), so that the heap's growth, set from its live size, stays in
  // proportion to what the engine makes.
  const offHeap = new OffHeapTexts()
  const add = (
    id: string,
    path: string,
    text: string,
    title: string | ((text: string) => string),
    excluded?: readonly ExcludedRange[],
    date?: string | ((text: string) => string),
  ): void => {
    // Read from the text: copied, so as not to keep the text on the heap (off-heap-texts.ts).
    const stated = typeof date === 'function' ? detached(date(text)) : date
    if (stated) dates[id] = stated
    documents.push({ id, path, title: typeof title === 'string' ? title : detached(title(text)) })
    paths.push(path)
    // Excluded ranges are blanked with offsets kept, so passages' start/end/text still refer to the file.
    const masked = maskExcluded(text, excluded ?? [])
    const engineText: EngineDocument = { id, text: masked }
    texts.push(engineText)
    originals.set(id, text)
    offHeap.add(text, (t) => {
      originals.set(id, t)
      if (masked === text) engineText.text = t
    })
    if (masked !== text) offHeap.add(masked, (t) => (engineText.text = t))
    if (excluded?.length) {
      const map = new OffsetMap(text)
      excluded.forEach((r, k) => {
        if (r.end > map.codePointLength) return
        const excludedText: EngineDocument = { id: `${id}#excluded-${k + 1}`, text: map.slice(r.start, r.end), boilerplate: true }
        excludedTexts.push(excludedText)
        offHeap.add(excludedText.text, (t) => (excludedText.text = t))
      })
    }
  }
  if (await stat(join(dir, PROJECT_FILE)).catch(() => null)) {
    const { ProjectStore } = await import('../project/store.js')
    const store = await ProjectStore.open(dir)
    const docs = store.project.documents
    const read = readAhead(docs.map((doc) => store.documentPath(doc)))
    for (const [k, doc] of docs.entries()) add(doc.id, store.documentPath(doc), await read(k), doc.title, doc.excluded, doc.date)
  } else if (await stat(join(dir, MANIFEST_FILE)).catch(() => null)) {
    const { readManifest } = await import('../project/manifest.js')
    const manifest = await readManifest(dir)
    const read = readAhead(
      manifest.documents.map((doc) => join(dir, doc.file)),
      asFound,
    )
    for (const [k, doc] of manifest.documents.entries()) add(doc.id, join(dir, doc.file), await read(k), doc.title, undefined, doc.date)
  } else {
    const files: string[] = []
    for (const e of await listFolder(dir)) {
      if (e.name.startsWith('.') || (importFormatOf(e.name) !== 'text' && importFormatOf(e.name) !== 'markdown')) continue
      const path = join(e.parentPath, e.name)
      // Nor a file in a hidden folder: a checkout's .git, a desktop's .Trash-1000 (whose copy of a
      // text was read as its duplicate), a virtual environment's licences (a tester).
      if (
        relative(dir, e.parentPath)
          .split(sep)
          .some((part) => part.startsWith('.'))
      )
        continue
      // A name that is not UTF-8 comes back with U+FFFD in it, a path that names no file.
      if (e.name.includes('\ufffd'))
        throw new ApiError('invalid-input', `${path}: the file's name is not UTF-8 (shown with \ufffd); rename it to read the folder`)
      // A link is read as the file it leads to (never a device or a system folder's file).
      if (e.isSymbolicLink()) {
        await refuseSpecialPath(path, 'a document')
        const target = await stat(path).catch((error: NodeJS.ErrnoException) => error)
        if (target instanceof Error) throw linkProblem(path, target)
        if (target.isFile()) files.push(path)
      } else if (e.isFile()) files.push(path)
    }
    files.sort()
    if (files.length === 0) throw new ApiError('not-found', `${dir}: the folder holds no .txt or .md files`)
    const ids = new Set<string>()
    const read = readAhead(files, asFound)
    for (const [k, path] of files.entries()) {
      // A file that holds no text is left out, and said so: it has none to share, and one empty
      // file in a copy of /etc (whose "environment" is empty) stopped the command. Whatever its
      // encoding: white space alone, or a byte-order mark, is no text either (a tester).
      const leftOut = (reason: string): void => {
        withoutText.push(`${path}: ${reason}`)
        paths.push(path)
        noted.set(path, `${path}: ${reason}, left out`)
      }
      let text: string
      try {
        text = await read(k)
      } catch (e) {
        if (!(e instanceof DecodeError && (e.reason === EMPTY_FILE || e.reason === NO_TEXT))) throw e
        leftOut(e.reason)
        continue
      }
      if (!/\S/.test(text)) {
        leftOut(NO_TEXT)
        continue
      }
      const id = documentIdFor(basename(path), ids)
      ids.add(id)
      const markdown = importFormatOf(path) === 'markdown'
      let stated: ReturnType<typeof readStatedMetadata> | undefined
      const statedOf = (text: string) => (stated ??= readStatedMetadata(text, markdown))
      add(
        id,
        path,
        text,
        (text) => statedOf(text).title || basename(path, extname(path)),
        undefined,
        (text) => statedOf(text).date,
      )
    }
  }
  if (documents.length === 0 && withoutText.length > 0)
    throw new ApiError(
      'invalid-input',
      `${dir}: no .txt or .md file in the folder holds text (${withoutText[0]}${withoutText.length > 1 ? `, and ${withoutText.length - 1} more` : ''})`,
    )
  if (documents.length === 0) {
    const listing = (await stat(join(dir, PROJECT_FILE)).catch(() => null)) ? PROJECT_FILE : MANIFEST_FILE
    throw new ApiError(
      'not-found',
      `${join(dir, listing)} lists no documents (to read the folder's .txt and .md files instead, move it out of the folder)`,
    )
  }
  offHeap.flush()
  // In the order of the files (read ahead, their notes come as each read ends).
  const notes = paths.flatMap((path) => noted.get(path) ?? [])
  return { documents, texts, originals, dates, excludedTexts, notes }
}

/**
 * Every entry of folder `dir` and its sub-folders (readdir's recursive listing), or an error that
 * names the folder that could not be read and why: a sub-folder the user may not enter stopped
 * the command with Node's "EACCES: permission denied, scandir '...'" (a tester).
 */
async function listFolder(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { recursive: true, withFileTypes: true })
  } catch (e) {
    const path = (e as NodeJS.ErrnoException).path ?? dir
    throw new ApiError('unreadable', `${path}: cannot read this folder (${fileProblem(e)})`)
  }
}

/**
 * The error for a folder's link whose file cannot be reached: one that leads nowhere is
 * 'not-found'; a loop, or a file behind a folder the user may not enter, says so, not that the
 * file does not exist (the user would look for a file that is there).
 */
function linkProblem(path: string, error: NodeJS.ErrnoException): ApiError {
  if (error.code === 'ENOENT') return new ApiError('not-found', `${path}: a link to a file that does not exist`)
  if (error.code === 'ELOOP') return new ApiError('unreadable', `${path}: ${fileProblem(error)}`)
  return new ApiError('unreadable', `${path}: a link to a file that cannot be read (${fileProblem(error)})`)
}

/**
 * The encoding a folder's file is read in when it is not UTF-8 and holds too few bytes beyond
 * ASCII to tell its own (import/encoding.ts MIN_LEGACY_EVIDENCE): Windows-1252, what Latin-1
 * files almost always are. A NEWS file with one "é" in a contributor's name is read, with a note
 * saying the encoding is a guess, where an import refuses it: a wrong guess shows a few letters
 * wrongly, never moves an offset of the text as read.
 */
export const FOUND_FILE_GUESS = 'windows-1252'

/**
 * A file as found in a folder (see above): UTF-8 as decode.ts reads it, else, where it is not
 * UTF-8 at all, converted as an import converts it (or read in FOUND_FILE_GUESS), with a note;
 * what neither reads stops the command with import's reason. The import's decoder (chardet,
 * iconv-lite) is loaded for such a file only.
 */
async function readAsFound(path: string, notes: Map<string, string>): Promise<string> {
  try {
    return await readTextFile(path)
  } catch (e) {
    // Read by its reason, not its message: the path in front could say anything.
    if (!(e instanceof DecodeError) || !/not valid UTF-8|UTF-16/.test(e.reason)) throw e
    const [{ decodeImportedText }, bytes] = await Promise.all([import('../import/encoding.js'), readFile(path)])
    const { text, encoding, guessed } = decodeImportedText(bytes, path, FOUND_FILE_GUESS)
    notes.set(
      path,
      guessed
        ? `${path}: read as ${encoding}, a guess (the file is not UTF-8, and too little of it is beyond ASCII to tell its encoding)`
        : `${path}: read as ${encoding} (the file is not UTF-8)`,
    )
    return text
  }
}

/**
 * Files read ahead of the one being added. Read one at a time, the disk and the decoder wait on
 * each other: half a second of a thousand-file folder's second and a half was idle. Eight keep
 * both busy while holding at most eight texts not yet added (all are held afterwards anyway).
 */
const READ_AHEAD = 8

/**
 * A reader of `paths` in order: read(k) is the text of paths[k] (decode.ts), with the next
 * READ_AHEAD files already being read. A file's error is thrown when its turn comes, as if it had
 * been read alone, and a read started but never awaited (an earlier file failed) stays quiet.
 */
function readAhead(paths: readonly string[], read: (path: string) => Promise<string> = readTextFile): (k: number) => Promise<string> {
  const pending: Promise<string>[] = []
  return (k) => {
    for (let i = pending.length; i < Math.min(paths.length, k + 1 + READ_AHEAD); i++) {
      pending[i] = read(paths[i])
      pending[i].catch(() => {})
    }
    const text = pending[k]
    delete pending[k]
    return text
  }
}

/** The time since the process started, as `--verbose` shows it ("0.21 s"). */
function secondsSinceStart(): string {
  return `${(performance.now() / 1000).toFixed(2)} s`
}

/**
 * The engine's hooks: each phase named as it starts when `enabled`, with the seconds since the
 * process started (Node's own start-up included), and `collect` called at the start of the phases
 * after which a stage's data is dead (collect.ts).
 */
function progressTo(io: CommandIo, enabled: boolean, collect?: () => void) {
  if (!enabled && !collect) return {}
  let last = ''
  return {
    onProgress: (p: { phase: string }) => {
      if (p.phase === last) return
      last = p.phase
      if (collect && COLLECT_BEFORE.has(p.phase)) collect()
      if (enabled) io.err(`… ${p.phase} at ${secondsSinceStart()}`)
    },
  }
}

/**
 * `overlaps <folder> [--json] [--limit N] [--paraphrases|--no-paraphrases]`: the passages the
 * documents share, best first, then a project's imported ones (--limit: at most N from each
 * source; `paraphrases`: look for paraphrases whatever the corpus's size, or not at all; by
 * default in a corpus of PARAPHRASE_MAX_WORDS words at most).
 */
export async function overlapsCommand(
  folder: string,
  options: { json?: boolean; limit?: number; verbose?: boolean; paraphrases?: boolean },
  io: CommandIo,
): Promise<number> {
  // WordNet's index (synonyms for the paraphrase pass) is read on another thread while the files
  // are read on this one (wordnet.ts `preload`).
  const synonyms = new WordNet()
  const preloaded = synonyms.preload()
  const { documents, texts, originals, excludedTexts, notes } = await loadFolder(folder)
  for (const note of notes) io.err(`note: ${note}`)
  await preloaded
  // A large corpus's JSON is made on two threads (json-output.ts): the writer thread loads while
  // the engine works.
  const chars = texts.reduce((sum, t) => sum + t.text.length, 0)
  const output = options.json ? jsonOutput(io, { writer: chars >= WRITER_FROM_CHARS }) : undefined
  // A corpus too large to be searched for paraphrases by default shows none: the reader is told
  // why, and how to ask for them (after the output, not inside its last line).
  const saySearched = ({ stats }: OverlapResult) => {
    if (!stats.paraphraseSearch && options.paraphrases === undefined)
      io.err(
        `note: the paraphrase search did not run: the texts have ${stats.words.toLocaleString('en-US')} words, ` +
          `more than ${PARAPHRASE_MAX_WORDS.toLocaleString('en-US')} (--paraphrases runs it, which can take as long again)`,
      )
  }
  const engine = (onOverlap: (overlap: Overlap, index: number, count: number) => void, variants: boolean) =>
    findOverlaps(
      [...texts, ...excludedTexts],
      { limit: options.limit, synonyms, onOverlap, variants, paraphrase: options.paraphrases ?? 'auto' },
      progressTo(io, !!options.verbose, fullCollection()),
    )
  // Those imported from batch tools (passim, TextPAIR) come after the engine's, each with its
  // source; only a project has imported ones. Read first: a problem with them is told before any
  // output, and the JSON knows from the start whether any follow the engine's.
  const imported = (await stat(join(resolve(folder), PROJECT_FILE)).catch(() => null))
    ? await (await import('../reuse/read.js')).importedOverlaps(folder, originals, options.limit)
    : { overlaps: [], problems: [], dropped: 0 }
  for (const problem of imported.problems) io.err(`warning: ${problem}`)
  if (imported.dropped) io.err(`note: ${imported.dropped} imported passage(s) are no longer in their documents and are left out`)
  // Passages' texts taken again from the files only where excluded ranges were blanked.
  const masked = new Map(texts.filter((t) => t.text !== originals.get(t.id)).map((t) => [t.id, originals.get(t.id)!]))
  const shown = (o: Overlap) => ({ ...(masked.size ? withOriginalTexts([o], masked)[0] : o), source: 'parallax' as const })
  if (output) {
    // Line by line (json-lines.ts), each overlap as the engine makes it (findOverlaps' onOverlap):
    // at corpus scale the whole result as one string would be hundreds of megabytes, and the
    // result itself as much again (one overlap can be a whole document in four copies, with its
    // variants). Indented as JSON.stringify indents; made and written on two threads where the
    // corpus is large and the output is the process's own (json-output.ts).
    const write = (o: object, more: boolean) => output.value(o, 2, '', more ? ',' : '')
    output.line('{')
    output.value(documents, 1, '"documents": ', ',')
    output.line('  "overlaps": [')
    const result = engine((o, k, count) => write(shown(o), k + 1 < count || imported.overlaps.length > 0), true)
    imported.overlaps.forEach((o, k) => write(o, k + 1 < imported.overlaps.length))
    output.line('  ]')
    output.line('}')
    output.end()
    saySearched(result)
    if (options.verbose) io.err(`… output made on ${output.threads()} thread(s), done at ${secondsSinceStart()}`)
    return 0
  }
  // As the JSON, each overlap written as it is made, through one buffer (a write per line was a
  // third of the run for a thousand files); the text shows no variants, so none are made.
  const { sink, flush } = byteLines(bytesOf(io))
  const say = (o: SourcedOverlap, k: number) => {
    const by = o.source === 'parallax' ? '' : ` [${o.source}]`
    // What the JSON says of the overlap beyond its figures, after them: a reader of the text
    // tells boilerplate and copies of one document from reuse, and sees why a paraphrase is one.
    const marks = [
      ...(o.duplicate ? ['duplicate documents'] : []),
      ...(o.boilerplate ? ['boilerplate'] : []),
      ...(o.likeness ? ['loose likeness'] : []),
    ]
    if (o.because?.length) marks.push(`because: ${o.because.join('; ')}`)
    const more = marks.map((m) => `, ${m}`).join('')
    sink(`\n${k + 1}. ${KIND_LABELS[o.kind]}${by}, score ${o.score} (${o.words} shared words, similarity ${o.similarity})${more}`)
    for (const p of o.passages) sink(`   ${p.doc} ${p.start}-${p.end}: ${oneLine(p.text)}`)
  }
  const header = (count: number) => sink(`${count + imported.overlaps.length} overlap(s) among ${documents.length} document(s)`)
  let found = 0
  const result = engine((o, k, count) => {
    if (k === 0) header(count)
    found = count
    say(shown(o), k)
  }, false)
  if (found === 0) header(0)
  imported.overlaps.forEach((o, k) => say(o, found + k))
  flush()
  saySearched(result)
  return 0
}

/** `definitions <folder> [--term TEXT] [--json]`: how each document defines the term. */
export async function definitionsCommand(
  folder: string,
  options: { json?: boolean; term?: string; verbose?: boolean },
  io: CommandIo,
): Promise<number> {
  const { documents, texts, dates, notes } = await loadFolder(folder)
  for (const note of notes) io.err(`note: ${note}`)
  // Loaded here: the overlaps command, and a start-up, need none of the definitions code.
  const { findDefinitions } = await import('../../core/definitions/definitions.js')
  const result = findDefinitions(texts, { term: options.term, dates }, progressTo(io, !!options.verbose))
  if (options.json) {
    const { term, aliases, definitions, groups, terms, facets, quotations, mentions } = result
    io.out(
      JSON.stringify({ term, aliases, documents, definitions, groups, ...(terms ? { terms } : {}), facets, quotations, mentions }, null, 2),
    )
    return 0
  }
  if (result.terms?.length === 0) {
    io.out('no key terms found: give the term to look for with --term TEXT')
    return 0
  }
  if (result.terms)
    io.out(`key terms: ${result.terms.map((t) => t.term + (t.aliases.length ? ` (${t.aliases.join(', ')})` : '')).join('; ')}\n`)
  io.out(
    `"${result.term}"${result.aliases.length ? ` also ${result.aliases.map((a) => `"${a}"`).join(', ')}` : ''}: ${result.definitions.length} definition(s)`,
  )
  for (const d of result.definitions) {
    io.out(
      `\n[group ${d.group + 1}] ${d.doc} ${d.start}-${d.end} (${d.pattern}, ${d.confidence})${d.quoted ? ` quoting ${d.quoted.speaker}` : ''}: ${oneLine(d.text)}`,
    )
    if (d.shared.length) io.out(`   shares: ${d.shared.map((s) => `"${s.text}"`).join(', ')}`)
  }
  if (result.facets.length) io.out(`\nfacets:`)
  for (const f of result.facets) io.out(`  ${f.label} (${f.role}): ${f.docs.join(', ')}`)
  if (result.mentions.length) io.out(`\n${result.mentions.length} mention(s) that do not define it`)
  return 0
}

/**
 * A text on one line (each run of white space one space), cut to `max` characters. Only as much of
 * the text is read as the line shows: a passage can be a whole document of megabytes.
 */
export function oneLine(text: string, max = 240): string {
  // Read a little more than the line shows, then twice as much while white space folded away
  // leaves it short: most passages are prose, whose runs of spaces are single.
  for (let read = max + (max >> 2); ; read *= 2) {
    const flat = text.slice(0, read).replace(/\s+/g, ' ')
    if (flat.length > max) return `${flat.slice(0, max - 1)}…`
    if (read >= text.length) return flat
  }
}
