import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type SerialisationCache, stableStringify } from '../../main/core/project/json.js'

/** What stableStringify promises: JSON.stringify's own output, keys in the stable order. */
function reference(value: unknown): string {
  const lead = ['@context', 'id', 'type', 'name', 'title', 'start', 'end', 'prefix', 'exact', 'suffix']
  const order = (keys: string[]) => [...lead.filter((k) => keys.includes(k)), ...keys.filter((k) => !lead.includes(k)).sort()]
  const normal = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(normal)
      : v && typeof v === 'object'
        ? Object.fromEntries(order(Object.keys(v)).map((k) => [k, normal((v as Record<string, unknown>)[k])]))
        : v
  return JSON.stringify(normal(value), null, 2) + '\n'
}

/** JavaScript objects put integer-like keys first whatever the order they were added in, so the reference cannot order them. */
function integerKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(integerKeys)
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => /^\d+$/.test(k) || integerKeys(v))
  return false
}

describe('stableStringify', () => {
  it('writes what JSON.stringify writes, keys in the stable order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        fc.pre(!integerKeys(value))
        expect(stableStringify(value)).toBe(reference(value))
      }),
      { numRuns: 500 },
    )
  })

  it('gives the same text with a cache, at any depth, across calls', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), (items) => {
        fc.pre(!integerKeys(items))
        const cache: SerialisationCache = new WeakMap()
        const page = { '@context': 'x', type: 'AnnotationPage', items }
        expect(stableStringify(page, cache)).toBe(reference(page))
        // Again, with the items' text cached, and once more nested deeper.
        expect(stableStringify({ ...page, extra: 1 }, cache)).toBe(reference({ ...page, extra: 1 }))
        expect(stableStringify({ wrap: [page] }, cache)).toBe(reference({ wrap: [page] }))
      }),
      { numRuns: 200 },
    )
  })
})
