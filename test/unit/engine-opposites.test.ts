import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { sayOpposites } from '../../main/core/engine/opposites.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { Run } from '../../main/core/engine/progress.js'
import { wordClasses } from '../../main/core/engine/synonyms.js'
import { WordNet } from '../../main/node/engine/wordnet.js'

// Two passages alike but for a word and its opposite are no paraphrase (opposites.ts), the
// opposites WordNet's antonyms between common senses (wordnet.ts opposites).

const wordnet = new WordNet()

/** Whether two words are the two sides of an antonym link. */
function opposed(a: string, b: string): boolean {
  const links = wordnet.opposites(b)
  return wordnet.opposites(a).some(([x, y]) => links.some(([u, v]) => u === y && v === x))
}

/** Whether text `a` and text `b`, read whole, are alike but for opposite words. */
function sayOpposite(a: string, b: string): boolean {
  const corpus = analyse(
    [
      { id: 'a', text: a },
      { id: 'b', text: b },
    ],
    true,
    new Run({}),
  )
  const { opposites } = wordClasses(corpus, wordnet)
  const [A, B] = corpus.docs
  return sayOpposites(A, 0, A.starts.length - 1, B, 0, B.starts.length - 1, opposites)
}

describe('opposite words', () => {
  it("are WordNet's antonyms between common senses of both, base forms found", () => {
    expect(opposed('minimum', 'maximum')).toBe(true)
    expect(opposed('enable', 'disable')).toBe(true)
    expect(opposed('increases', 'decreased')).toBe(true)
    expect(opposed('public', 'private')).toBe(true)
    // Synonyms, related forms and unrelated words are not.
    expect(opposed('rapid', 'swift')).toBe(false)
    expect(opposed('necessity', 'necessary')).toBe(false)
    expect(opposed('minimum', 'password')).toBe(false)
    // "first" is the opposite of "last" as "coming after all others", a sense the tagged texts
    // seldom used "last" in.
    expect(opposed('first', 'last')).toBe(false)
    expect(wordnet.opposites('qqzzvv')).toEqual([])
  })

  it('tell two sentences of one template apart, unless a side names both', () => {
    // passwd's and chage's manual pages (a tester: one paraphrase of different options).
    const minimum = 'Set the minimum number of days between password changes.'
    const maximum = 'Set the maximum number of days between password changes.'
    expect(sayOpposite(minimum, maximum)).toBe(true)
    expect(sayOpposite(maximum, minimum)).toBe(true)
    expect(sayOpposite(minimum, minimum)).toBe(false)
    // A side with both names a range the other may name too.
    expect(sayOpposite('Set the minimum and the maximum number of days between password changes.', maximum)).toBe(false)
    expect(sayOpposite(minimum, 'Set the number of days between password changes.')).toBe(false)
  })

  it('keep a restatement that says the same thing in other words', () => {
    const a = 'The maximum number of days a password remains valid.'
    const b = 'The largest number of days during which a password is valid.'
    expect(sayOpposite(a, b)).toBe(false)
    // Two forms of one word are one side of a link, not opposites: gcloud's pages (a true
    // paraphrase lost when they were).
    expect(opposed('adding', 'add')).toBe(false)
    expect(
      sayOpposite(
        "adding labels 'k0', with value 'value1' and label 'k1' with value 'value2' and removing labels with key 'k3'",
        'will add/update labels k0 and k1 and remove labels with key k3',
      ),
    ).toBe(false)
    // Nor a word and its comparative, in a translation (ps's German page and its English one).
    expect(sayOpposite('Select by real group ID (RGID) or name.', 'wählt nach realer Gruppenkennung (RGID) oder Name aus.')).toBe(false)
  })

  it('part two sentences the paraphrase pass pairs where opposite words are common ones', () => {
    // Where other documents use both words, "minimum" and "maximum" weigh little, and the two
    // sentences' other words made a paraphrase of cosine above the pass's threshold.
    const texts = [
      'Set the minimum number of days a user must wait before the password may be changed again.',
      'The maximum number of days before the user is required to change the password again can be set here.',
      'The manual is maintained in Texinfo and its pages are generated from it at build time.',
      'Each option is described in its own section of the manual page.',
      'The minimum and maximum values of each field are shown in the table below.',
      'Both the minimum and the maximum can be given on the command line.',
    ]
    const paraphrases = (source?: WordNet) =>
      findOverlaps(
        texts.map((text, k) => ({ id: `d${k}`, text })),
        { synonyms: source },
      ).overlaps.filter((o) => o.kind === 'paraphrase')
    // Without a dictionary, no opposites: the pair is found.
    expect(paraphrases().map((o) => o.passages.map((p) => p.doc))).toEqual([['d0', 'd1']])
    expect(paraphrases(wordnet)).toEqual([])
  })

  it("part a sentence edited into its opposite, too short for the alignment (Python's queue modules)", () => {
    // pydoc's pages of asyncio.queues and queue, as printed (a tester: the second overlap offered
    // queue's full() as a near-verbatim copy of asyncio's empty()).
    const texts = [
      {
        id: 'asyncio-queues',
        text: '     |  empty(self)\n     |      Return True if the queue is empty, False otherwise.\n     |  \n     |  full(self)\n     |      Return True if there are maxsize items in the queue.\n     |      \n     |      Note: if the Queue was initialized with maxsize=0 (the default),\n     |      then full() is never True.\n',
      },
      {
        id: 'queue',
        text: '     |  empty(self)\n     |      Return True if the queue is empty, False otherwise (not reliable!).\n     |      \n     |      This method is likely to be removed at some point.  Use qsize() == 0\n     |      as a direct substitute, but be aware that either approach risks a race\n     |      condition where a queue can grow before the result of empty() or\n     |      qsize() can be used.\n     |      \n     |      To create code that needs to wait for all queued tasks to be\n     |      completed, the preferred technique is to use the join() method.\n     |  \n     |  full(self)\n     |      Return True if the queue is full, False otherwise (not reliable!).\n     |      \n     |      This method is likely to be removed at some point.  Use qsize() >= n\n     |      as a direct substitute, but be aware that either approach risks a race\n     |      condition where a queue can shrink before the result of full() or\n',
      },
    ]
    const found = (source?: WordNet) =>
      findOverlaps(texts, { synonyms: source }).overlaps.map((o) => o.passages.map((p) => p.text.replace(/\s+/g, ' ')))
    expect(found()).toHaveLength(2)
    expect(found(wordnet)).toEqual([
      [
        'empty(self) | Return True if the queue is empty, False otherwise',
        'empty(self) | Return True if the queue is empty, False otherwise',
      ],
    ])
  })
})
