import type { EngineDocument } from './analyse.js'

// The order the engine reads documents in. Several stages take pairs and passages in document
// order and keep the first of equals: which copy of a text stands for its duplicates, which of
// two passages a cluster grows from, which overlap a nested part is read into. Given in the
// order of their names, the same texts gave different overlaps once renamed (four Authen::SASL
// pages: a COPYRIGHT section in one overlap, or in two that overlapped; a reviewer). Read in an
// order of their texts alone, the same texts give the same overlaps whatever their names and
// whatever order they come in.

/**
 * The positions of `documents` in the order the engine reads them: by their texts' code units (a
 * comparison that stops at the first that differs), so that texts that begin alike are read one
 * after another: a frequent n-gram is seeded against its previous document's copy too (ngrams.ts),
 * and a package's files, a licence's copies, one tool's pages begin alike ("Format: https://
 * www.debian.org/doc/packaging-manuals/copyright-format/1.0/ Upstream-Name: ..."). Read shortest
 * first, Debian's change logs had 2,324 of sim_text's runs uncovered, in this order 2,247 (in the
 * order of their names, 2,263). Documents with the same text keep the order of their ids, then
 * of their positions: they are duplicates, each of which the engine reports alike.
 */
export function contentOrder(documents: readonly EngineDocument[]): number[] {
  return documents
    .map((_, i) => i)
    .sort((x, y) => {
      const a = documents[x]
      const b = documents[y]
      if (a.text !== b.text) return a.text < b.text ? -1 : 1
      if (a.id !== b.id) return a.id < b.id ? -1 : 1
      return x - y
    })
}
