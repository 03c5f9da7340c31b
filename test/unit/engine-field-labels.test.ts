import { describe, expect, it } from 'vitest'
import { fieldLabels } from '../../main/core/engine/field-labels.js'
import { nonWordTokens } from '../../main/core/engine/nonwords.js'
import { analysed } from '../helpers.js'

// The labels of a form's fields (field-labels.ts): a line's first word with a colon after it, in
// a document that opens MIN_LABEL_LINES lines with it, is no word of a claim (nonwords.ts).

/** The words of `doc` at `tokens`. */
const words = (doc: ReturnType<typeof analysed>[number], tokens: ArrayLike<number>) =>
  Array.from(tokens, (t) => doc.text.slice(doc.starts[t], doc.ends[t]))

describe("a form's field labels", () => {
  // Three of vim's patch notes (version8.txt).
  const notes = [
    ['8.1.0459', 'Test_executable fails when there is a dog in the system.', 'Rename the dog.', 'src/testdir/test_functions.vim'],
    ['8.1.0460', 'assert_fails() does not take a message argument', 'Add the argument.', 'src/evalfunc.c, src/eval.c'],
    ['8.1.0461', 'Quickfix code uses too many comments.', 'Change to // comments.', 'src/quickfix.c'],
  ]
    .map(([n, problem, solution, files]) => `Patch ${n}\nProblem:    ${problem}\nSolution:   ${solution}\nFiles:\t    ${files}\n`)
    .join('\n')

  it('are the first words of lines with a colon after them, where the document opens lines with them again and again', () => {
    const [doc] = analysed(notes)
    const labels = words(doc, fieldLabels(doc))
    expect(labels.filter((w) => w === 'Problem')).toHaveLength(3)
    expect(labels.filter((w) => w === 'Solution')).toHaveLength(3)
    expect(labels.filter((w) => w === 'Files')).toHaveLength(3)
    expect(labels).toHaveLength(9)
    // No word of a claim: the paraphrase pass does not read them.
    const marks = nonWordTokens(doc)
    for (const t of fieldLabels(doc)) expect(marks[t]).not.toBe(0)
    expect(marks[doc.starts.findIndex((s) => doc.text.startsWith('argument', s))]).toBe(0)
  })

  it('are no glossary term, nor a word a sentence ends a line with before its colon', () => {
    const [glossary] = analysed(
      'Innovation: the process of turning ideas into value.\nProductivity: output per hour of work.\nNote: the terms are those of the report.\n',
    )
    expect(fieldLabels(glossary)).toHaveLength(0)
    const [prose] = analysed(
      'He said three things:\nfirst, be kind.\nHe said three things:\nsecond, be brave.\nHe said three things:\nthird, rest.\n',
    )
    expect(fieldLabels(prose)).toHaveLength(0)
    // A label of words joined by hyphens, as Debian's control fields are.
    const [control] = analysed('Build-Depends: a\nBuild-Depends: b\nBuild-Depends: c\n')
    expect(words(control, fieldLabels(control))).toEqual(['Build', 'Depends', 'Build', 'Depends', 'Build', 'Depends'])
  })
})
