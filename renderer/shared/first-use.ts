// Parts of the page the first screen does not need (the export and import dialogs) are built on
// first use from a module loaded then: the build puts such a module in a chunk of its own
// (dist/renderer/chunks/), so the page's bundle stays within its budget (electron.config.ts).

/**
 * Returns a getter that builds its value once, on the first call, with `make` (which imports the
 * module it needs); every later call gets the same value. A load that failed is tried again at the
 * next call rather than failing for good.
 */
export function onFirstUse<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined
  return () =>
    (made ??= make().catch((e: unknown) => {
      made = undefined
      throw e
    }))
}
