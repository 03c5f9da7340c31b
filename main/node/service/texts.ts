import { stat } from 'node:fs/promises'
import { ApiError } from '../../core/contract/api.js'
import { OffsetMap } from '../../core/text/offsets.js'
import { indexWordsInSteps, type WordIndex } from '../../core/text/search.js'
import type { ProjectStore } from '../project/store.js'
import { inSteps } from './steps.js'

// The texts of one project's documents, read once and kept while their files stay as they are:
// every operation that needs a text (anchoring, search, analysis, export of exclusions) asks here,
// and a file is read again only when its modification time or size changed.

/** A document's text as read from its file, with the file version it was read at. */
export interface CachedText {
  mtimeMs: number
  size: number
  map: OffsetMap
}

interface Entry extends CachedText {
  /** The text's words for search, read on the first search (in steps: a long text never blocks the host). */
  words?: Promise<WordIndex>
}

export class TextCache {
  /** By file path. */
  private readonly texts = new Map<string, Entry>()

  constructor(private readonly store: ProjectStore) {}

  /** A document's text, read again only when its file changed; an unreadable file is an 'unreadable' error. */
  async get(docId: string): Promise<CachedText> {
    return this.entry(docId)
  }

  /** A document's text, or null when its file cannot be read (missing, not UTF-8, …). */
  readable(docId: string): Promise<CachedText | null> {
    return this.entry(docId).catch(() => null)
  }

  /**
   * A document's text with its words read for search (core/text/search.ts; once per version, in
   * steps that let the host answer other requests meanwhile; searches at once share one reading).
   */
  async words(docId: string): Promise<{ text: string; map: OffsetMap; words: WordIndex }> {
    const entry = await this.entry(docId)
    entry.words ??= inSteps(indexWordsInSteps(entry.map.text))
    return { text: entry.map.text, map: entry.map, words: await entry.words }
  }

  /** The modification time of the file version last read for a document, if it was read. */
  version(docId: string): number | undefined {
    return this.texts.get(this.store.documentPath(this.store.document(docId)))?.mtimeMs
  }

  private async entry(docId: string): Promise<Entry> {
    const path = this.store.documentPath(this.store.document(docId))
    const info = await stat(path).catch(() => null)
    const cached = this.texts.get(path)
    if (cached && info && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached
    let text: string
    try {
      text = await this.store.text(docId)
    } catch (e) {
      throw new ApiError('unreadable', (e as Error).message)
    }
    const fresh = { mtimeMs: info?.mtimeMs ?? 0, size: info?.size ?? 0, map: new OffsetMap(text) }
    this.texts.set(path, fresh)
    return fresh
  }
}
