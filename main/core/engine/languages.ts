import type { Lexicon } from './lexicon.js'

// The languages whose function words the engine knows besides English, and which sentences are
// written in them. Function words carry a sentence's grammar, not its content (stopwords.ts): in
// a German text "und die der das von zu mit" are what "and the of to with" are in English. Read
// as content words, they made a German text's fragments shared passages (six shared "content"
// words, half of them articles and prepositions), and a paraphrase's "words in common" ("ist,
// für", "das, der, und"; Debian's German manual pages).
// The lists are closed classes only: articles and determiners, pronouns, prepositions and their
// contractions with an article, conjunctions, the forms of the auxiliary and modal verbs, negations
// and a few particles and quantifiers. A word that is a function word in one language is often a
// content word in another ("die", "war", "man", "car", "con", "sin", "come"), so each sentence is
// read in its own language: the one whose function words it writes most, at least twice as many
// as English's and MIN_OWN_WORDS of them its own (not English function words too: "in", "so",
// "an"); any other sentence is read as English, as before, but for the short sentences of a text
// written in another language (MIN_TEXT_SENTENCES). A sentence, not a document: translated manual
// pages and documentation quote English paragraphs whole, and keep German headings and sentences
// in a page left mostly in English, and the same sentence must have the same content words in
// every text that has it, whatever the rest of the text is written in, or two copies of it never
// meet. What counts for no language: a piece of a written name or a command-line option ("de.po",
// "-o", "--and": pieceOfName), and a word written with a capital inside its sentence (names and
// titles: "Ben, Dan, Van", "Die Hard, Man on Fire, War Horse").
// Stems stay English (the stemmer package): a German plural or a French verb's ending is another
// word to the seeds, as it was, and so does the British spelling read into a French "utiliser"
// ("utilizer", spelling.ts), which both copies of a text have. A French or Italian word elided
// before the next is one token with it (tokenize.ts: "l'homme", "d'un"): the list holds such
// tokens that are function words whole ("d'un", "qu'il", "c'est"); one with a content word is
// matched as that word (normalise.ts matchForm).
// On Debian's manual pages in German, French, Dutch, Italian and Spanish (195, 196, 93, 75 and 35
// pages) the overlaps went from 513, 878, 469, 208 and 100 to 358, 434, 269, 157 and 59: gone are
// fragments such as "über apt_auth.conf(5) bereitgestellt werden", "(depuis dpkg 1.4.1.17)" and
// paraphrases such as "CFLAGS, CXXFLAGS und LDFLAGS"; a reviewer found "words in common" with
// function words in 85 of 103 French paraphrases before, 2 of 47 after. Of sim_text's shared runs
// of eight words or more, the texts of 571 of 710 German ones lie in passages (575 before), 674 of
// 887 French (687), 344 of 442 Dutch (354); a run's two sides in one overlap, 94.9% of the German
// runs (97.3% before), 87.5% of the French (92.0%), 87.3% of the Dutch (93.7%): the passages hold
// nearly as much, grouped otherwise. Lost are stretches with fewer than six content words: a
// German sentence has fewer than an English one of the same length (compounds), and six are a
// passage's least, as in English ("Wenn in der ersten Zeile einer Handbuchseite eine Kodierung
// angegeben ist, wird" has five). English texts are read as before: the bundled corpus, licences,
// READMEs and Node.js's documentation give byte-identical output; in Debian's copyright files an
// Italian licence is read as Italian now (125 of 2,136 overlaps grouped otherwise, no passage
// lost), and in a W3C notice the French name of an institute ("de", "en", "et").
// Left: a short English line in a text written mostly in another language, with no English
// function word its own ("Worker processes die quietly"), is read in that language.

/** The languages whose function words the engine knows besides English (ISO 639-1 codes), in the order of their bits (languageBits). */
export const OTHER_LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'nl'] as const

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/))

