import type { AnnotationSpan, DocumentView, OverlapsView, ProjectView, RetrievedItem } from '../../main/core/contract/api.js'
import type { DefinitionResult } from '../../main/core/definitions/definitions.js'
import { NO_FILTER, type OverlapFilterChoice } from '../compare/overlap-filter.js'

// The UI's one store, as CodeMirror 6 keeps an editor's: the whole state in one immutable object,
// changed only by `update` (which makes a new state), and views that subscribe and redraw from it.
// Panels hold no copies of it: they read `store.state` when they draw, and a subscriber compares a
// slice with the previous state's (by identity) to know whether to draw it again.

/** The main views, as the tabs list them. */
export type ViewName = 'read' | 'passages' | 'search' | 'definitions' | 'orphans'

/**
 * What a status message is about, where something other than the next message makes it stale:
 * 'active-tag' (no active tag: resolved once one is chosen); 'overlap-panes' (the panes show fewer
 * of the chosen overlap's documents than it has: resolved once they show all of another's). A tester closed panes down to two and
 * still read "At most 5 panes" (a message + Pane no longer needs: it is disabled at the limit).
 */
export type StatusTopic = 'active-tag' | 'overlap-panes'

/** The title bar's one message: what was done, or what went wrong (`error`). */
export interface StatusMessage {
  text: string
  error: boolean
  about?: StatusTopic
}

export interface State {
  /** The open project as the services last reported it (null until it loads). */
  project: ProjectView | null
  /** The engine's shared passages (null until the analysis finishes). */
  overlaps: OverlapsView | null
  /** The overlap the user chose, by id: the one place it is kept. */
  selectedOverlap: string | null
  /** The overlap list's filters as the reader set them (the list draws what they keep). */
  overlapFilter: OverlapFilterChoice
  /**
   * The reader asked for paraphrases in a project larger than the engine searches for them by
   * default (PARAPHRASE_MAX_WORDS: the overlap list's "Look for paraphrases"), and that analysis is
   * running. The services keep to it in the project's next analyses.
   */
  paraphrasesAsked: boolean
  /** How the authors define the term the Definitions view shows (null until found). */
  definitions: DefinitionResult | null
  /**
   * The facet or definition the user chose, as `facet:<index>` or `definition:<index>` into
   * `definitions` (definitions/definition-marks.ts reads it). At most one of it and
   * `selectedOverlap` is set: the panes line up on one thing at a time.
   */
  selectedDefinition: string | null
  /** Texts fetched for panes, by document id: fetched again only when the services say they changed. */
  texts: ReadonlyMap<string, DocumentView>
  /** What the readers draw of each shown document's annotations, by document id. */
  spans: ReadonlyMap<string, readonly AnnotationSpan[]>
  /** An annotation being given a new span: the next selection in its document becomes it. */
  reattaching: RetrievedItem | null
  view: ViewName
  /**
   * The title bar's message (null: none). One at a time: the next message replaces it, and a
   * message `about` something goes once that is resolved.
   */
  status: StatusMessage | null
}

export type Listener = (state: State, previous: State) => void

/** What panels are given: the state to read, never to change. */
export interface StateSource {
  readonly state: State
}

export class Store implements StateSource {
  private current: State = {
    project: null,
    overlaps: null,
    selectedOverlap: null,
    overlapFilter: NO_FILTER,
    paraphrasesAsked: false,
    definitions: null,
    selectedDefinition: null,
    texts: new Map(),
    spans: new Map(),
    reattaching: null,
    view: 'read',
    status: null,
  }
  private readonly listeners = new Set<Listener>()

  get state(): State {
    return this.current
  }

  /** Applies a change (the fields given replace the state's) and tells every subscriber once. */
  update(change: Partial<State>): void {
    const previous = this.current
    this.current = { ...previous, ...change }
    for (const listener of this.listeners) listener(this.current, previous)
  }

  /** Calls `listener` after every update; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }
}
