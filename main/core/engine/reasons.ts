// The reasons a paraphrase gives (Overlap.because): lists of words under a label, and an
// overlap's reasons gathered from its pairs'.

/** The reasons that list words, each starting so: "synonyms: growth/expansion, rapid/swift". */
export const SYNONYMS = 'synonyms: '
export const FORMS = 'related forms: '
export const IN_COMMON = 'words in common: '

/** The reason a paraphrase gives for `words` under `label` (SYNONYMS, IN_COMMON): none for none. */
export function listReason(label: string, words: readonly string[]): string[] {
  return words.length ? [`${label}${words.join(', ')}`] : []
}

/**
 * An overlap's reasons: its pairs' reasons, each once, and the words each list reason names as
 * one reason where the first pair's stood ("synonyms: build/construction,
 * building/construction", not one reason per pair), each word once whatever its case, as first
 * written (one pair's "WARRANTIES" and another's "warranties": a reviewer of licences).
 */
export function reasonsOf(reasons: readonly string[]): string[] {
  const out: string[] = []
  const lists = new Map<string, string[]>()
  for (const reason of reasons) {
    const label = [SYNONYMS, FORMS, IN_COMMON].find((l) => reason.startsWith(l))
    if (!label) {
      if (!out.includes(reason)) out.push(reason)
      continue
    }
    let words = lists.get(label)
    if (!words) {
      lists.set(label, (words = []))
      out.push(label)
    }
    for (const word of reason.slice(label.length).split(', '))
      if (!words.some((w) => w.toLowerCase() === word.toLowerCase())) words.push(word)
  }
  return out.map((r) => (lists.has(r) ? `${r}${lists.get(r)!.join(', ')}` : r))
}