/** Function words of each language besides English (lower case, as surface forms are; see above). */
export const FUNCTION_WORDS: Readonly<Record<(typeof OTHER_LANGUAGES)[number], ReadonlySet<string>>> = {
  de: words(`
    der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines
    ich du er sie es wir ihr mich dich sich uns euch mir dir ihm ihn ihnen man
    mein meine meinen meinem meiner meines dein deine deinen deinem deiner deines sein seine seinen
    seinem seiner seines ihre ihren ihrem ihrer ihres unser unsere unseren unserem unserer unseres
    euer eure euren eurem eurer eures dieser diese dieses diesen diesem jener jene jenes jenen jenem
    welcher welche welches welchen welchem derselbe dieselbe dasselbe denen deren dessen dies
    alle allen aller alles jede jeder jedes jeden jedem einige einigen einiger mehrere mehr etwas
    andere anderen anderer anderes anderem außer jedoch wobei selbst ab
    an am auf aus bei beim bis durch für gegen hinter im in ins mit nach neben ohne seit über um
    unter vom von vor während wegen zu zum zur zwischen
    und oder aber denn sondern dass daß ob wenn weil als wie sowie sowohl weder noch entweder falls
    indem obwohl bevor nachdem sobald solange sodass damit dabei dadurch dafür dagegen danach davon
    dazu daran darauf darin darüber darunter
    bin bist ist sind seid war warst waren wart sei seien wäre wären gewesen
    habe hast hat haben habt hatte hatten hätte hätten gehabt werde wirst wird werden werdet wurde
    wurden würde würden worden geworden kann kannst können könnt konnte konnten könnte könnten
    muss musst müssen müsst musste mussten müsste soll sollst sollen sollt sollte sollten will willst
    wollen wollt wollte wollten darf darfst dürfen dürft durfte durften mag magst mögen möchte
    nicht nie niemals auch nur schon so da dann hier dort sehr was wer wo wann warum wie doch ja zu
  `),
  fr: words(`
    le la les un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos
    votre vos leur leurs je tu il elle on nous vous ils elles me te se lui eux moi toi soi y en
    qui que quoi dont où quel quelle quels quelles lequel laquelle lesquels lesquelles
    c'est c'était d'un d'une qu'il qu'ils qu'elle qu'elles qu'on qu'un qu'une n'est n'a n'ont n'y
    s'il s'ils j'ai l'on l'un l'une jusqu'à lorsqu'il puisqu'il
    à avec chez dans de par pour sans sous sur entre vers contre depuis pendant selon
    et ou mais donc ni car si comme quand lorsque puisque
    ne pas plus jamais rien aucun aucune non
    est sont être été étant suis es sommes êtes était étaient sera seront serait seraient soit soient
    ai as a avons avez ont avait avaient aura auront aurait auraient eu ait aient
    avoir peut peuvent pourrait pourraient pourra pouvez doit doivent devrait devez
    aussi très tout tous toute toutes même cela ceci ça celui celle ceux celles chaque plusieurs
    après avant lors dès parmi ainsi alors
  `),
  es: words(`
    el la los las lo un una unos unas al del
    yo tú él ella ello nosotros nosotras vosotros vosotras ellos ellas me te se nos os le les
    mi mis tu tus su sus nuestro nuestra nuestros nuestras vuestro vuestra vuestros vuestras
    este esta estos estas ese esa esos esas aquel aquella aquellos aquellas esto eso aquello
    qué quién quien quienes cuál cual cuales cuyo cuya cuyos cuyas
    a ante con contra de desde durante en entre hacia hasta mediante para por según sin sobre tras
    y e o u ni pero sino que si como cuando donde porque aunque mientras pues
    no nunca jamás ningún ninguna ninguno tampoco nada nadie ya muy más menos también tan
    cada todo toda todos todas mismo misma mismos mismas cualquier sólo solo varios varias otro otra otros otras
    entonces usted ustedes
    es son ser soy eres somos fue fueron era eran sea sean será serán sería serían sido tiene tienen
    está están estar estoy estaba estaban esté estén
    ha han he has hemos hay había habían haber habrá hubo haya hayan
    puede pueden podrá podría debe deben debería
  `),
  it: words(`
    il lo la i gli le un uno una del dello della dei degli delle al allo alla ai agli alle
    dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle
    col coi di a da in con su per tra fra
    e ed o od ma però che se come quando dove perché anche né mai più nessun nessuno nessuna
    io tu lui lei noi voi loro mi ti si ci vi ne me te se li
    mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri nostre vostro vostra
    questo questa questi queste quello quella quelli quelle chi cui quale quali
    non è sono essere era erano sia siano sarà saranno sarebbe viene vengono
    ha hanno ho hai abbiamo avete aveva avevano avere avuto abbia
    può possono potrebbe deve devono dovrebbe molto ogni tutti tutte tutto tutta senza ciò ad
    niente nulla solo prima dopo stesso stessa stessi stesse altro altra altri altre qualsiasi invece così
    sotto sempre ciascun ciascuno ciascuna cioè già ancora c'è
  `),
  pt: words(`
    o a os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos pelas
    de em por para com sem sobre entre até desde contra
    e ou mas nem que se como quando onde porque também
    não nunca já muito mais menos apenas todos todas alguns algumas nenhum nenhuma nada ninguém
    mesmo mesma mesmos mesmas ainda após cada qualquer então outro outra outros outras pois enquanto só
    desse dessa deste desta nesse nessa neste nesta
    eu tu você vocês ele ela nós vós eles elas me te lhe lhes meu minha meus minhas teu tua seu sua seus suas
    nosso nossa nossos nossas este esta estes estas esse essa esses essas aquele aquela aqueles
    aquelas isso isto aquilo qual quais quem cujo cuja
    é são ser sou foi foram era eram seja sejam será serão seria sido forem estiver
    está estão estar estava estavam esteja
    tem têm ter tinha tinham há havia haver tenha tiver houver terá vai vão
    pode podem poderá poderia deve devem deveria
  `),
  nl: words(`
    de het een den der des
    van in op aan met voor door bij naar uit over onder tot tegen tussen om na zonder sinds
    en of maar dus want omdat als dan dat die dit deze wie wat waar wanneer hoe
    ik jij je u hij zij ze wij we jullie mij me hem haar ons hun zich mijn jouw uw zijn onze
    niet geen nooit noch ook nog al wel er
    is ben bent was waren wordt worden werd werden geweest
    heeft hebben had hadden heb hebt gehad
    kan kunt kunnen kon konden moet moeten moest zal zult zullen zou zouden wil wilt willen mag mogen
    te indien zoals alle welke elk elke niets niemand nergens enkel andere meer toe dezelfde hetzelfde
    waarbij waarin waarvan waardoor tenzij zelfs behalve zodat tijdens sommige enkele zelf volgens reeds
    men slechts terwijl ervoor ten wegens
  `),
}

