import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { wrappedLines } from '../../renderer/compare/hard-wrap.js'
import { textToDoc } from '../../renderer/compare/doc-model.js'
import { CORPUS } from '../helpers.js'

// Which lines of a text wrapped at its lines go on in the next (hard-wrap.ts), and the paragraphs
// the panes show of it (doc-model.ts).

const LICENCE = `                    GNU GENERAL PUBLIC LICENSE
                       Version 2, June 1991

 Copyright (C) 1989, 1991 Free Software Foundation, Inc.,
 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA
 Everyone is permitted to copy and distribute verbatim copies
 of this license document, but changing it is not allowed.

                            Preamble

  The licenses for most software are designed to take away your
freedom to share and change it.  By contrast, the GNU General Public
License is intended to guarantee your freedom to share and change free
software--to make sure the software is free for all its users.  This
General Public License applies to most of the Free Software
Foundation's software and to any other program whose authors commit to
using it.

  To protect your rights, we need to make restrictions that forbid
anyone to deny you these rights or to ask you to surrender the rights.
These restrictions translate to certain responsibilities for you if you
distribute copies of the software, or if you modify it.
`

describe('hard-wrapped text', () => {
  it("shows each paragraph of a licence wrapped at 72 columns as one, its heading's lines and the notice's short lines as they are", () => {
    const { doc } = textToDoc(LICENCE)
    const paragraphs = Array.from({ length: doc.childCount }, (_, i) => doc.child(i))
    expect(paragraphs.map((p) => p.textContent.trim().slice(0, 24))).toEqual([
      'GNU GENERAL PUBLIC LICEN',
      'Version 2, June 1991',
      'Copyright (C) 1989, 1991',
      'Preamble',
      'The licenses for most so',
      'To protect your rights, ',
    ])
    // The notice's four lines are full (one paragraph); the preamble's paragraphs hold their
    // lines, first-line indent and all, as written.
    expect(paragraphs[2].textContent.split('\n')).toHaveLength(4)
    expect(paragraphs[4].textContent).toBe(
      LICENCE.slice(LICENCE.indexOf('  The licenses'), LICENCE.indexOf('using it.') + 'using it.'.length),
    )
    expect(paragraphs.map((p) => p.attrs.wrapped)).toEqual([false, false, true, false, true, true])
  })

  it('keeps the lines of verse, lists, code and of a text written a paragraph to a line', () => {
    const verse =
      'Shall I compare thee to a summer’s day?\nThou art more lovely and more temperate:\nRough winds do shake the darling buds of May,\n'
    expect(wrappedLines(verse.split('\n'))).toEqual([false, false, false, false])
    const list = [
      'The following options are accepted by every command of the suite, in any order:',
      '- the first option of the list, which is described on a line of its own here',
      '- the second option of the list, which is described on a line of its own too',
    ]
    expect(wrappedLines(list)).toEqual([false, false, false])
    const fenced = [
      'Some prose that is wrapped at about seventy columns, as a README is,',
      '```',
      'const x = computeTheValueOfSomethingLong(argument, anotherArgument, more)',
      'const y = computeTheValueOfSomethingElse(argument, anotherArgument, more)',
      '```',
    ]
    expect(wrappedLines(fenced).slice(1)).toEqual([false, false, false, false])
    // A program's lines are its own, however long (a shell script named without an ending).
    const script = [
      'eval "$(apt-config shell APT_DIR Dir APT_ETC Dir::Etc TRUSTEDFILE Dir::Etc::Trusted/f)"',
      'ARCHIVE_KEYRING_URI="http://archive.example.org/keyrings/archive-keyring.gpg"',
      'if [ -n "$ARCHIVE_KEYRING_URI" ] && [ -r "$ARCHIVE_KEYRING" ] && [ -z "$FORCE" ]; then',
      '    echo >&2 "The keyring is read from $ARCHIVE_KEYRING_URI and $ARCHIVE_KEYRING too"',
      '    aptkey_execute "$GPG_SH" --keyring "$ARCHIVE_KEYRING" --export > "$TEMPFILE"',
      'fi',
    ]
    expect(wrappedLines(script).some(Boolean)).toBe(false)
    // The bundled articles: a paragraph to a line, none joined.
    for (const file of ['yang-yundong-nqpf-high-quality-development.txt', 'gmw-light-blade-what-are-nqpf.txt']) {
      const text = readFileSync(`${CORPUS}/${file}`, 'utf8')
      expect(wrappedLines(text.split('\n')).some(Boolean)).toBe(false)
    }
  })
})
