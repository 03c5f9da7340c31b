import { describe, expect, it } from 'vitest'
import {
  makeAnnotation,
  motivationFor,
  noteOf,
  tagIdsOf,
  TAG_IRI_PREFIX,
  withTags,
  withTagsAndNote,
} from '../../main/core/annotations/annotation.js'
import { OffsetMap } from '../../main/core/text/offsets.js'

// The body and motivation rules of an annotation: tags first, then bodies of other tools, then the note.

const text = new OffsetMap('The quick brown fox jumps over the lazy dog.')
const made = makeAnnotation({ id: 'a', now: 't', docId: 'd', text, start: 4, end: 9, tagIds: ['x'], note: 'first' })
const base = { ...made, body: made.body! }
const foreign = { type: 'TextualBody', purpose: 'describing', value: 'from another tool', language: 'en' }

describe('annotation bodies', () => {
  it('builds tags, then the note, with the motivation of what it carries', () => {
    expect(base.body).toEqual([
      { type: 'SpecificResource', purpose: 'tagging', source: `${TAG_IRI_PREFIX}x` },
      { type: 'TextualBody', purpose: 'commenting', value: 'first', format: 'text/markdown' },
    ])
    expect(base.motivation).toBe('commenting')
    expect(makeAnnotation({ id: 'b', now: 't', docId: 'd', text, start: 0, end: 3, tagIds: ['x'], note: '  ' }).motivation).toBe('tagging')
    expect(makeAnnotation({ id: 'c', now: 't', docId: 'd', text, start: 0, end: 3, tagIds: [] }).motivation).toBe('highlighting')
    expect([motivationFor([], ''), motivationFor(['t'], ' \n'), motivationFor([], 'n')]).toEqual(['highlighting', 'tagging', 'commenting'])
  })

  it('replaces tags only, keeping the note and foreign bodies as they are', () => {
    const note = { ...base.body[1], language: 'de' }
    const a = { ...base, body: [base.body[0], note, foreign] }
    const retagged = withTags(a, ['y', 'z'])
    expect(tagIdsOf(retagged)).toEqual(['y', 'z'])
    expect(retagged.body!.slice(2)).toEqual([note, foreign])
    expect(retagged.motivation).toBe('commenting')
    const untagged = withTags({ ...base, body: [base.body[0]] }, [])
    expect(untagged).not.toHaveProperty('body')
    expect(untagged.motivation).toBe('highlighting')
  })

  it('replaces tags and note, keeping foreign bodies between them', () => {
    const a = { ...base, body: [...base.body, foreign] }
    const edited = withTagsAndNote(a, ['y'], 'second')
    expect(tagIdsOf(edited)).toEqual(['y'])
    expect(edited.body![1]).toEqual(foreign)
    expect(noteOf(edited)).toBe('second')
    expect(edited.body).toHaveLength(3)
    const cleared = withTagsAndNote(a, [], '  ')
    expect(cleared.body).toEqual([foreign])
    expect(cleared.motivation).toBe('highlighting')
    expect(Object.keys(cleared)).toEqual(Object.keys(a))
  })
})
