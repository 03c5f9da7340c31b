import type { AnalysedDocument } from './analyse.js'
import type { PairPassage } from './cluster.js'
import { roleAt } from './nonwords.js'
import { lowerBound } from '../text/sorted.js'

// A passage's edge at a reStructuredText role (nonwords.ts RST_ROLE: ":command:`install()`").
// The role says what kind of thing its target names; the two are one reference. Two CMake pages
// share "... default copying behavior of :command:" and then name different commands
// (":command:`file(INSTALL)`." / ":command:`install()`."), and the passages ended on "command", a
// role without its target (a reviewer of CMake's help); another pair started on the target, the
// role left before it ("`CMAKE_<LANG>_FLAGS` by default." after ":variable:").

/**
 * `passages` with no edge inside a role: one that ends on a role (its target past the passage)
 * ends before it, and one that starts on a role's target (or inside the role) starts with the
 * role. The same array where none moves.
 */
export function wholeRoles<P extends PairPassage>(passages: readonly P[], docs: readonly AnalysedDocument[]): readonly P[] {
  let out: P[] | undefined
  passages.forEach((p, i) => {
    const doc = docs[p.doc]
    let { start, end } = p
    // The last token inside a role whose target goes on past the passage.
    const last = roleAt(doc, doc.starts[end])
    if (last && doc.ends[end] <= last[1]) end = lowerBound(doc.starts, last[0]) - 1
    const first = roleAt(doc, doc.starts[start])
    if (first) start = lowerBound(doc.starts, first[0])
    if (end < start || (start === p.start && end === p.end)) return
    out ??= [...passages]
    out[i] = { ...p, start, end }
  })
  return out ?? passages
}
