import type { AnnotationSpan, Api, ApiEvent, DocumentView } from '../../main/core/contract/api.js'
import type { Store } from './store.js'

// The one path by which the store follows the services. A change the user makes is not followed
// by a refresh of its own: the services announce every change as an event (annotations-changed,
// codebook-changed, project-changed, document-changed), each event marks what it makes stale, and
// one refresh fetches just that: the project, the spans of the shown documents whose annotations
// changed, and a text only when that document's text changed. A text or a span list already on
// its way is waited for, never asked for twice (a refresh and a pane opening the same document).

/**
 * How long to wait after an event for the ones that come with it (an undo announces the codebook
 * and every document) so that they cost one refresh: long enough for a burst from one change,
 * short enough not to be seen.
 */
const REFRESH_DELAY_MS = 30

/**
 * Times load() fetches a document whose text or spans change while it does. Each change also
 * schedules a refresh of the shown documents, which draws the document in the end; the bound
 * keeps a pane that opens on a file being written from waiting on it.
 */
const MAX_LOAD_ATTEMPTS = 3

export class Sync {
  private staleProject = true
  private staleSpans = new Set<string>()
  private staleTexts = new Set<string>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private running: Promise<void> | null = null
  private again = false
  /** Requests on their way, by document id: dropped when an event makes what they fetch stale. */
  private readonly pendingTexts = new Map<string, Promise<DocumentView>>()
  private readonly pendingSpans = new Map<string, Promise<readonly AnnotationSpan[]>>()
  /**
   * Events that made a document's text or spans stale, by document id, and those that made every
   * document's stale (`everyChange`): load() compares them before and after its requests, and an
   * answer that left the services before a change is fetched again rather than drawn over that
   * change's refresh.
   */
  private readonly changes = new Map<string, number>()
  private everyChange = 0

  constructor(
    private readonly api: Api,
    private readonly store: Store,
    /** The documents the panes show: the only ones whose text and spans are kept fresh. */
    private readonly shown: () => readonly string[],
    private readonly onError: (message: string) => void,
  ) {}

  /** Marks what an event makes stale and schedules one refresh for it and its companions. */
  onEvent(event: ApiEvent): void {
    if (event.type === 'project-changed') {
      // Perhaps another project: every document id may now name another text.
      this.allStale()
    } else if (event.type === 'document-changed') {
      this.staleTexts.add(event.docId)
      this.staleSpans.add(event.docId)
      this.pendingTexts.delete(event.docId)
      this.pendingSpans.delete(event.docId)
      this.changes.set(event.docId, (this.changes.get(event.docId) ?? 0) + 1)
    } else if (event.type === 'annotations-changed') {
      this.staleSpans.add(event.docId)
      this.pendingSpans.delete(event.docId)
      this.changes.set(event.docId, (this.changes.get(event.docId) ?? 0) + 1)
    } else if (event.type !== 'codebook-changed') return
    this.scheduleRefresh()
  }

  /**
   * Fetches everything again: for when events may have been missed (the host's event stream
   * broke off and was read again: Host.onResync).
   */
  resync(): void {
    this.allStale()
    this.scheduleRefresh()
  }

  /** Marks every document's text and spans stale: those held, on their way, or shown. */
  private allStale(): void {
    const { texts, spans } = this.store.state
    for (const id of [...texts.keys(), ...this.pendingTexts.keys(), ...this.shown()]) this.staleTexts.add(id)
    for (const id of [...spans.keys(), ...this.pendingSpans.keys(), ...this.shown()]) this.staleSpans.add(id)
    this.pendingTexts.clear()
    this.pendingSpans.clear()
    this.everyChange++
  }

  private scheduleRefresh(): void {
    // Every change shows in the project view too (counts, tags, history, metadata).
    this.staleProject = true
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS)
  }

  /** Fetches what is stale (all of it, the first time) into the store, in one update. */
  async refresh(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = this.fetchStale()
    try {
      await this.running
    } finally {
      this.running = null
    }
    if (this.again) {
      this.again = false
      await this.refresh()
    }
  }

  private async fetchStale(): Promise<void> {
    const state = this.store.state
    const staleTexts = this.staleTexts
    const staleSpans = this.staleSpans
    const fetchProject = this.staleProject
    this.staleTexts = new Set()
    this.staleSpans = new Set()
    this.staleProject = false
    try {
      const project = fetchProject || !state.project ? await this.api.getProject({}) : state.project
      const exists = new Set(project.documents.map((d) => d.id))
      const texts = new Map([...state.texts].filter(([id]) => !staleTexts.has(id) && exists.has(id)))
      const spans = new Map([...state.spans].filter(([id]) => !staleSpans.has(id) && exists.has(id)))
      const wanted = [...new Set(this.shown())].filter((id) => exists.has(id))
      await Promise.all([
        ...wanted.filter((id) => !texts.has(id)).map(async (id) => texts.set(id, await this.text(id))),
        ...wanted.filter((id) => !spans.has(id)).map(async (id) => spans.set(id, await this.spans(id))),
      ])
      this.store.update({ project, texts, spans })
    } catch (e) {
      this.onError(e instanceof Error ? e.message : String(e))
    }
  }

  /**
   * Makes sure a document's text and spans are in the store, fetching only what is missing (or
   * stale: an event said so and its refresh has not run yet).
   */
  async load(docId: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_LOAD_ATTEMPTS; attempt++) {
      const changes = this.changesOf(docId)
      const { texts, spans } = this.store.state
      const [text, list] = await Promise.all([
        (!this.staleTexts.has(docId) && texts.get(docId)) || this.text(docId),
        (!this.staleSpans.has(docId) && spans.get(docId)) || this.spans(docId),
      ])
      // A change came meanwhile: what was fetched may predate it (and the change's own refresh
      // may already have drawn the newer state), so it is fetched again.
      if (this.changesOf(docId) !== changes) continue
      const now = this.store.state
      if (now.texts.get(docId) === text && now.spans.get(docId) === list) return
      this.store.update({ texts: new Map(now.texts).set(docId, text), spans: new Map(now.spans).set(docId, list) })
      return
    }
    // Changes keep coming (a file being written): the refresh each of them schedules draws it.
  }

  /** How many events have made a document's text or spans stale so far. */
  private changesOf(docId: string): number {
    return this.everyChange + (this.changes.get(docId) ?? 0)
  }

  /** A document's text from the services: the request on its way, else a new one. */
  private text(id: string): Promise<DocumentView> {
    return this.once(this.pendingTexts, id, () => this.api.getDocument({ id }))
  }

  /** A document's annotation spans from the services: the request on its way, else a new one. */
  private spans(docId: string): Promise<readonly AnnotationSpan[]> {
    return this.once(this.pendingSpans, docId, () => this.api.listAnnotationSpans({ docId }).then((r) => r.spans))
  }

  private once<T>(pending: Map<string, Promise<T>>, id: string, fetch: () => Promise<T>): Promise<T> {
    const known = pending.get(id)
    if (known) return known
    const request = fetch()
    pending.set(id, request)
    const done = () => {
      if (pending.get(id) === request) pending.delete(id)
    }
    request.then(done, done)
    return request
  }
}
