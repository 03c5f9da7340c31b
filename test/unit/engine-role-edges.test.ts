import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { wholeRoles } from '../../main/core/engine/role-edges.js'
import { analysed } from '../helpers.js'

// reStructuredText roles (":command:`install()`"): markup, not words two texts share
// (nonwords.ts RST_ROLE), and no passage's edge inside one (role-edges.ts). A reviewer of
// CMake's help.

describe('reStructuredText roles', () => {
  it('are no words a pair shares: two sentences naming the same commands are no copy', () => {
    const overlaps = findOverlaps([
      {
        id: 'block',
        text: 'A block may be used inside a :command:`while`\ncommand, the :command:`break` and :command:`continue` commands then leave the loop.\n',
      },
      {
        id: 'while',
        text: 'Evaluate the condition as the :command:`if` command.\n\nThe commands :command:`break` and :command:`continue` may be used in the body.\n',
      },
    ]).overlaps
    expect(overlaps).toEqual([])
  })

  it('moves no edge into a role: a passage ends before a role whose target it stops short of, and starts with the role of a target it starts on', () => {
    const [doc] = analysed('The copying behavior of :command:`file(INSTALL)` is added to :variable:`CMAKE_FLAGS` by default.\n')
    const at = (word: string, from = 0) => doc.starts.findIndex((s) => s >= doc.text.indexOf(word, from))
    const text = (p: { start: number; end: number }) => doc.text.slice(doc.starts[p.start], doc.ends[p.end])
    // Ends on "command" (of ":command:"): cut before the role.
    const [ended] = wholeRoles([{ doc: 0, start: 0, end: at('command') }], [doc])
    expect(text(ended)).toBe('The copying behavior of')
    // Starts on the target "CMAKE_FLAGS": takes the role ":variable:".
    const [started] = wholeRoles([{ doc: 0, start: at('CMAKE'), end: doc.starts.length - 1 }], [doc])
    expect(text(started)).toBe('variable:`CMAKE_FLAGS` by default')
    // Whole references at both edges: as they are.
    const whole = [{ doc: 0, start: at('command'), end: at('INSTALL') }]
    expect(wholeRoles(whole, [doc])).toBe(whole)
  })
})
