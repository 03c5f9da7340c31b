// The reasons a paraphrase gives (Overlap.because): lists of words under a label, and an
// overlap's reasons gathered from its pairs'.

/** The reasons that list words, each starting so: "synonyms: growth/expansion, rapid/swift". */
export const SYNONYMS = 'synonyms: '
export const FORMS = 'related forms: '
export const IN_COMMON = 'words in common: '

/** The reason of a paraphrase found as two lists of the same items (paraphrase.ts MIN_LIST_SHARED). */
export const SAME_ITEMS = 'the same items listed'

/** The reason of a pair the paraphrase pass found that is the same clauses in another order (order.ts reorderedWords). */
export const REORDERED = 'the same clauses in another order'

/** The reason a paraphrase gives for `words` under `label` (SYNONYMS, IN_COMMON): none for none. */
export function listReason(label: string, words: readonly string[]): string[] {
  return words.length ? [`${label}${words.join(', ')}`] : []
}

/**
 * An overlap's reasons: its pairs' reasons, each once, and the words each list reason names as
 * one reason ("synonyms: build/construction, building/construction", not one reason per pair),
 * each word once whatever its case, as first written (one pair's "WARRANTIES" and another's
 * "warranties": a reviewer of licences), after the others in one order (synonyms, related
 * forms, words in common). Two forms are one pair in either order ("components/Component" and
 * "Component/components"), and a pair of forms both of which another pair has in common is said
 * once, in common (a reviewer of the bundled corpus).
 */
export function reasonsOf(reasons: readonly string[]): string[] {
  const out: string[] = []
  const lists = new Map<string, string[]>(LISTS.map((label) => [label, []]))
  // Per list, its words in lower case: a word is in the list when its lower case is, or, a pair of
  // forms, the pair the other way round (an overlap's pairs can say thousands of words).
  const said = new Map<string, Set<string>>(LISTS.map((label) => [label, new Set()]))
  for (const reason of reasons) {
    const label = LISTS.find((l) => reason.startsWith(l))
    if (!label) {
      if (!out.includes(reason)) out.push(reason)
      continue
    }
    const words = lists.get(label)!
    const lower = said.get(label)!
    for (const word of reason.slice(label.length).split(', ')) {
      const key = word.toLowerCase()
      if (lower.has(key) || (label === FORMS && lower.has(reversed(key)))) continue
      words.push(word)
      lower.add(key)
    }
  }
  const common = new Set(lists.get(IN_COMMON)!.map((w) => w.toLowerCase()))
  lists.set(
    FORMS,
    lists.get(FORMS)!.filter((pair) => !pair.split('/').every((w) => common.has(w.toLowerCase()))),
  )
  return [...out, ...LISTS.flatMap((label) => listReason(label, lists.get(label)!))]
}

/** The reasons that list words, in the order an overlap gives them. */
const LISTS = [SYNONYMS, FORMS, IN_COMMON]

/** A pair of forms ("a/b") the other way round ("b/a"). */
function reversed(pair: string): string {
  return pair.split('/').reverse().join('/')
}
