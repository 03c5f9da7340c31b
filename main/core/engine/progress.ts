// Progress and cancellation for long engine runs. The engine is synchronous (it runs off the UI
// thread, in a worker), so cancellation is a flag it polls: pass `signal` as an AbortSignal when
// the caller shares the engine's event loop, or, across threads, an object whose `aborted` getter
// reads a SharedArrayBuffer (Atomics.load), which a worker sees change while it computes.

/** One progress report: `done` of `total` units of the named phase. */
export interface Progress {
  phase: string
  done: number
  total: number
}

export interface EngineHooks {
  onProgress?(progress: Progress): void
  signal?: { readonly aborted: boolean }
}

/** Thrown out of an engine call whose signal was aborted; nothing partial is returned. */
export class EngineCancelled extends Error {
  readonly code = 'cancelled'
  constructor() {
    super('the engine run was cancelled')
    this.name = 'EngineCancelled'
  }
}

/** True for the error a cancelled run throws (also across a structured clone, by name). */
export function isCancelled(error: unknown): boolean {
  return error instanceof EngineCancelled || (typeof error === 'object' && error !== null && (error as Error).name === 'EngineCancelled')
}

/**
 * How many loop iterations pass between two looks at the signal and two progress reports. A look
 * is a property read, so this only bounds how stale a report is; at ~10^7 simple iterations a
 * second, 4096 keeps cancellation well under a millisecond away.
 */
const CHECK_EVERY = 4096

/** The bookkeeping of one engine run: the current phase, its progress, cancellation. */
export class Run {
  private phaseName = ''
  private total = 0
  private counter = 0

  constructor(private readonly hooks: EngineHooks = {}) {}

  /** Starts a phase of `total` units (reported as 0 done); checks for cancellation. */
  phase(name: string, total: number): void {
    this.phaseName = name
    this.total = total
    this.counter = 0
    this.check()
    this.hooks.onProgress?.({ phase: name, done: 0, total })
  }

  /** Marks `done` units of the phase done; every CHECK_EVERY calls, reports and checks. */
  tick(done: number): void {
    if (++this.counter % CHECK_EVERY !== 0) return
    this.check()
    this.hooks.onProgress?.({ phase: this.phaseName, done, total: this.total })
  }

  /** Reports the phase complete. */
  end(): void {
    this.check()
    this.hooks.onProgress?.({ phase: this.phaseName, done: this.total, total: this.total })
  }

  /** Throws EngineCancelled when the signal is aborted. */
  check(): void {
    if (this.hooks.signal?.aborted) throw new EngineCancelled()
  }
}
