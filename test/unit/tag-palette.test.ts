import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, parse, type Color } from 'culori'
import { describe, expect, it } from 'vitest'
import { TAG_PALETTE } from '../../main/core/annotations/tag-colours.js'
import { ROOT } from '../helpers.js'

// A colour never means two things: the tag palette against the colours the page reserves for
// overlap kinds, the accent, the selected row, the text selection and untagged highlights, read
// from the stylesheet itself (both themes' values of light-dark()). Distances are CIEDE2000
// (about 2.3 is a just-noticeable difference); colour-blind vision is simulated with culori's
// Machado et al. filters at full severity.

/** Normal vision: a tag colour is at least this far from every reserved colour. */
const MIN_FROM_RESERVED = 18
/** Deuteranopia and protanopia: at least this far (the shapes differ too: tags underline, overlaps wash). */
const MIN_FROM_RESERVED_CVD = 7
/** Tag colours among themselves, normal vision. */
const MIN_BETWEEN_TAGS = 15
/** Tag colours among themselves, deuteranopia and protanopia. */
const MIN_BETWEEN_TAGS_CVD = 8

const RESERVED = ['--verbatim', '--variant', '--paraphrase', '--accent', '--selected', '--text-selection', '--plain-highlight']

/** Every #rrggbb value the stylesheet gives a custom property (light-dark() gives two). */
function cssColours(css: string, property: string): string[] {
  const found = [...css.matchAll(new RegExp(`${property}:\\s*([^;]+);`, 'g'))].flatMap((m) => m[1].match(/#[0-9a-f]{6}\b/gi) ?? [])
  if (!found.length) throw new Error(`no colour for ${property} in styles.css`)
  return found
}

const css = readFileSync(join(ROOT, 'renderer', 'styles.css'), 'utf8')
const reserved = RESERVED.flatMap((p) => cssColours(css, p).map((hex) => ({ name: `${p} ${hex}`, hex })))
const distance = differenceCiede2000()
const visions: [string, (c: Color) => Color][] = [
  ['deuteranopia', filterDeficiencyDeuter(1)],
  ['protanopia', filterDeficiencyProt(1)],
]
const colour = (hex: string) => parse(hex) as Color

describe('tag palette', () => {
  it('reads the reserved colours from the stylesheet', () => {
    expect(reserved.length).toBeGreaterThanOrEqual(RESERVED.length)
  })

  it.each(TAG_PALETTE)('%s is far from every overlap kind, selection and untagged colour', (tag) => {
    for (const r of reserved) {
      expect(distance(colour(tag), colour(r.hex)), `${tag} vs ${r.name}`).toBeGreaterThanOrEqual(MIN_FROM_RESERVED)
      for (const [vision, simulate] of visions) {
        const d = distance(simulate(colour(tag)), simulate(colour(r.hex)))
        expect(d, `${tag} vs ${r.name} (${vision})`).toBeGreaterThanOrEqual(MIN_FROM_RESERVED_CVD)
      }
    }
  })

  it('tells its colours apart from each other, also in colour-blind vision', () => {
    for (const [i, a] of TAG_PALETTE.entries()) {
      for (const b of TAG_PALETTE.slice(i + 1)) {
        expect(distance(colour(a), colour(b)), `${a} vs ${b}`).toBeGreaterThanOrEqual(MIN_BETWEEN_TAGS)
        for (const [vision, simulate] of visions) {
          expect(distance(simulate(colour(a)), simulate(colour(b))), `${a} vs ${b} (${vision})`).toBeGreaterThanOrEqual(
            MIN_BETWEEN_TAGS_CVD,
          )
        }
      }
    }
  })
})
