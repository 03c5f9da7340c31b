import { type Annotation, noteOf, positionOf, quoteOf, tagIdsOf } from '../annotations/annotation.js'
import { anchorAnnotation, type AnchorStatus, withSpan } from '../annotations/anchor.js'
import { type Tag, tagPath, tagsInTreeOrder, withDescendantIds } from '../annotations/codebook.js'
import { memoOf } from '../project/memo.js'
import type { DocumentEntry } from '../project/project.js'
import { isHardWrapped } from '../engine/sentences.js'
import { OffsetMap } from '../text/offsets.js'

// Excerpts: annotations chosen and ordered for export, each with its citation. Every export format
// (Markdown, HTML, DOCX, CSV, PDF) renders the same ExcerptSet, so they agree on what is in scope,
// in which order, and how a passage is cited.

/** Which annotations to export, in which order, with what. */
export interface ExcerptScope {
  /** Tag names (any case) or ids: annotations carrying one of them or one of their sub-tags. */
  tags?: readonly string[]
  /** Document ids. */
  docs?: readonly string[]
  /** Document authors (any case). */
  authors?: readonly string[]
  /** Exactly these annotations (what the retrieval view shows). */
  annotationIds?: readonly string[]
  /** 'document': by document, then position; 'tag': under each tag, codebook order. */
  order?: 'document' | 'tag'
  /** Include notes, and the memos of the tags and documents exported (default true). */
  notes?: boolean
  /** Include the text around each excerpt (default false). */
  context?: boolean
  /**
   * Include orphaned annotations (whose passage could not be found with certainty in the
   * document's text as it is now: anchor.ts), with their stored quote only and marked as orphans
   * (default false: left out and counted).
   */
  orphans?: boolean
}

/** What excerpts are drawn from: one project. */
export interface ExcerptSource {
  projectName: string
  documents: readonly DocumentEntry[]
  tags: readonly Tag[]
  annotations: readonly { docId: string; annotation: Annotation }[]
  /**
   * Document texts by id, for paragraph numbers, wider context and re-anchoring: when given, each
   * annotation is found again in its document's current text (main/core/annotations/anchor.ts),
   * and one whose passage is gone, or whose text is missing from the map, is an orphan. Without
   * the map, annotations are taken as stored.
   */
  texts?: ReadonlyMap<string, string>
}

export interface Excerpt {
  /** The annotation's id. */
  id: string
  docId: string
  document: DocumentEntry
  /** [start, end) in code points of the current text (the stored ones for an orphan). */
  start: number
  end: number
  /**
   * 'anchored' or 'moved' (found again elsewhere; start and end are where it is now); 'orphan':
   * the passage could not be found with certainty in the text as it is now (it was deleted or
   * rewritten, or what is around it was, anchor.ts), and only its stored quote is exported.
   */
  status: AnchorStatus
  /** 1-based number of the paragraph (non-empty line) the excerpt starts in, when the text was given; null for an orphan. */
  paragraph: number | null
  /** The passage as it stands in the text (for an orphan: as it was stored). */
  quote: string
  /** Text just before and after the quote ('' unless context was asked for). */
  before: string
  after: string
  tags: Tag[]
  /** Markdown; '' when there is none or notes were not asked for. */
  note: string
  created: string
  /** One line: author, title, outlet, date, position (no position for an orphan). */
  citation: string
  /** The W3C annotation the excerpt comes from: as stored, with its selectors updated if it moved. */
  annotation: Annotation
}

export interface ExcerptGroup {
  heading: string
  /** The tag the group is for (order 'tag'; absent for the untagged group). */
  tag?: Tag
  /** The document the group is for (order 'document'). */
  document?: DocumentEntry
  /** The memo (Markdown) of the group's tag or document, shown under its heading; '' for none or without notes. */
  memo: string
  excerpts: Excerpt[]
}

/** A memo on a tag or document the export draws on but shows no heading for (see ExcerptSet.memos). */
export interface MemoEntry {
  kind: 'tag' | 'document'
  /** The tag's or document's id. */
  id: string
  /** The tag's path ("Economy › Trade") or the document's title (its id when untitled). */
  heading: string
  /** Markdown. */
  memo: string
}

