import { setImmediate as nextTurn } from 'node:timers/promises'

// Long work on the thread that serves the UI, done in steps: a core function written as a
// generator yields between steps (core/text/search.ts), and this runs it, letting the event
// loop answer other requests between steps, so no request waits for more than one step.

/** Runs a generator of steps to its end, letting other work run after each step. */
export async function inSteps<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
    await nextTurn()
  }
}
