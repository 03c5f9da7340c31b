// Stable JSON for files people keep under version control: the same data always serialises to the
// same bytes, so a change to one annotation is a small diff.

/** Keys that lead an object, in this order, when present: JSON-LD's own keys first (readers expect
 * them there), then the ones a person reads an entry by. Everything else follows alphabetically. */
const LEADING_KEYS = ['@context', 'id', 'type', 'name', 'title', 'start', 'end', 'prefix', 'exact', 'suffix']

function orderKeys(keys: string[]): string[] {
  const leading = LEADING_KEYS.filter((k) => keys.includes(k))
  const rest = keys.filter((k) => !LEADING_KEYS.includes(k)).sort()
  return [...leading, ...rest]
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise)
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const key of orderKeys(Object.keys(obj))) {
      if (obj[key] !== undefined) out[key] = normalise(obj[key])
    }
    return out
  }
  return value
}

/**
 * Serialises `value` with a fixed key order (LEADING_KEYS, then the rest
 * alphabetically), two-space indentation and a final newline.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(normalise(value), null, 2) + '\n'
}