export interface ExcerptSet {
  title: string
  /** One line saying what was selected, e.g. "tag Definition; 12 excerpts from 3 documents". */
  description: string
  order: 'document' | 'tag'
  notes: boolean
  context: boolean
  /** Whether orphans were asked for (then they are among the excerpts, marked). */
  orphans: boolean
  /** Orphaned annotations within the selection that were left out (0 when orphans were asked for). */
  omittedOrphans: number
  groups: ExcerptGroup[]
  /**
   * Memos with no group heading to stand under: by document, the memos of the tags the excerpts
   * carry (and of the tags asked for), in codebook order; by tag, the memos of the documents the
   * excerpts come from, in project order. Writers add them as a closing section "Memos". Empty
   * without notes.
   */
  memos: MemoEntry[]
  /** Every selected excerpt once, in document order. */
  excerpts: Excerpt[]
  /** The whole codebook (for formats that carry it, and for colours). */
  tags: readonly Tag[]
}

/** A scope naming something the project does not have. */
export class ScopeError extends Error {}

/**
 * Code points of context kept either side of an excerpt when the text is at hand. 200 (about two
 * lines of print) shows the sentence an excerpt sits in without turning a list of quotes into a
 * reprint of the document; the context never crosses a paragraph break.
 */
export const CONTEXT_LENGTH = 200

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** "a–b" positions and paragraph as a citation shows them. */
function position(e: { start: number; end: number; paragraph: number | null }): string {
  const chars = `characters ${e.start}–${e.end}`
  return e.paragraph ? `para. ${e.paragraph}, ${chars}` : chars
}

/**
 * The citation line of a passage: `Author, “Title”, Outlet, Date, para. 4, characters 120–180`,
 * leaving out what the document's metadata does not state. Without `at` (an orphan, whose passage
 * has no place in the current text) the line ends after the date.
 */
export function formatCitation(doc: DocumentEntry, at: { start: number; end: number; paragraph: number | null } | null): string {
  return [doc.author, doc.title ? `“${doc.title}”` : '', doc.outlet, doc.date, at ? position(at) : ''].filter(Boolean).join(', ')
}

/**
 * How ORPHAN_LABEL starts, in every version of it: a .qdpx holds an orphan as a project note
 * whose text starts so (export.ts qdaProjectOf), and its import names those (qdpx.ts).
 */
export const ORPHAN_HEAD = 'Orphaned annotation:'

/**
 * What every format says next to an orphan's quote. Not that the passage is gone: an orphan is a
 * passage the text as it is now no longer places with certainty (anchor.ts), which may still hold
 * its words where what was around them was rewritten (a tester deleted the sentence before one).
 */
export const ORPHAN_LABEL = `${ORPHAN_HEAD} its passage could not be found with certainty in the document as it is now; quoted as it was stored.`

/** "2 orphaned annotations not exported", or '' for none. */
export function omittedOrphansLine(count: number): string {
  if (count === 0) return ''
  return `${count} orphaned ${count === 1 ? 'annotation' : 'annotations'} not exported (their passages could not be found with certainty in the texts as they are now)`
}

/**
 * Paragraph starts (code points) of a text: every non-empty line is a paragraph, or in a
 * hard-wrapped text (a plain-text licence or mail, Markdown written at 72 columns: sentences.ts
 * isHardWrapped) the first line after a blank one, except the lines of Markdown front matter ("---"
 * … "---" at the very top), which are metadata, not text. Every line of a hard-wrapped text was
 * counted as a paragraph: "para. 212" for its twentieth (a reviewer).
 */
function paragraphStarts(map: OffsetMap): number[] {
  const starts: number[] = []
  let at = 0
  let frontMatter = /^---\r?\n/.test(map.text)
  let first = true
  const wrapped = isHardWrapped(map.text)
  let afterBlank = true
  for (const line of map.text.split('\n')) {
    const blank = !line.trim()
    if (frontMatter) {
      if (!first && line.trim() === '---') frontMatter = false
    } else {
      if (!blank && (!wrapped || afterBlank)) starts.push(map.toCodePoint(at))
      afterBlank = blank
    }
    first = false
    at += line.length + 1
  }
  return starts
}

interface TextInfo {
  map: OffsetMap
  paragraphs: number[]
}

