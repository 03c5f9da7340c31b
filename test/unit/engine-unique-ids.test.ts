import { describe, expect, it } from 'vitest'
import { UniqueIds } from '../../main/core/engine/unique-ids.js'

// Overlap ids given once each (unique-ids.ts): a hash's id two overlaps share is numbered.

describe('ids given once each', () => {
  it('gives an id as it is the first time, numbered from 2 after, in the order asked', () => {
    const ids = new UniqueIds()
    expect(['ov-0000beef', 'ov-12345678', 'ov-0000beef', 'ov-0000beef', 'ov-12345678'].map((id) => ids.of(id))).toEqual([
      'ov-0000beef',
      'ov-12345678',
      'ov-0000beef-2',
      'ov-0000beef-3',
      'ov-12345678-2',
    ])
  })
})