/**
 * The function words of the languages besides English that negate what follows them, as "not",
 * "no" and "never" do (stopwords.ts negates): a negation is read where its sentence is written in
 * its language (AnalysedDocument.foreign), so Italian "non" negates and the "non" of
 * "non-exclusive" in an English sentence does not, as before. "Without" and its kin ("ohne",
 * "sans", "sin") are not among them, as "without" is an English negation of its own kind
 * (polarity.ts). French negates with the word after its verb ("pas", "jamais", "rien"), not "ne",
 * which "ne ... que" ("only") writes too. A German or Dutch negation after its verb ("Die Datei
 * existiert nicht.") negates no word after it: polarity.ts reads English word order.
 */
export const NEGATIONS: ReadonlySet<string> = words(`
  nicht nie niemals kein keine keinen keinem keiner keines weder
  pas jamais aucun aucune ni rien non
  no nunca jamás ningún ninguna ninguno tampoco nada nadie
  non mai né nessun nessuno nessuna niente nulla
  não nunca nem nenhum nenhuma nada ninguém
  niet geen nooit noch niets niemand nergens
`)

/**
 * Distinct function words of a language, at least, that a sentence must write for it to be read
 * in that language, words that are English function words too aside ("a", "in", "so"). Lines of
 * English with few function words of its own tipped at two: a change log's sign-off line, "Mon,"
 * French and "Tue," Italian, "Pascal De Vuyst" Dutch or Spanish; "non-existing" and "vi-mode"
 * Italian.
 */
export const MIN_OWN_WORDS = 3

/**
 * How many times as many function words of its language as English ones a sentence read in that
 * language writes, at least: "The man will die in war" has three German ones of its own ("man",
 * "die", "war") and five in all, against English's three.
 */
export const OWN_OVER_ENGLISH = 2

/**
 * The bit of each language besides English that counts `surface` (a surface form) among its
 * function words: bit k for OTHER_LANGUAGES[k].
 */
export function languageBits(surface: string): number {
  let bits = 0
  for (let k = 0; k < OTHER_LANGUAGES.length; k++) if (FUNCTION_WORDS[OTHER_LANGUAGES[k]].has(surface)) bits |= 1 << k
  return bits
}

