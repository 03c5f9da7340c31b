import { stableStringify } from '../../core/project/json.js'
import { type Anchor, anchorAnnotation, withSpan } from '../../core/annotations/anchor.js'
import { type Annotation, positionOf } from '../../core/annotations/annotation.js'
import type { AnnotationItem } from '../../core/contract/api.js'
import type { OffsetMap } from '../../core/text/offsets.js'
import type { ProjectStore } from '../project/store.js'
import type { TextCache } from './texts.js'

// Where each annotation of one project stands in its document's current text (core/annotations/
// anchor.ts does the finding). Annotations are anchored when the project opens, when a source
// file or an annotations file changes on disk (watcher.ts) and after undo or redo.

export class Anchors {
  /** By document, then annotation id: an id reused in another document (an old import) is another annotation. */
  private readonly anchors = new Map<string, Map<string, Anchor>>()
  /** The anchoring under way, by document (see anchorDocument). */
  private readonly running = new Map<string, Promise<void>>()

  constructor(
    private readonly store: ProjectStore,
    private readonly texts: TextCache,
  ) {}

  private ofDocument(docId: string): Map<string, Anchor> {
    let m = this.anchors.get(docId)
    if (!m) this.anchors.set(docId, (m = new Map()))
    return m
  }

  /** Where an annotation of a document stands; one not anchored yet stands where its selectors say. */
  of(docId: string, a: Annotation): Anchor {
    return this.anchors.get(docId)?.get(a.id) ?? { status: 'anchored', ...positionOf(a) }
  }

  /** Records that an annotation was just made or moved to a span of the current text. */
  placed(docId: string, id: string, start: number, end: number): void {
    this.ofDocument(docId).set(id, { status: 'anchored', start, end })
  }

  forget(docId: string, id: string): void {
    this.anchors.get(docId)?.delete(id)
  }

  /** An annotation as the API lists it: with its document and anchoring status. */
  item(docId: string, annotation: Annotation): AnnotationItem {
    return { docId, annotation, status: this.of(docId, annotation).status }
  }

  /**
   * Re-anchors a document's annotations in its current text. Annotations found elsewhere get
   * their stored selectors updated (only if nobody changed them meanwhile); those not found
   * become orphans and are left exactly as stored.
   */
  async anchorDocument(docId: string): Promise<void> {
    // One anchoring of a document at a time: a source file and its annotations file changing
    // together start two, and the later must see what the earlier wrote.
    const previous = this.running.get(docId) ?? Promise.resolve()
    const run = previous.then(() => this.anchorNow(docId))
    const settled = run.catch(() => undefined)
    this.running.set(docId, settled)
    void settled.then(() => {
      if (this.running.get(docId) === settled) this.running.delete(docId)
    })
    return run
  }

  private async anchorNow(docId: string): Promise<void> {
    const items = this.store.annotationsOf(docId)
    // The new anchors replace the old ones whole once found: meanwhile the old ones answer.
    const anchors = new Map<string, Anchor>()
    if (items.length === 0) {
      this.anchors.set(docId, anchors)
      return
    }
    let map: OffsetMap
    try {
      map = (await this.texts.get(docId)).map
    } catch {
      for (const a of items) anchors.set(a.id, { status: 'orphan', ...positionOf(a) })
      this.anchors.set(docId, anchors)
      return
    }
    const moved = new Map<string, { anchor: Anchor; selectors: string }>()
    for (const a of items) {
      const anchor = anchorAnnotation(map, a)
      anchors.set(a.id, anchor)
      if (anchor.status === 'moved') moved.set(a.id, { anchor, selectors: stableStringify(a.target.selector) })
    }
    this.anchors.set(docId, anchors)
    if (moved.size === 0) return
    await this.store
      .updateAnnotations(docId, (list) =>
        list.map((a) => {
          const m = moved.get(a.id)
          return m && stableStringify(a.target.selector) === m.selectors ? withSpan(a, map, m.anchor.start, m.anchor.end) : a
        }),
      )
      .catch(() => undefined) // An unwritable file keeps its old selectors; the anchors still show where the passages are.
  }

  /** Anchors every annotation of the project afresh. */
  async anchorAll(): Promise<void> {
    this.anchors.clear()
    for (const d of this.store.project.documents) await this.anchorDocument(d.id)
  }
}