function contextAround(info: TextInfo, start: number, end: number): { before: string; after: string } {
  const { map } = info
  const text = map.text
  const from = map.toUtf16(start)
  const to = map.toUtf16(end)
  const lineStart = text.lastIndexOf('\n', from - 1) + 1
  const nl = text.indexOf('\n', to)
  const lineEnd = nl === -1 ? text.length : nl
  let before = text.slice(Math.max(lineStart, map.toUtf16(Math.max(0, start - CONTEXT_LENGTH))), from)
  let after = text.slice(to, Math.min(lineEnd, map.toUtf16(Math.min(map.codePointLength, end + CONTEXT_LENGTH))))
  // Cut at word boundaries unless the paragraph edge was reached.
  if (from - before.length > lineStart) before = '…' + before.replace(/^\S*\s+/, '')
  if (to + after.length < lineEnd) after = after.replace(/\s+\S*$/, '') + '…'
  return { before: before.replace(/\r/g, ''), after: after.replace(/\r/g, '') }
}

/**
 * Chooses and orders the excerpts a scope asks for. Filters combine with AND; values within one
 * filter with OR. Throws a ScopeError when a filter names a tag or document the project lacks.
 */
export function selectExcerpts(source: ExcerptSource, scope: ExcerptScope = {}): ExcerptSet {
  const order = scope.order ?? 'document'
  const notes = scope.notes ?? true
  const memo = (item: Tag | DocumentEntry) => (notes ? memoOf(item) : '')
  const context = scope.context ?? false
  const withOrphans = scope.orphans ?? false
  let omittedOrphans = 0
  const { tags, documents } = source
  const byId = new Map(tags.map((t) => [t.id, t]))

  let tagFilter: Set<string> | null = null
  let chosenTags: Tag[] = []
  if (scope.tags?.length) {
    chosenTags = scope.tags.map((n) => {
      const tag = byId.get(n) ?? tags.find((t) => collator.compare(t.name.trim(), n.trim()) === 0)
      if (!tag) throw new ScopeError(`no tag named "${n}" in project ${source.projectName}`)
      return tag
    })
    tagFilter = withDescendantIds(
      tags,
      chosenTags.map((t) => t.id),
    )
  }
  const docFilter = scope.docs?.length ? new Set(scope.docs) : null
  for (const id of docFilter ?? []) {
    if (!documents.some((d) => d.id === id)) throw new ScopeError(`no document with id "${id}" in project ${source.projectName}`)
  }
  const authorFilter = scope.authors?.length ? scope.authors.map((a) => a.trim()) : null
  const idFilter = scope.annotationIds?.length ? new Set(scope.annotationIds) : null

  const docOrder = new Map(documents.map((d, i) => [d.id, i]))
  const texts = new Map<string, TextInfo>()
  const info = (docId: string): TextInfo | undefined => {
    const text = source.texts?.get(docId)
    if (text === undefined) return undefined
    let i = texts.get(docId)
    if (!i) {
      const map = new OffsetMap(text)
      texts.set(docId, (i = { map, paragraphs: paragraphStarts(map) }))
    }
    return i
  }

  const excerpts: Excerpt[] = []
  for (const { docId, annotation } of source.annotations) {
    const document = documents.find((d) => d.id === docId)
    if (!document) continue
    if (docFilter && !docFilter.has(docId)) continue
    if (authorFilter && !authorFilter.some((a) => collator.compare(a, document.author.trim()) === 0)) continue
    if (idFilter && !idFilter.has(annotation.id)) continue
    const ids = tagIdsOf(annotation)
    if (tagFilter && !ids.some((id) => tagFilter!.has(id))) continue
    const stored = quoteOf(annotation)
    const text = info(docId)
    const anchor = text
      ? anchorAnnotation(text.map, annotation)
      : source.texts
        ? { status: 'orphan' as const, ...positionOf(annotation) }
        : { status: 'anchored' as const, ...positionOf(annotation) }
    const { start, end, status } = anchor
    if (status === 'orphan' && !withOrphans) {
      omittedOrphans++
      continue
    }
    const placed = status !== 'orphan'
    let paragraph: number | null = null
    if (text && placed) {
      let lo = 0
      while (lo < text.paragraphs.length && text.paragraphs[lo] <= start) lo++
      paragraph = Math.max(1, lo)
    }
    let around = { before: '', after: '' }
    if (context && placed) {
      around = text
        ? contextAround(text, start, end)
        : { before: stored.prefix ? '…' + stored.prefix : '', after: stored.suffix ? stored.suffix + '…' : '' }
    }
    excerpts.push({
      id: annotation.id,
      docId,
      document,
      start,
      end,
      status,
      paragraph,
      quote: text && placed ? text.map.slice(start, end) : stored.exact,
      ...around,
      tags: ids.map((id) => byId.get(id)).filter((t): t is Tag => !!t),
      note: notes ? noteOf(annotation) : '',
      created: annotation.created,
      citation: formatCitation(document, placed ? { start, end, paragraph } : null),
      // A passage found elsewhere is exported where it is now.
      annotation: text && status === 'moved' ? withSpan(annotation, text.map, start, end) : annotation,
    })
  }
  // Within a document, orphans come after the passages still in the text.
  const orphanRank = (e: Excerpt) => (e.status === 'orphan' ? 1 : 0)
  excerpts.sort(
    (a, b) =>
      docOrder.get(a.docId)! - docOrder.get(b.docId)! ||
      orphanRank(a) - orphanRank(b) ||
      a.start - b.start ||
      a.end - b.end ||
      (a.id < b.id ? -1 : 1),
  )

  const groups: ExcerptGroup[] = []
  if (order === 'document') {
    for (const document of documents) {
      const items = excerpts.filter((e) => e.docId === document.id)
      if (items.length) groups.push({ heading: document.title || document.id, document, memo: memo(document), excerpts: items })
    }
  } else {
    for (const tag of tagsInTreeOrder(tags)) {
      if (tagFilter && !tagFilter.has(tag.id)) continue
      const items = excerpts.filter((e) => e.tags.some((t) => t.id === tag.id))
      if (items.length) groups.push({ heading: tagPath(tags, tag), tag, memo: memo(tag), excerpts: items })
    }
    const untagged = excerpts.filter((e) => e.tags.length === 0)
    if (untagged.length) groups.push({ heading: 'Untagged', memo: '', excerpts: untagged })
  }
  const memos: MemoEntry[] = []
  if (notes && order === 'document') {
    const used = new Set([...chosenTags.map((t) => t.id), ...excerpts.flatMap((e) => e.tags.map((t) => t.id))])
    for (const tag of tagsInTreeOrder(tags))
      if (used.has(tag.id) && memo(tag)) memos.push({ kind: 'tag', id: tag.id, heading: tagPath(tags, tag), memo: memo(tag) })
  } else if (notes) {
    const used = new Set(excerpts.map((e) => e.docId))
    for (const d of documents)
      if (used.has(d.id) && memo(d)) memos.push({ kind: 'document', id: d.id, heading: d.title || d.id, memo: memo(d) })
  }

  const docCount = new Set(excerpts.map((e) => e.docId)).size
  const what = [
    chosenTags.length ? `${chosenTags.length > 1 ? 'tags' : 'tag'} ${chosenTags.map((t) => t.name).join(', ')}` : '',
    docFilter ? `${docFilter.size > 1 ? 'documents' : 'document'} ${[...docFilter].join(', ')}` : '',
    authorFilter ? `${authorFilter.length > 1 ? 'authors' : 'author'} ${authorFilter.join(', ')}` : '',
    idFilter ? 'selected annotations' : '',
  ].filter(Boolean)
  const counts = `${excerpts.length} ${excerpts.length === 1 ? 'excerpt' : 'excerpts'} from ${docCount} ${docCount === 1 ? 'document' : 'documents'}`
  const orphanCount = excerpts.filter((e) => e.status === 'orphan').length
  const orphanLine = orphanCount
    ? `${orphanCount} of them ${orphanCount === 1 ? 'an orphaned annotation' : 'orphaned annotations'} (quoted as stored)`
    : omittedOrphansLine(omittedOrphans)
  return {
    title: `${source.projectName}: annotated excerpts`,
    description: [...what, counts, orphanLine].filter(Boolean).join('; '),
    order,
    notes,
    context,
    orphans: withOrphans,
    omittedOrphans,
    groups,
    memos,
    excerpts,
    tags,
  }
}
