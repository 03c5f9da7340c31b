// How wide a text is set in a terminal or a fixed-width column: Chinese, Japanese and Korean
// characters (and the full-width forms) take two columns, as terminals draw them (East Asian
// Width: Wide and Fullwidth); any other character one, a combining mark none.

/** A character drawn two columns wide. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u
/** A mark drawn on the character before it. */
const COMBINING = /\p{M}/u

/** The columns of one character (a code point). */
function columnsOfCharacter(c: string): number {
  return WIDE.test(c) ? 2 : COMBINING.test(c) ? 0 : 1
}

/** The columns `text` takes. */
export function columns(text: string): number {
  let n = 0
  for (const c of text) n += columnsOfCharacter(c)
  return n
}

/**
 * `text` in exactly `width` columns: padded with spaces, or cut with "…" where it is wider (a wide
 * character that would straddle the edge goes, and a space fills its place).
 */
export function fitColumns(text: string, width: number): string {
  if (columns(text) <= width) return text + ' '.repeat(width - columns(text))
  let out = ''
  let used = 0
  for (const c of text) {
    const w = columnsOfCharacter(c)
    if (used + w > width - 1) break
    out += c
    used += w
  }
  return out + '…' + ' '.repeat(width - 1 - used)
}
