import * as chardet from 'chardet'
import iconv from 'iconv-lite'
import { DecodeError, decodeUtf8, NO_TEXT } from '../project/decode.js'

// Text in legacy encodings (Windows-1252, Latin-1, Windows-1251, GB18030, Shift_JIS, …) and
// UTF-16 with a byte-order mark is converted to UTF-8 on import; everything else must be UTF-8.
// A file that is UTF-8 with a few broken bytes is refused, not "converted" into mojibake: the
// legacy path is taken only when few of the bytes beyond ASCII are in valid UTF-8 sequences
// (MIN_UTF8_SHARE).

/**
 * Bytes beyond ASCII needed before an encoding is guessed. 4: fewer say too little about the
 * encoding (a lone "é" fits a dozen of them), so such a file gets the plain "not valid UTF-8"
 * message; more would refuse short legacy notes that chardet reads correctly.
 */
export const MIN_LEGACY_EVIDENCE = 4

/**
 * Lowest chardet confidence (0–100) acted on. 25: French or German prose in Latin-1 scores 35–45
 * and Cyrillic or CJK encodings 60–100, while random bytes score about 10; a higher bar would
 * refuse short Western European texts.
 */
export const MIN_CONFIDENCE = 25

/**
 * Share of the bytes beyond ASCII, at least, that well-formed UTF-8 sequences hold in a file
 * refused as UTF-8 with damaged bytes; below it, the file is read as a legacy encoding. In UTF-8
 * with a broken byte or two nearly all of them do (0.8 in "naïve café" with a stray Latin-1 "é").
 * A double-byte legacy encoding makes valid sequences by chance, since its lead bytes are UTF-8's
 * lead bytes and its trail bytes often continuation bytes: "传统" in GBK is CD B3 ..., a two-byte
 * UTF-8 sequence. A sentence of Chinese, Japanese or Korean in GBK, Big5, Shift_JIS, EUC-JP or
 * EUC-KR has 0.15 to 0.35 of its bytes beyond ASCII in such sequences, and each was refused while
 * any one sequence was found. A Western legacy encoding makes one only where a letter is followed
 * by a symbol ("Ã©" in Latin-1): far below a half.
 */
export const MIN_UTF8_SHARE = 0.5

/** Encodings chardet names that are read with a superset (Latin-1 files are usually Windows-1252). */
const SUPERSETS: Record<string, string> = { 'ISO-8859-1': 'windows-1252', GB2312: 'GB18030', 'EUC-CN': 'GB18030' }

/** Control characters that do not occur in text (everything below space except tab, LF, FF, CR). */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/

export interface DecodedText {
  text: string
  /** The encoding read: 'UTF-8' or the legacy encoding converted from. */
  encoding: string
  /** True when the bytes were not UTF-8 and the text was converted. */
  converted: boolean
  /** True when the encoding is the caller's `guess` (too little of the file told its own). */
  guessed?: boolean
}

/** Bytes beyond ASCII in `bytes`, and how many of them well-formed multi-byte UTF-8 sequences hold (a sign the file is UTF-8). */
function highBytes(bytes: Uint8Array): { high: number; inUtf8: number } {
  let high = 0
  let inUtf8 = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b < 0x80) continue
    high++
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    let ok = len > 0 && i + len <= bytes.length
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80
    if (ok) {
      high += len - 1
      inUtf8 += len
      i += len - 1
    }
  }
  return { high, inUtf8 }
}

function checked(text: string, path: string, encoding: string): string {
  if (CONTROL.test(text) || text.includes('\ufffd'))
    throw new DecodeError(path, `this does not read as text in ${encoding} either (it holds control characters); it may be a binary file`)
  return text
}

/**
 * Decodes an imported file's bytes: UTF-8 as it is (see decodeUtf8), UTF-16 with a byte-order
 * mark, or a legacy encoding recognised by chardet and converted by iconv-lite. Throws a
 * DecodeError with one clear line otherwise. `guess`: the encoding to read a file in when too
 * little of it is beyond ASCII to tell (MIN_LEGACY_EVIDENCE), where the caller would rather read
 * a few characters wrongly than not at all (a folder's files as found); by default such a file
 * is refused.
 */
export function decodeImportedText(bytes: Uint8Array, path: string, guess?: string): DecodedText {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE'
    const text = iconv.decode(Buffer.from(bytes.subarray(2)), encoding)
    if (!text.trim()) throw new DecodeError(path, NO_TEXT)
    return { text: checked(text, path, encoding), encoding, converted: true }
  }
  try {
    return { text: decodeUtf8(bytes, path), encoding: 'UTF-8', converted: false }
  } catch (e) {
    if (!(e instanceof DecodeError) || !/not valid UTF-8/.test(e.message)) throw e
    const reason = e.message.slice(path.length + 2)
    const { high, inUtf8 } = highBytes(bytes)
    if (inUtf8 > 0 && inUtf8 >= MIN_UTF8_SHARE * high)
      throw new DecodeError(path, `${reason}: it is UTF-8 with damaged bytes; repair or re-save it as UTF-8`)
    if (high < MIN_LEGACY_EVIDENCE) {
      if (guess)
        return { text: checked(iconv.decode(Buffer.from(bytes), guess), path, guess), encoding: guess, converted: true, guessed: true }
      throw new DecodeError(path, `${reason}, and too little of it is beyond ASCII to tell its encoding; save it as UTF-8`)
    }
    const found = chardet.analyse(bytes).find((m) => m.confidence >= MIN_CONFIDENCE && m.name !== 'ASCII' && !m.name.startsWith('UTF'))
    const encoding = found ? (SUPERSETS[found.name] ?? found.name) : undefined
    if (!encoding || !iconv.encodingExists(encoding))
      throw new DecodeError(path, `${reason}, and its encoding could not be recognised; save it as UTF-8`)
    const text = iconv.decode(Buffer.from(bytes), encoding)
    return { text: checked(text, path, encoding), encoding, converted: true }
  }
}
