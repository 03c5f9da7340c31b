import { describe, expect, it } from 'vitest'
import { HELD_SHARE, boilerplateOverlaps, printedText } from '../../main/core/engine/boilerplate.js'
import { contentBlocksOf } from '../../main/core/engine/analyse.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'

// Which overlaps are boilerplate (boilerplate.ts): by the share of the corpus's texts they are in,
// by a text known to be boilerplate, and as a part of boilerplate. (engine-reuse.test.ts reads the
// same through findOverlaps.)

const overlap = (...passages: Array<[number, number, number]>) => ({ passages: passages.map(([doc, start, end]) => ({ doc, start, end })) })
const documents = (n: number) => Array.from({ length: n }, (_, d) => d)

describe('boilerplate overlaps', () => {
  it('are in a tenth of the texts and eight at least, copies of one text counted once', () => {
    // 100 documents: a tenth is 10 texts.
    const textOf = documents(100)
    const reference = textOf.map(() => false)
    const inTen = overlap(...documents(10).map((d): [number, number, number] => [d, 0, 9]))
    const inNine = overlap(...documents(9).map((d): [number, number, number] => [d + 20, 0, 9]))
    expect([...boilerplateOverlaps([inTen, inNine], textOf, reference)]).toEqual([1, 0])
    // Documents 1 to 9 copies of document 0: ten documents, one text.
    const copies = textOf.map((d) => (d < 10 ? 0 : d))
    expect([...boilerplateOverlaps([inTen], copies, reference)]).toEqual([0])
  })

  it('match a text known to be boilerplate', () => {
    const reference = documents(20).map((d) => d === 19)
    expect([...boilerplateOverlaps([overlap([0, 5, 9], [1, 0, 4], [19, 0, 4])], documents(20), reference)]).toEqual([1])
  })

  it('are parts of boilerplate: each passage inside boilerplate of its document but for a third at most, however many texts it is in', () => {
    const textOf = documents(100)
    const reference = textOf.map(() => false)
    // A licence in ten documents, in two overlaps that meet in document 0 (tokens 0-49 and 50-99).
    const licence = overlap(...documents(10).map((d): [number, number, number] => [d, 0, 49]))
    const rest = overlap(...documents(10).map((d): [number, number, number] => [d, 50, 99]))
    const clause = overlap([0, 10, 20], [1, 12, 22], [2, 10, 20]) // inside the licence in three
    const across = overlap([0, 40, 60], [3, 45, 55]) // across the two, inside both together
    const beyond = overlap([0, 90, 105], [4, 90, 99]) // past the licence's end in document 0
    const elsewhere = overlap([0, 10, 20], [50, 10, 20]) // in a document without the licence
    const result = boilerplateOverlaps([licence, rest, clause, across, beyond, elsewhere], textOf, reference)
    expect([...result]).toEqual([1, 1, 1, 1, 0, 0])
    // A sentence more than boilerplate in a passage or two: a third of its tokens at most
    // (PRINTED_SHARE; Google Cloud's manual pages, a reviewer).
    const more = overlap([0, 80, 105], [5, 0, 49], [6, 40, 55])
    const mostlyOwn = overlap([0, 95, 120], [5, 0, 49])
    expect([...boilerplateOverlaps([licence, rest, more, mostlyOwn], textOf, reference)]).toEqual([1, 1, 1, 0])
    // Not a group of duplicate documents: that they are one file's copies is said by no other overlap.
    expect([...boilerplateOverlaps([licence, { ...clause, duplicate: true }], textOf, reference)]).toEqual([1, 0])
  })

  it('are parts of boilerplate in two thirds of their passages, one text with a line of its own among them (HELD_SHARE; man-db, a reviewer)', () => {
    const textOf = documents(100)
    const reference = textOf.map(() => false)
    const template = overlap(...documents(10).map((d): [number, number, number] => [d, 0, 49]))
    // Six of seven passages inside the template, the seventh in a text that prints it otherwise.
    const sixOfSeven = overlap(...documents(6).map((d): [number, number, number] => [d, 0, 40]), [60, 0, 40])
    // One of two: a text that quotes a clause among words of its own stays unlabelled.
    const oneOfTwo = overlap([0, 10, 20], [61, 10, 20])
    const twoOfFour = overlap([0, 10, 20], [1, 10, 20], [62, 10, 20], [63, 10, 20])
    expect(HELD_SHARE).toBeCloseTo(2 / 3)
    expect([...boilerplateOverlaps([template, sixOfSeven, oneOfTwo, twoOfFour], textOf, reference)]).toEqual([1, 1, 0, 0])
  })

  it('are the text a large share of the corpus prints, where two of its copies share it with a word or two more', () => {
    // The AWS command line's examples: "This command produces no output. For more information,
    // see `<title> <address>`__ in the *<guide>*", too short an overlap alone; two whose titles
    // start alike made one of eight words, in two documents, unlabelled (a reviewer).
    const topics = ['volume', 'snapshot', 'bucket', 'queue', 'alarm', 'table', 'stream', 'cluster', 'role', 'key', 'topic', 'vault']
    const documents = topics.map((topic, k) => ({
      id: `d${k}`,
      text:
        `The following delete-${topic} example removes the ${topic} named sample-${topic} from account ${1000 + k}.\n\n` +
        'This command produces no output.\n\n' +
        `For more information, see \`${k < 2 ? 'Creating a managed' : 'Working with'} ${topic}s\`__.\n`,
    }))
    // And a borrowing that quotes the stock words among its own: not boilerplate.
    documents.push(
      {
        id: 'q1',
        text: 'Reviewers said this command produces no output for more information about zebra crossings painted near harbour lighthouses.',
      },
      {
        id: 'q2',
        text: 'The survey found this command produces no output for more information about zebra crossings painted near harbour lighthouses.',
      },
    )
    const { overlaps } = findOverlaps(documents, { paraphrase: false })
    const formula = overlaps.find((o) => o.passages.some((p) => p.doc === 'd0'))
    expect(formula?.passages.map((p) => p.doc)).toEqual(['d0', 'd1'])
    expect(formula?.passages[0].text).toMatch(/^This command produces no output\.\s+For more information, see `Creating a managed/)
    expect(formula?.boilerplate).toBe(true)
    const quoted = overlaps.find((o) => o.passages.some((p) => p.doc === 'q1'))
    expect(quoted?.boilerplate).toBe(false)
  })

  it('by their words: each passage with PRINTED_SHARE of its content words in printed n-grams', () => {
    const docs = [Uint32Array.from([0, 2, 4, 6, 8, 10]), Uint32Array.from([0, 1, 2, 3])].map((content) => ({
      content,
      contentBlocks: contentBlocksOf(content, content[content.length - 1] + 1),
    }))
    const printed = [Uint8Array.from([1, 1, 1, 1, 0, 0]), Uint8Array.from([1, 1, 0, 1])]
    const passage = (doc: number, start: number, end: number) => ({ doc, start, end })
    // Four of six content words in the first, three of four in the second: two thirds and more.
    expect(printedText([passage(0, 0, 10), passage(1, 0, 3)], docs, printed, [false, false])).toBe(true)
    // Three of five (tokens 2-10) in the first: less.
    expect(printedText([passage(0, 2, 10), passage(1, 0, 3)], docs, printed, [false, false])).toBe(false)
    // A passage in a reference text is not read; one at least must be.
    expect(printedText([passage(0, 2, 10), passage(1, 0, 3)], docs, printed, [true, false])).toBe(true)
    expect(printedText([passage(0, 2, 10)], docs, printed, [true, false])).toBe(false)
  })

  it("make no paraphrase of two passages that share only a house formula's words", () => {
    // The AWS command line's examples end with a reference to their guide, one template with
    // another title and address each: two of them were a paraphrase by "information, see, IAM,
    // AWS, User, Guide" (a reviewer).
    const titles = [
      'Policies and permissions in IAM',
      'Managing IAM policies',
      'Creating IAM roles',
      'Renaming an IAM user group',
      'Policies and permissions in IAM',
    ]
    const commands = [
      'delete-policy',
      'get-group-policy',
      'list-role-policies',
      'update-group',
      'get-policy',
      'tag-role',
      'list-entities',
      'delete-role',
      'upload-certificate',
      'create-access-key',
    ]
    const verbs = ['removes', 'shows', 'lists', 'renames', 'describes', 'labels', 'finds', 'erases', 'stores', 'makes']
    const things = ['apples', 'boats', 'clouds', 'doors', 'eagles', 'forests', 'gardens', 'harbours', 'islands', 'jungles']
    const more = [
      'Tagging IAM resources',
      'Policies and permissions in IAM',
      'Deleting roles or instance profiles',
      'Using server certificates',
      'Managing access keys',
    ]
    const documents = [...titles, ...more].map((title, k) => ({
      id: `d${k}`,
      text:
        `**To run ${commands[k]}**\n\nThe following \`\`${commands[k]}\`\` command ${verbs[k]} something about ${things[k]}.\n\n` +
        `For more information, see \`${title} <https://docs.aws.amazon.com/IAM/latest/UserGuide/${commands[k]}.html>\`__ in the *AWS IAM User Guide*.\n`,
    }))
    const { overlaps } = findOverlaps(documents)
    expect(overlaps.length).toBeGreaterThan(0)
    expect(overlaps.filter((o) => o.kind === 'paraphrase')).toEqual([])
  })

  it('are not the names and phrases of a corpus on one subject, which its texts write in sentences of their own', () => {
    // Ten articles on one outbreak (a reviewer): two share a sentence, the others name its
    // people, places and phrases in sentences of their own; each name's n-gram is in every text.
    const articles = [
      'Markets in Asia slipped on Monday as investors weighed fresh travel restrictions. World Health Organization experts said the novel coronavirus outbreak in Wuhan, Hubei province, was a public health emergency that frightened many travellers. Traders expect more volatility before the central bank meets.',
      'Hospitals reported a shortage of masks and protective gowns this week. World Health Organization experts said the novel coronavirus outbreak in Wuhan, Hubei province, was a public health emergency that frightened many travellers. Nurses asked for longer breaks between shifts.',
      'Airlines cancelled hundreds of flights. A spokesman for the World Health Organization urged calm, while doctors in Wuhan, Hubei province, described crowded wards. Nobody yet called the novel coronavirus outbreak a public health emergency.',
      'Schools postponed the spring term. Teachers worried about the novel coronavirus outbreak after the World Health Organization published guidance; a public health emergency, they feared, would close classrooms for months, as happened in Wuhan, Hubei province.',
      'Factory output fell sharply last month. Economists said the novel coronavirus outbreak hurt suppliers near Wuhan, Hubei province, and that any public health emergency declared by the World Health Organization would deepen the slump.',
      'Pharmacies ran out of thermometers. In Wuhan, Hubei province, queues formed at dawn. The World Health Organization has not ruled on whether the novel coronavirus outbreak is a public health emergency.',
      'Tourism operators warned of heavy losses. Cruise bookings to Asia collapsed as news of the novel coronavirus outbreak in Wuhan, Hubei province, spread; the World Health Organization may soon declare a public health emergency.',
      'Scientists raced to sequence samples. Laboratories shared genomes with the World Health Organization within days, and virologists in Wuhan, Hubei province, warned that the novel coronavirus outbreak could become a public health emergency.',
      'Football matches were played behind closed doors. Clubs cited the novel coronavirus outbreak and advice from the World Health Organization; fans from Wuhan, Hubei province, were asked to stay home during the public health emergency.',
      'Embassies began evacuating citizens. Diplomats said the World Health Organization briefed them about the novel coronavirus outbreak, describing Wuhan, Hubei province, as the centre of a public health emergency.',
    ]
    const { overlaps } = findOverlaps(
      articles.map((text, k) => ({ id: `a${k}`, text })),
      { paraphrase: false },
    )
    const borrowed = overlaps.find((o) => ['a0', 'a1'].every((d) => o.passages.some((p) => p.doc === d)))
    expect(borrowed?.passages[0].text).toContain('was a public health emergency that frightened many travellers')
    expect(borrowed?.boilerplate).toBe(false)
  })
})
