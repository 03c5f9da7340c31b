import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { keptKindOf } from '../helpers.js'

// A path or web address that two texts both mention, each in words of its own, is a name they
// share, not text they share (kept-pair.ts loneNames): one word of a pair, not its pieces. Within a
// run of words both texts have, its pieces count, as sim_text reads them.

describe('names with a slash in what two texts share', () => {
  it('counts a path each text mentions in words of its own as one word', () => {
    // systemd's and polkit's change logs: "usr", "lib", "pam", "d", "supported" and "since" were
    // six shared words, a near-verbatim pair, and joined the two packages' entries.
    expect(keptKindOf('/usr/lib/pam.d/polkit-1. /usr/lib/pam.d has been supported since', '/usr/lib/pam.d. This is supported since')).toBe(
      undefined,
    )
    const systemd =
      'systemd (247.1-2) unstable; urgency=medium\n\n  * test/test-functions: copy /usr/lib/pam.d into $initdir.\n    The systemd-user file has been moved from /etc/pam.d into /usr/lib/pam.d,\n    so test-functions needs to copy it from /usr/lib/pam.d instead.\n  * Install the PAM configuration into /usr/lib/pam.d.\n    This is supported since PAM 1.4.0.\n'
    const polkit =
      'policykit-1 (121+compat0.1-2) unstable; urgency=medium\n\n  * Replace /etc/pam.d/polkit-1 with /usr/lib/pam.d/polkit-1.\n    /usr/lib/pam.d has been supported since at least 1.4.0 (Debian 11),\n    so we can make this an ordinary packaged file instead of a conffile.\n'
    expect(
      findOverlaps([
        { id: 'systemd', text: systemd },
        { id: 'polkit', text: polkit },
      ]).overlaps,
    ).toEqual([])
    // Two READMEs' pointers to their home pages at one host.
    expect(
      keptKindOf('The Ed home page: http://www.gnu.org/software/ed', 'Check the GDB home page at http://www.gnu.org/software/gdb'),
    ).toBe(undefined)
  })

  it('counts the pieces of a path within a run of words both texts have, as sim_text does', () => {
    // Debian's pointer to a licence's text: the same words before the path, another licence.
    expect(
      keptKindOf(
        'text of the license can be found in /usr/share/common-licenses/Apache-2.0.',
        'text of the license can be found in /usr/share/common-licenses/GPL-2 .',
      ),
    ).toBe('variant')
    expect(
      keptKindOf('License: GPL-3+ See /usr/share/common-licenses/GPL-3.', "License: GPL-3 See `/usr/share/common-licenses/GPL-3'"),
    ).toBe('variant')
  })
})
