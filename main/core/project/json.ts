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

/**
 * Objects already serialised, with the depth they were serialised at. Only for objects that are
 * never changed in place once written (annotations are replaced, not edited): a file of 10,000
 * annotations then costs one serialisation per changed annotation, not 10,000.
 */
export type SerialisationCache = WeakMap<object, { depth: number; text: string }>

/** JSON.stringify(value, null, 2) with keys in stable order, reusing cached objects' text. */
function write(value: unknown, depth: number, cache: SerialisationCache | undefined): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  const hit = cache?.get(value)
  if (hit && hit.depth === depth) return hit.text
  const pad = '  '.repeat(depth + 1)
  const close = '  '.repeat(depth)
  let text: string
  if (Array.isArray(value)) {
    text = value.length
      ? `[\n${value.map((v) => pad + write(v === undefined || typeof v === 'function' ? null : v, depth + 1, cache)).join(',\n')}\n${close}]`
      : '[]'
  } else {
    const obj = value as Record<string, unknown>
    const keys = orderKeys(Object.keys(obj)).filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
    text = keys.length
      ? `{\n${keys.map((k) => `${pad}${JSON.stringify(k)}: ${write(obj[k], depth + 1, cache)}`).join(',\n')}\n${close}}`
      : '{}'
  }
  cache?.set(value, { depth, text })
  return text
}

/**
 * Serialises `value` with a fixed key order (LEADING_KEYS, then the rest alphabetically),
 * two-space indentation and a final newline. With a cache, objects serialised before at the same
 * depth are not serialised again (see SerialisationCache).
 */
export function stableStringify(value: unknown, cache?: SerialisationCache): string {
  return write(value, 0, cache) + '\n'
}
