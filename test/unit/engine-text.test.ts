import { describe, expect, it } from 'vitest'
import { isStopword, matchForm, surfaceForm } from '../../main/core/engine/normalise.js'
import { americanSpelling } from '../../main/core/engine/spelling.js'
import { isWordUnit, OWN_WORD, tokenize, unitHash } from '../../main/core/engine/tokenize.js'
import { WORD_CHAR, wordCharLength } from '../../main/core/engine/word-char.js'
import { indexWords } from '../../main/core/text/search.js'

function words(text: string): string[] {
  const t = tokenize(text)
  return Array.from({ length: t.count }, (_, i) => text.slice(t.starts[i], t.ends[i]))
}

describe('tokenize', () => {
  it('tells a word unit from its table as WORD_CHAR and OWN_WORD tell it, for every UTF-16 unit', () => {
    const differ: number[] = []
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code)
      if (isWordUnit(code) !== (WORD_CHAR.test(c) && !OWN_WORD.test(c))) differ.push(code)
    }
    expect(differ).toEqual([])
  })

  it('tells the length of a word character as WORD_CHAR tells it, for every UTF-16 unit, pair and lone surrogate', () => {
    const differ: string[] = []
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code)
      // Each unit alone, and before a letter (a surrogate that is no half of a pair stays one).
      if (wordCharLength(c, 0) !== (WORD_CHAR.test(c) ? 1 : 0)) differ.push(c)
      if (wordCharLength(c + 'a', 0) !== wordCharLength(c, 0)) differ.push(c + 'a')
    }
    // Letters, digits and marks beyond the Basic Multilingual Plane, and characters that are none.
    for (const c of ['𝐀', '𠀀', '𝟘', '𝆥', '😀', '𐀀', '\u{1F100}']) {
      if (wordCharLength(`x${c}`, 1) !== (WORD_CHAR.test(c) ? 2 : 0)) differ.push(c)
      if (wordCharLength(c, 1) !== 0) differ.push(`${c}'s low half`)
    }
    expect(wordCharLength('ab', 2)).toBe(0)
    expect(differ).toEqual([])
  })

  it('keeps offsets into the original text', () => {
    const text = '  “New” quality—productive forces, 3,327.8 billion!'
    const t = tokenize(text)
    expect(words(text)).toEqual(['New', 'quality', 'productive', 'forces', '3', '327', '8', 'billion'])
    for (let i = 0; i < t.count; i++) expect(text.slice(t.starts[i], t.ends[i]).length).toBe(t.ends[i] - t.starts[i])
  })

  it('splits hyphenated compounds, joins line-end hyphenation and keeps apostrophes', () => {
    expect(words('high-tech sci-tech')).toEqual(['high', 'tech', 'sci', 'tech'])
    expect(words('develop-\nment of China’s econ\u00adomy')).toEqual(['develop-\nment', 'of', 'China’s', 'econ\u00adomy'])
    expect(words('a dash - New line')).toEqual(['a', 'dash', 'New', 'line'])
  })

  it('splits a line-end hyphen where the text writes the two parts with a hyphen on one line (a reviewer of git manual pages)', () => {
    // groff breaks "git-config" after its own hyphen: the text says "git-config" elsewhere.
    const man = 'See git-config(1) for the variables; the\n       same as in git-\n       config(1).'
    expect(words(man).slice(-4)).toEqual(['in', 'git', 'config', '1'])
    expect(words('Position-Independent code is built position-\nindependent')).toEqual([
      'Position',
      'Independent',
      'code',
      'is',
      'built',
      'position',
      'independent',
    ])
    // Without the compound on one line, a hyphenated word, as before; the joined word written
    // elsewhere is no compound ("dealings" and "deal-\nings" of the X11 licence).
    expect(words('other dealings in the Software and deal-\nings in it')).toContain('deal-\nings')
    expect(words('git-\nconfig alone')).toEqual(['git-\nconfig', 'alone'])
    // A word the text writes with a hyphen before others makes compounds ("git-log": "git-\nswitch"),
    // unless the text writes the two parts as one word ("re-use", but "release" for "re-\nlease").
    expect(words('git-log and git-\nswitch')).toEqual(['git', 'log', 'and', 'git', 'switch'])
    expect(words('re-use the release, re-\nlease')).toEqual(['re', 'use', 'the', 'release', 're-\nlease'])
    // A letter beyond the Basic Multilingual Plane is a letter: "git-𝑥" writes "git-" before a word.
    expect(words('see git-\nconfig; also git-𝑥')).toEqual(['see', 'git', 'config', 'also', 'git', '𝑥'])
    // Each compound of a chain: "a-b-c" says "a-b" and "b-c".
    expect(words('read-only-mode and only-\nmode')).toEqual(['read', 'only', 'mode', 'and', 'only', 'mode'])
    // No typesetter leaves fewer than three letters after a hyphenation (MIN_HYPHENATED_TAIL): a
    // suspended hyphen wrapped before "to" is a word's own (a tester: "middle-\nto" was "middleto").
    expect(words('for middle-\nto high-income countries')).toEqual(['for', 'middle', 'to', 'high', 'income', 'countries'])
    expect(words('the develop-\nment of')).toEqual(['the', 'develop-\nment', 'of'])
  })

  it('finds the joined word a line-end hyphen is judged by only where the text writes it as a whole word, in any case', () => {
    // "re-use" makes "re" a compound's part; "re-\nlease" is one word only where the text writes
    // "release" as a word of its own: not inside another word, nor with a digit or letter beside
    // it, in any case, and beside a letter beyond the Basic Multilingual Plane still inside one.
    const judged = (elsewhere: string) => words(`re-use and re-\nlease; ${elsewhere}`).includes('re-\nlease')
    expect(judged('prerelease release2 releases _xrelease 𝑥release release𝑥')).toBe(false)
    expect(judged('the RELEASE')).toBe(true)
    expect(judged('(release)')).toBe(true)
    expect(judged('pre-release')).toBe(true)
    // A text whose lower case is not read unit for unit (a capital sigma, read as final or not by
    // what follows it; U+0130, two units in lower case) has its compounds and words read once for
    // all instead: the same answers.
    for (const other of ['ΟΔΟΣ', 'İstanbul']) {
      expect(judged(`${other} prerelease release2`)).toBe(false)
      expect(judged(`${other} the RELEASE`)).toBe(true)
    }
    // "ΟΔΟΑΑΣ" is "οδοαας" as a word, but "οδοαασ" in the lower case of "ΟΔΟΑΑΣ'x": its sigma is
    // followed by a letter there. The text writes the joined word: a hyphenation; and where it
    // writes the compound on one line, the compound's hyphen.
    expect(words("ΟΔΟ-ΧΥ and ΟΔΟ-\nΑΑΣ; ΟΔΟΑΑΣ'x")).toContain('ΟΔΟ-\nΑΑΣ')
    expect(words("ΟΔΟ-ΑΑΣ'x and ΟΔΟ-\nΑΑΣ; ΟΔΟΑΑΣ")).toEqual(['ΟΔΟ', "ΑΑΣ'x", 'and', 'ΟΔΟ', 'ΑΑΣ', 'ΟΔΟΑΑΣ'])
    // The compound and its first part found where they are whole words, in any case, with either hyphen.
    expect(words('GIT‐CONFIG and git-\nconfig')).toEqual(['GIT', 'CONFIG', 'and', 'git', 'config'])
    expect(words('legit-config and git-\nconfig')).toEqual(['legit', 'config', 'and', 'git-\nconfig'])
    expect(words('git-configs and git-\nconfig')).toEqual(['git', 'configs', 'and', 'git', 'config'])
    expect(words('git- and git-\nconfig')).toEqual(['git', 'and', 'git-\nconfig'])
    // However many line-end hyphens a text asks of (searches, then its words counted): the same.
    const many = Array.from({ length: 40 }, (_, k) => `re-\nlease${k} re-\nlease`).join(' ')
    expect(words(`re-use ${many} release`).filter((w) => w === 're-\nlease')).toHaveLength(40)
    expect(words(`re-use ${many} prerelease`).filter((w) => w === 'lease')).toHaveLength(40)
    const compounds = Array.from({ length: 40 }, (_, k) => `a${k}-\nbbb${k} c-\nddd`).join(' ')
    expect(words(`${compounds} c-ddd`).filter((w) => w === 'ddd')).toHaveLength(41)
    expect(words(`${compounds} c-dddx cddd`).filter((w) => w === 'c-\nddd')).toHaveLength(40)
  })

  it("reads a line-end hyphen after a part of a compound as the compound's, and hyphenates words in capitals (a reviewer of manual pages)", () => {
    // "over-the-\nshoulder": the hyphen after "the" is the compound's own, as the one before it,
    // where the text writes "the" and "shoulder" elsewhere and never "theshoulder".
    expect(words('the threat of over-the-\n       shoulder peeking over a shoulder')).toEqual([
      'the',
      'threat',
      'of',
      'over',
      'the',
      'shoulder',
      'peeking',
      'over',
      'a',
      'shoulder',
    ])
    // Else a hyphenation, as any other: the parts no words of the text ("multi-vol-\nume"), or the
    // joined word written ("read-\nable" beside "readable"), or one part written once alone.
    expect(words('a multi-vol-\nume archive of one volume')).toContain('vol-\nume')
    expect(words('machine-read-\nable, read as readable, able to read')).toContain('read-\nable')
    expect(words('ODS2-com-\npatibility, see www.info-zip.com')).toContain('com-\npatibility')
    // Typeset text hyphenates words in capitals as any other: a manual page's warning, a licence's
    // disclaimer.
    expect(words('THIS IS INSE\u2010\n       CURE!')).toEqual(['THIS', 'IS', 'INSE\u2010\n       CURE'])
    expect(words('IN CONNEC-\nTION WITH')).toEqual(['IN', 'CONNEC-\nTION', 'WITH'])
    // Unless the text writes them as a compound; a capitalised word after the break is a word of its own.
    expect(words('MS-DOS and MS-\nDOS')).toEqual(['MS', 'DOS', 'and', 'MS', 'DOS'])
    expect(words('ASCII-\nEbcdic and Post-\nScript')).toEqual(['ASCII', 'Ebcdic', 'and', 'Post', 'Script'])
  })

  it("reads a long text's line-end hyphens alike in search, which reads it in parts (a reviewer)", () => {
    const text = `See git-config(1).\n${'Filler words of the manual page. '.repeat(5000)}\nAs in git-\nconfig(1).`
    const index = indexWords(text)
    const t = tokenize(text)
    expect(Array.from(index.starts)).toEqual(Array.from(t.starts))
    expect(Array.from(index.ends)).toEqual(Array.from(t.ends))
    expect(words(text).slice(-4)).toEqual(['in', 'git', 'config', '1'])
  })

  it('splits numbers at periods and commas, as sim_text counts words', () => {
    expect(words('Standards-Version 3.8.3, urgency=low (1:2.5.1-4)')).toEqual([
      'Standards',
      'Version',
      '3',
      '8',
      '3',
      'urgency',
      'low',
      '1',
      '2',
      '5',
      '1',
      '4',
    ])
  })

  it('keeps the + and # signs that end a word, not a sign between two words', () => {
    expect(words('License: GPL-2+, LGPL-2.1+\nwritten in C++ and C#; [a-z]+')).toEqual([
      'License',
      'GPL',
      '2+',
      'LGPL',
      '2',
      '1+',
      'written',
      'in',
      'C++',
      'and',
      'C#',
      'a',
      'z',
    ])
    expect(words('1+1 = 2, a#b, +5, issue #12')).toEqual(['1', '1', '2', 'a', 'b', '+5', 'issue', '12'])
    // Not before an operator or a mark that goes on: an assignment, a Debian repack, a shell expansion.
    expect(words('a+=1 2.0.0+~cs1 ${var##*/}')).toEqual(['a', '1', '2', '0', '0', 'cs1', 'var'])
    // Before a mark that ends the word, and before Chinese, Japanese or Korean with no space.
    expect(words('g++(1), C++-based, C++…')).toEqual(['g++', '1', 'C++', 'based', 'C++'])
    expect(words('本程序采用GPL-2+许可证')).toEqual(['本', '程', '序', '采', '用', 'GPL', '2+', '许', '可', '证'])
    expect(words('C#で開発')).toEqual(['C#', 'で', '開', '発'])
  })

  it('reads a sign before a word with it, where the sign stands alone, not a hyphen between words', () => {
    // sed's manual and its man page, and tail's counts: the same words but for the signs.
    expect(words("'ADDR1,~N' and addr1,+N; tail -n +5, head -n -5 and −5 °C, ±0.1 (+2)")).toEqual([
      'ADDR1',
      '~N',
      'and',
      'addr1',
      '+N',
      'tail',
      'n',
      '+5',
      'head',
      'n',
      '-5',
      'and',
      '−5',
      'C',
      '±0',
      '1',
      '+2',
    ])
    // A range, a compound, an option's name, two hyphens, a sign after a sign: no sign of a word.
    expect(words('pages 1-2, e-mail, -n, --5, 2.0.0+~cs1 and x-5')).toEqual([
      'pages',
      '1',
      '2',
      'e',
      'mail',
      'n',
      '5',
      '2',
      '0',
      '0',
      'cs1',
      'and',
      'x',
      '5',
    ])
    // Full-width signs, as Chinese and Japanese text writes them; a plus at the text's start, no
    // sign of the capitals hyphenated after it.
    expect(words('气温为＋5度，－3度')).toEqual(['气', '温', '为', '＋5', '度', '－3', '度'])
    expect(words('+INSE-\nCURE')).toEqual(['INSE-\nCURE'])
    // About five; a plus that opens a line, a unified diff's added line; LaTeX's unbreakable space
    // after a full stop; a home folder, a word (not a placeholder) after a plus or tilde.
    expect(words('~5 lines\n+The package\n+5 more\nFig.~5 and Dr.~Smith, ~user and +Inf')).toEqual([
      '~5',
      'lines',
      'The',
      'package',
      '5',
      'more',
      'Fig',
      '5',
      'and',
      'Dr',
      'Smith',
      'user',
      'and',
      'Inf',
    ])
    // A setting commented out: "#" opening a line (its indent aside), a setting's name after it;
    // not a heading, a number, C's preprocessor, nor a "#" inside a line.
    expect(
      words(
        '#port = 5432\n  #Storage=external\n#max_wal_size 1GB\n#PermitRootLogin no\n# Title\n#MIT License\n#123 fixed\n#include <a.h>\n#define X 1\nsee #port',
      ),
    ).toEqual([
      '#port',
      '5432',
      '#Storage',
      'external',
      '#max',
      'wal',
      'size',
      '1GB',
      '#PermitRootLogin',
      'no',
      'Title',
      'MIT',
      'License',
      '123',
      'fixed',
      'include',
      'a',
      'h',
      'define',
      'X',
      '1',
      'see',
      'port',
    ])
    // "&c." (et cetera) is one word; not the ampersand of a name, of a longer word, after a word,
    // or of code's addresses ("&c," "&c.out").
    expect(words('bread, wine, &c. and (&C.) but AT&T, &cb, f(fd, &c, 1), &c.out and a&c')).toEqual([
      'bread',
      'wine',
      '&c',
      'and',
      '&C',
      'but',
      'AT',
      'T',
      'cb',
      'f',
      'fd',
      'c',
      '1',
      'c',
      'out',
      'and',
      'a',
      'c',
    ])
  })

  it('reads astral letters as word characters and skips emoji', () => {
    expect(words('𝔄𝔰𝔱𝔯𝔞𝔩 😀 word')).toEqual(['𝔄𝔰𝔱𝔯𝔞𝔩', 'word'])
  })

  it('reads each Han, Hiragana and Katakana character as a word, with its combining marks', () => {
    expect(words('新质生产力 new quality-productive forces 漢字Java言語')).toEqual([
      '新',
      '质',
      '生',
      '产',
      '力',
      'new',
      'quality',
      'productive',
      'forces',
      '漢',
      '字',
      'Java',
      '言',
      '語',
    ])
    expect(words('この許可書は、ソフト。か\u3099 𠀀𠀁 a’漢')).toEqual([
      'こ',
      'の',
      '許',
      '可',
      '書',
      'は',
      'ソ',
      'フ',
      'ト',
      'か\u3099',
      '𠀀',
      '𠀁',
      'a',
      '漢',
    ])
  })

  it('hashes each token as it reads it, as unitHash hashes the token alone', () => {
    const text = 'develop-\nment of China’s econ\u00adomy, 3,327.8 𝔄𝔰𝔱𝔯𝔞𝔩 words 生产力 か\u3099 GPL-2+ C#'
    const t = tokenize(text, true)
    expect(t.hashes).toHaveLength(t.count)
    for (let i = 0; i < t.count; i++) expect(t.hashes![i]).toBe(unitHash(text, t.starts[i], t.ends[i]))
    expect(new Set(t.hashes).size).toBe(t.count)
    expect(tokenize(text).hashes).toBeUndefined()
  })
})

