import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type AnalysedDocument, analyse } from '../main/core/engine/analyse.js'
import { Run } from '../main/core/engine/progress.js'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const CORPUS = join(ROOT, 'corpus')

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'parallax-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** Copies a folder (fixtures) into a temporary one. */
export async function copyToTemp(from: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const t = await tempDir()
  await cp(from, t.dir, { recursive: true })
  return t
}

/** Texts as the engine reads them (analyse.ts, stemming on), as documents d0, d1, ... */
export function analysed(...texts: string[]): AnalysedDocument[] {
  return analyse(
    texts.map((text, k) => ({ id: `d${k}`, text })),
    true,
    new Run({}),
  ).docs
}

/** A pair of passages as the engine's clustering reads them: [doc, start, end] on each side (inclusive tokens). */
export function pairOf(a: [number, number, number], b: [number, number, number]) {
  return { a: { doc: a[0], start: a[1], end: a[2] }, b: { doc: b[0], start: b[1], end: b[2] } }
}