/**
 * Whether a sentence ends in text[from, to), the gap between two tokens, the one before starting
 * at `start`: a full stop, question or exclamation mark before a space or a line break, or a blank
 * line; not a full stop after an abbreviation (ABBREVIATIONS) or a letter alone ("d.h. DEBIAN/
 * conffiles während der Paketerstellung", "z.B."). Read a character at a time: most gaps are one
 * space, and every token's is read.
 */
function endsSentence(text: string, start: number, from: number, to: number): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 0x20) return false
  let lines = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a) {
      if (++lines === 2) return true
    } else if (c === 0x2e || c === 0x21 || c === 0x3f) {
      if (c === 0x2e && i === from && (from - start === 1 || ABBREVIATIONS.has(text.slice(start, from).toLowerCase()))) continue
      const next = i + 1 < to ? text.charCodeAt(i + 1) : -1
      if (next === 0x20 || next === 0x0a || next === 0x09 || next === 0x0d) return true
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) lines = 0
  }
  return false
}

/**
 * Abbreviations whose full stop ends no sentence (endsSentence): German "bzw.", "vgl.", "usw.",
 * French "cf.", "env." and the like, written mid-sentence, which split one sentence into two
 * too short to tell their language. Not "etc.", which often ends one.
 */
const ABBREVIATIONS: ReadonlySet<string> = words(`
  bzw vgl usw ggf evtl inkl bzgl sog ca nr dr abs
  cf env ex mme mlle
  pág núm sr sra
  ecc pag sig
`)

/**
 * Whether the token text[start, end) is a piece of a longer written name, not a word of running
 * text: joined to a letter or digit before or after it by a dot, slash, at sign or underscore
 * ("github.com", "de.po", "ci.AGOLA", "po/de"), or by a hyphen where `hyphens` ("vi-mode",
 * "non-existing"), or a command-line option's name ("-o", "-u", "--and", "--all"). Such a piece is
 * no function word, whatever language its letters spell one in; a hyphen's piece counts for no
 * sentence's language, but is a function word of a sentence written in its language ("c'est-à-dire",
 * "elle-même").
 */
function pieceOfName(text: string, start: number, end: number, hyphens: boolean): boolean {
  const before = text.charCodeAt(start - 1)
  if (before === 0x2d && !ALNUM.test(text[start - 2] ?? '')) return true
  const joins = (c: number): boolean => JOINERS.has(c) || (hyphens && c === 0x2d)
  return (joins(before) && ALNUM.test(text[start - 2] ?? '')) || (joins(text.charCodeAt(end)) && ALNUM.test(text[end + 1] ?? ''))
}

/** The marks that join the pieces of a written name (pieceOfName): . / @ _ */
const JOINERS: ReadonlySet<number> = new Set([0x2e, 0x2f, 0x40, 0x5f])
const ALNUM = /[\p{L}\p{N}]/u
const UPPER = /\p{Lu}/u
const LOWER = /\p{Ll}/u

/** Function words written with a capital wherever they stand: German's polite pronouns ("Wenn Sie die Option angeben"). */
const CAPITALISED: ReadonlySet<string> = words('sie ihr ihre ihren ihrem ihrer ihres ihnen')

/**
 * Sentences, at least, that a text must write in a language for its sentences that write no
 * English function word of English's own and one of that language's to be read in it too: headings, a
 * manual page's option descriptions and the terms of its lists ("Leere Zeilen werden
 * ignoriert", "Fichier de configuration d'adduser(8)"), which the same words in a longer
 * sentence of another page are read in. English function words that the language's list has
 * too ("in", "an", "a") do not keep a sentence from it ("Es dient in erster Linie der
 * Fehlersuche"). A text that quotes a sentence or two in another language (a Spanish headline)
 * reads the rest as before; the sentences themselves are read in their language where their own
 * words decide it (a French institute's name in a W3C notice: "de", "en", "et").
 */
export const MIN_TEXT_SENTENCES = 3

/**
 * What foreignFunctionWords finds: the function words of another language than English, token
 * indices ascending, and the sentences read in such a language, as tokens [from, to) and its index
 * in OTHER_LANGUAGES, three numbers each.
 */
export interface ForeignSentences {
  words: Uint32Array
  sentences: number[]
}

/** A sentence read for its language: tokens [from, to), its English function words, the languages it is read in or may be. */
interface Sentence {
  from: number
  to: number
  /** Its English function words that no other language's list has ("the", "of", not "in", "an", "a"). */
  englishOnly: number
  /** OTHER_LANGUAGES' index of the language it is written in, by its own words; -1 for none. */
  language: number
  /** The languages its words decide it is in as much as that one (as many function words), as bits. */
  tied: number
  /** The languages of which it writes one function word of their own at least, as bits. */
  own: number
}