describe('normalise', () => {
  it('folds Unicode compatibility forms, case, quotes and hyphenation', () => {
    expect(surfaceForm('Ｆｏｒｃｅｓ')).toBe('forces')
    expect(surfaceForm('𝔄𝔰𝔱𝔯𝔞𝔩')).toBe('astral')
    expect(surfaceForm('China’s')).toBe(surfaceForm("china's"))
    expect(surfaceForm('develop-\nment')).toBe('development')
    expect(surfaceForm('econ\u00adomy')).toBe('economy')
  })

  it('maps British spellings to American ones', () => {
    const pairs = [
      ['labour', 'labor'],
      ['labourers', 'laborers'],
      ['organisation', 'organization'],
      ['organisers', 'organizers'],
      ['analysed', 'analyzed'],
      ['centre', 'center'],
      ['centres', 'centers'],
      ['travelled', 'traveled'],
      ['catalogue', 'catalog'],
      ['defence', 'defense'],
      ['programme', 'program'],
      // The inflected forms of those the rules do not reach (a tester: "the licences" / "the licenses").
      ['licences', 'licenses'],
      ['licenced', 'licensed'],
      ['licencing', 'licensing'],
      ['defences', 'defenses'],
      ['offences', 'offenses'],
    ]
    for (const [british, american] of pairs) expect(americanSpelling(british), british).toBe(americanSpelling(american))
    for (const word of ['four', 'hour', 'your', 'more', 'there', 'filled', 'rise', 'crisis']) expect(americanSpelling(word)).toBe(word)
  })

  it('takes Chinese function characters and Japanese Hiragana as function words', () => {
    expect(['的', '是', 'の', 'について', 'か\u3099'].map((w) => isStopword(surfaceForm(w)))).toEqual([true, true, true, true, true])
    expect(['力', '生', 'ソ', '漢字'].map(isStopword)).toEqual([false, false, false, false])
  })

  it('stems for matching only when asked', () => {
    expect(matchForm('forces', true)).toBe(matchForm('force', true))
    expect(matchForm('forces', false)).toBe('forces')
    expect(matchForm("china's", false)).toBe('china')
  })

  it('reads a word with its + or # signs as the word, where spelling does not count', () => {
    expect(surfaceForm('2+')).toBe('2+')
    expect(matchForm(surfaceForm('2+'), true)).toBe(matchForm('2', true))
    expect(matchForm(surfaceForm('C++'), true)).toBe('c')
    expect(matchForm('+', true)).toBe('+')
  })
})
