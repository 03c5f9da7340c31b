import { resolve } from 'node:path'
import type { Api, Envelope, OperationInput, OperationName } from '../../core/contract/api.js'
import { dispatch, operations } from '../../core/contract/schemas.js'

// Which file-system paths a desktop page may have the services act on. In Electron the page
// reaches every operation of the contract through the preload; a page that was compromised (a
// script injected through a document's text, say) could otherwise open any folder as a project
// or import any file it names. So the main process lets an operation that takes a path act only
// on a path the user chose in a native dialog in this session, or one the app already holds (the
// open project's folder, the recent projects); any other path is refused with an error, before
// the operation runs. The web host does not use this: its page is the user's own browser tab,
// where the person types or picks what to open.

/**
 * The operations that act on file-system paths, and which of their (validated) inputs are those
 * paths. An operation that takes a path must be listed here (test/unit/path-grants.test.ts
 * checks every schema's path-like fields against this table).
 */
export const PATH_INPUTS: { readonly [K in OperationName]?: (input: OperationInput<K>) => readonly string[] } = {
  openProject: (input) => [input.dir],
  importDocuments: (input) => input.paths,
  importCodebook: (input) => (input.path === undefined ? [] : [input.path]),
  importReuse: (input) => [input.path],
}

/** The paths chosen in this session and those the app holds; the rule applied to operations. */
export class PathGrants {
  private readonly chosen = new Set<string>()

  /** `held`: the paths the app already holds (the open project's folder, the recent projects). */
  constructor(private readonly held: () => Promise<readonly string[]>) {}

  /** Records paths the user chose in a native dialog. */
  grant(paths: readonly string[]): void {
    for (const p of paths) this.chosen.add(resolve(p))
  }

  /**
   * Null when `op` may run with `input` (it takes no path, its input is invalid and will be
   * refused by dispatch anyway, or every path it names was chosen or is held); otherwise the
   * message to refuse it with.
   */
  async refusal(op: string, input: unknown): Promise<string | null> {
    const pathsOf = PATH_INPUTS[op as OperationName] as ((input: unknown) => readonly string[]) | undefined
    if (!pathsOf) return null
    const parsed = operations[op as OperationName].safeParse(input ?? {})
    if (!parsed.success) return null
    const held = new Set((await this.held()).map((p) => resolve(p)))
    const refused = pathsOf(parsed.data).filter((p) => !this.chosen.has(resolve(p)) && !held.has(resolve(p)))
    if (refused.length === 0) return null
    return `${op}: refused ${refused.map((p) => JSON.stringify(p)).join(', ')}: the app acts only on folders and files chosen in its own dialogs (File menu) or already open`
  }
}

/**
 * Runs one operation for the desktop page as Electron's main process does: refused (an
 * 'invalid-input' envelope, nothing run) when it names a path the page may not use, else `dispatch`.
 */
export async function dispatchGranted(grants: PathGrants, impl: Api, op: unknown, input: unknown): Promise<Envelope> {
  const refused = await grants.refusal(String(op), input)
  if (refused) return { ok: false, error: { code: 'invalid-input', message: refused } }
  return dispatch(impl, op, input)
}