/**
 * What of a text is written in another language than English (see above): the tokens that are
 * function words of the language their sentence is written in, and those sentences (ForeignSentences);
 * of tokens [0, count) at `starts` and `ends` of `text`, of surface ids `surface` in `lexicon`.
 * Mostly none.
 */
export function foreignFunctionWords(
  text: string,
  starts: Uint32Array,
  ends: Uint32Array,
  surface: Uint32Array,
  count: number,
  lexicon: Lexicon,
): ForeignSentences {
  /**
   * Whether token t is read as a function word of its sentence's language, where that language
   * counts it one: not a piece of a name, written with a capital or not. A capital keeps a word
   * from deciding the language ("Die Hard, Man on Fire, War Horse" are a film's titles, "Ben, Dan,
   * Van" names: read), but a sentence decided without it reads it in its language: a sentence's
   * first word after a heading or an option's name on the line before, which no full stop parts
   * from it ("-q, --quiet\n  Die Ausgabe wird unterdrückt"), the heading's "SIEHE AUCH".
   */
  const readIn = (t: number): boolean =>
    lexicon.languagesOf(surface[t]) !== 0 && !lexicon.isStop(surface[t]) && !pieceOfName(text, starts[t], ends[t], false)
  /**
   * Whether token t is written with a capital, as a name or a title is, not as German writes its
   * polite "Sie" and "Ihr" (CAPITALISED) wherever they stand.
   */
  const capitalised = (t: number): boolean =>
    UPPER.test(text[starts[t]]) && !CAPITALISED.has(lexicon.surfaces[surface[t]]) && !inCapitals(t)
  /**
   * Whether token t is written in capitals beside a word so written, as a heading, a notice or a
   * copy set in capitals is: no name, a word of its text ("CHAQUE PAGE DE MANUEL COMPORTE UNE
   * COURTE DESCRIPTION", "STANDARDMÄSSIG WIRD DER BEFEHL ALLE ZWEI SEKUNDEN AUSGEFÜHRT"). Read
   * with its capitals as names, a French or German text in capitals had no function words, and
   * its copy in lower case shared no n-gram with it (a tester of translated manual pages).
   */
  const inCapitals = (t: number): boolean =>
    allCapitals(starts[t], ends[t]) &&
    ((t > 0 && allCapitals(starts[t - 1], ends[t - 1])) || (t + 1 < count && allCapitals(starts[t + 1], ends[t + 1])))
  const allCapitals = (from: number, to: number): boolean => UPPER.test(text[from]) && !LOWER.test(text.slice(from, to))
  const sentences: Sentence[] = []
  const hits = new Uint32Array(OTHER_LANGUAGES.length)
  const own = new Uint32Array(OTHER_LANGUAGES.length)
  const seen = new Set<number>()
  const decided = new Uint32Array(OTHER_LANGUAGES.length)
  /** Sentence [from, to), which writes a function word of another language than English: read for its language. */
  const read = (from: number, to: number): void => {
    let english = 0
    let englishOnly = 0
    hits.fill(0)
    own.fill(0)
    seen.clear()
    for (let t = from; t < to; t++) {
      const sid = surface[t]
      const bits = lexicon.languagesOf(sid)
      const stop = lexicon.isStop(sid)
      // A piece of a name counts for no language, English's neither ("-a, --and Zeigt nur ...").
      if ((bits === 0 && !stop) || pieceOfName(text, starts[t], ends[t], true)) continue
      if (stop) english++
      if (stop && bits === 0) englishOnly++
      if (bits === 0 || (t !== from && capitalised(t))) continue
      for (let k = 0; k < OTHER_LANGUAGES.length; k++) hits[k] += (bits >>> k) & 1
      if (!stop) seen.add(sid)
    }
    let mask = 0
    for (const sid of seen) {
      const bits = lexicon.languagesOf(sid)
      mask |= bits
      for (let k = 0; k < OTHER_LANGUAGES.length; k++) own[k] += (bits >>> k) & 1
    }
    let best = -1
    for (let k = 0; k < OTHER_LANGUAGES.length; k++)
      if (
        own[k] >= MIN_OWN_WORDS &&
        hits[k] >= OWN_OVER_ENGLISH * english &&
        (best < 0 || hits[k] > hits[best] || (hits[k] === hits[best] && own[k] > own[best]))
      )
        best = k
    let tied = 0
    for (let k = 0; k < OTHER_LANGUAGES.length && best >= 0; k++)
      if (own[k] >= MIN_OWN_WORDS && hits[k] >= OWN_OVER_ENGLISH * english && hits[k] === hits[best]) tied |= 1 << k
    if (best >= 0) decided[best]++
    if (mask !== 0) sentences.push({ from, to, englishOnly, language: best, tied, own: mask })
  }
  // Each sentence that writes a word another language counts a function word of its own is read
  // again, whole (most sentences of an English text write none).
  // (And the sentences that write an English function word no other language's list has are
  // counted: englishSentences.)
  let from = 0
  let foreign = false
  let english = false
  let englishSentences = 0
  for (let t = 0; t <= count; t++) {
    if (t > 0 && (t === count || endsSentence(text, starts[t - 1], ends[t - 1], starts[t]))) {
      if (foreign) read(from, t)
      if (english) englishSentences++
      foreign = english = false
      from = t
    }
    if (t === count) break
    const bits = lexicon.languagesOf(surface[t])
    if (!foreign && bits !== 0 && !lexicon.isStop(surface[t])) foreign = true
    if (!english && bits === 0 && lexicon.isStop(surface[t])) english = true
  }
  if (sentences.length === 0) return { words: NONE, sentences: [] }
  // The text's own language besides English, where it writes MIN_TEXT_SENTENCES sentences in it,
  // or more than sentences of English (a short page in German: two sentences German by their
  // own words, none English), and more than in any other: its sentences with no English-only
  // function word are read in it. Without the second, procps' pwdx(1) read "Bitte schicken Sie
  // Fehlermeldungen (auf Englisch) an" with "Sie" and "auf" as words, and kill(1), a longer page,
  // read them as function words: the two shared no run of words (a tester of translated manual
  // pages).
  let main = -1
  for (let k = 0; k < OTHER_LANGUAGES.length; k++)
    if ((decided[k] >= MIN_TEXT_SENTENCES || decided[k] > englishSentences) && (main < 0 || decided[k] > decided[main])) main = k
  const out: number[] = []
  const spans: number[] = []
  for (const sentence of sentences) {
    let language = sentence.language
    // A sentence as much in the text's language as in another is in the text's ("Mi, m, M e MB são
    // aceitos como sinônimos de MiB" in a Portuguese page, four function words of Spanish too).
    if (language >= 0 && main >= 0 && (sentence.tied >>> main) & 1) language = main
    if (language < 0 && main >= 0 && sentence.englishOnly === 0 && (sentence.own >>> main) & 1) language = main
    if (language < 0) continue
    spans.push(sentence.from, sentence.to, language)
    for (let u = sentence.from; u < sentence.to; u++) if ((lexicon.languagesOf(surface[u]) >>> language) & 1 && readIn(u)) out.push(u)
  }
  return { words: out.length ? Uint32Array.from(out) : NONE, sentences: spans }
}

