import { ApiError, type ApiEvent, type Results } from '../../core/contract/api.js'
import type { DefinitionResult } from '../../core/definitions/definitions.js'
import type { EngineDocument } from '../../core/engine/analyse.js'
import type { OverlapResult } from '../../core/engine/overlaps.js'
import { maskExcluded, withOriginalTexts } from '../../core/project/exclusions.js'
import { EngineRunner } from '../engine/runner.js'
import { importedOverlaps } from '../reuse/read.js'
import { type EngineJob, runJob } from '../engine/worker.js'
import type { OpenProject } from './open-project.js'

// The analyses (shared passages, definitions) of the open project. The engine runs in a worker
// thread when the host gives one (hosts with a UI), else inline (the CLI). The last result of
// each task is kept until a text or an excluded range changes; cancelling stops running workers
// and forgets every kept result.

type Task = 'overlaps' | 'definitions'

/** The documents as the engine sees them: readable texts, excluded ranges blanked (offsets kept). */
export async function engineDocuments({ store, texts }: OpenProject): Promise<EngineDocument[]> {
  const out: EngineDocument[] = []
  for (const doc of store.project.documents) {
    const cached = await texts.readable(doc.id)
    if (cached) out.push({ id: doc.id, text: maskExcluded(cached.map.text, doc.excluded ?? []) })
  }
  return out
}

export class Analyses {
  private readonly engine: EngineRunner | null
  /** The last analyses, by task, with the texts they were computed from. */
  private readonly results = new Map<string, { key: string; result: Promise<unknown> }>()
  /** Bumped by cancel(): analyses started before it are cancelled, even before their worker starts. */
  private cancellations = 0
  /**
   * Per project as opened, the paraphrase search asked for (or against) by the last analysis of
   * shared passages that said (analyseOverlaps' `paraphrases`): the analyses after it, when the
   * texts change, keep to it without being told again; a project opened (another, or the same
   * again), or a cancel, forgets it. Weakly held: a project no longer open is let go.
   */
  private paraphrases = new WeakMap<OpenProject, boolean>()

  /**
   * `engineWorker`: the bundled worker (dist/main/engine-worker.cjs), or undefined to run inline.
   * `emit` receives the 'analysis-progress' events.
   */
  constructor(
    engineWorker: string | undefined,
    private readonly emit: (event: ApiEvent) => void,
  ) {
    this.engine = engineWorker ? new EngineRunner(engineWorker) : null
  }

  /**
   * The passages the documents share, with the texts' lengths; passages quote the files' own text.
   * The engine's (source "parallax") come first, then those imported from passim and TextPAIR.
   * `paraphrases`: looked for whatever the corpus's size (true) or not at all (false), in this
   * analysis and the project's next ones; by default as the last that said, else in a corpus of
   * PARAPHRASE_MAX_WORDS words at most. One result is kept, whichever was asked (a project's is
   * large).
   */
  async overlaps(open: OpenProject, paraphrases?: boolean): Promise<Results['analyseOverlaps']> {
    if (paraphrases !== undefined) this.paraphrases.set(open, paraphrases)
    const search = this.paraphrases.get(open)
    const variant = search === undefined ? '' : `paraphrases:${search}`
    for (const slot of this.results.keys()) if (slot.startsWith('overlaps') && slot !== `overlaps${variant}`) this.results.delete(slot)
    const result = await this.run<OverlapResult>(
      open,
      'overlaps',
      (documents) => ({ kind: 'overlaps', documents, paraphrases: search }),
      variant,
    )
    const lengths: Record<string, number> = {}
    const originals = new Map<string, string>()
    for (const d of open.store.project.documents) {
      const cached = await open.texts.readable(d.id)
      if (!cached) continue
      lengths[d.id] = cached.map.codePointLength
      originals.set(d.id, cached.map.text)
    }
    // The engine's overlaps, then those imported from batch tools (reuse/*.json), each with its source.
    const imported = await importedOverlaps(open.store.dir, originals)
    const own = withOriginalTexts(result.overlaps, originals).map((o) => ({ ...o, source: 'parallax' as const }))
    return { overlaps: [...own, ...imported.overlaps], stats: result.stats, lengths }
  }

  /** How the documents define `term` (without it: the key terms, defining the first). */
  definitions(open: OpenProject, term: string | undefined): Promise<Results['findDefinitions']> {
    // Documents' dates order the facets' and quotations' timelines; a changed date changes the result.
    const dates = Object.fromEntries(open.store.project.documents.filter((d) => d.date).map((d) => [d.id, d.date]))
    return this.run<DefinitionResult>(
      open,
      'definitions',
      (documents) => ({ kind: 'definitions', documents, term, dates }),
      `${term ?? ''}\n${JSON.stringify(dates)}`,
    )
  }

  /** Cancels every analysis running or starting; returns how many workers were stopped. */
  async cancel(): Promise<Results['cancelAnalysis']> {
    this.cancellations++
    this.results.clear()
    this.paraphrases = new WeakMap()
    return { cancelled: this.engine ? await this.engine.cancel() : 0 }
  }

  /**
   * Runs an engine job in the worker (or inline without one), reusing the last result of the same
   * task while the texts it was computed from are unchanged.
   */
  private async run<T>(open: OpenProject, task: Task, job: (documents: EngineDocument[]) => EngineJob, variant = ''): Promise<T> {
    const { store, texts } = open
    const generation = this.cancellations
    const documents = await engineDocuments(open)
    if (generation !== this.cancellations) throw new ApiError('cancelled', 'the analysis was cancelled')
    // The texts as the engine sees them: each file's version, and what of it is excluded.
    const key = JSON.stringify([
      store.dir,
      variant,
      documents.map((d) => [d.id, d.text.length, texts.version(d.id), store.document(d.id).excluded ?? []]),
    ])
    const slot = task + variant
    const cached = this.results.get(slot)
    if (cached?.key === key) return cached.result as Promise<T>
    const progress = (phase: string, done: number, total: number) => this.emit({ type: 'analysis-progress', task, phase, done, total })
    const result = this.engine
      ? this.engine.run<T>(job(documents), (p) => progress(p.phase, p.done, p.total))
      : Promise.resolve().then(() => runJob(job(documents), progress) as T)
    this.results.set(slot, { key, result })
    result.catch(() => {
      if (this.results.get(slot)?.result === result) this.results.delete(slot)
    })
    return result
  }
}