/**
 * A French or Italian word's elided article, pronoun or preposition, written with it as one token
 * (tokenize.ts): "l'option", "d'utilisateur", "qu'elle", "dell'autore", "un'altra". In a sentence
 * written in French or Italian the word is matched without it (unelided), so "l'option" is read as
 * the "option" another sentence writes ("les options"), as an English word is read without its
 * possessive 's; where spelling counts (an overlap's kind, its variants) the surface forms still
 * differ. Three in a hundred words of Debian's French manual pages are written so. Not in an
 * English sentence: "Sant'Anna", "d'Itri" and "d'Heureuse" are names there.
 */
const ELIDED =
  /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|dell|all|dall|nell|sull|coll|quell|quest|un|nessun|sant|tutt)'(?=\p{L}{2})/u

/** The languages whose words elide (ELIDED), as OTHER_LANGUAGES' indices. */
export const ELIDING: ReadonlySet<number> = new Set([OTHER_LANGUAGES.indexOf('fr'), OTHER_LANGUAGES.indexOf('it')])

/** A surface form without its elided article (ELIDED); undefined for a word written with none. */
export function unelided(surface: string): string | undefined {
  const rest = surface.replace(ELIDED, '')
  return rest === surface ? undefined : rest
}

/** No tokens: one empty array for every text with none. */
const NONE = new Uint32Array(0)
