import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { type AnalysedDocument, analyse, negatesAt } from '../../main/core/engine/analyse.js'
import { Run } from '../../main/core/engine/progress.js'
import { analysed, ROOT } from '../helpers.js'
import { loadFolder } from '../../main/node/engine/inline.js'

// Function words of other languages than English (languages.ts): each sentence read in the
// language whose function words it writes, an English one's words kept whatever they spell in
// another.

/** The words of each text that negate what follows them (analyse.ts negatesAt), as written. */
function negationsIn(...texts: string[]): string[][] {
  const { docs, lexicon } = analyse(
    texts.map((text, k) => ({ id: `d${k}`, text })),
    true,
    new Run(),
  )
  return docs.map((doc) =>
    Array.from(doc.starts, (s, t) => [doc.text.slice(s, doc.ends[t]), negatesAt(lexicon.surfaces, doc, t)] as const)
      .filter(([, negates]) => negates)
      .map(([word]) => word),
  )
}

/** The content words of a document, as written. */
const contentWords = (doc: AnalysedDocument): string[] => Array.from(doc.content, (t) => doc.text.slice(doc.starts[t], doc.ends[t]))

describe('function words of other languages', () => {
  it("reads a German sentence's articles, prepositions, auxiliaries and negation as function words", () => {
    const [doc] = analysed('Der Befehl wird von dem Programm nicht gelesen, wenn die Datei leer ist.\n')
    expect(contentWords(doc)).toEqual(['Befehl', 'Programm', 'gelesen', 'Datei', 'leer'])
    // The polite "Sie" and "Ihr" are written with a capital inside a sentence, and are pronouns still.
    const [polite] = analysed('Wenn Sie die Option angeben, wird Ihre Datei nicht gelesen.\n')
    expect(contentWords(polite)).toEqual(['Option', 'angeben', 'Datei', 'gelesen'])
  })

  it('reads French, Spanish, Italian, Portuguese and Dutch sentences so too', () => {
    const words = (text: string) => contentWords(analysed(text)[0])
    expect(words("La commande ne lit pas le fichier si celui-ci est vide, et elle s'arrête.")).toEqual([
      'commande',
      'lit',
      'fichier',
      'ci',
      'vide',
      "s'arrête",
    ])
    expect(words('El programa no lee el archivo si está vacío, y se detiene con un error.')).toEqual([
      'programa',
      'lee',
      'archivo',
      'vacío',
      'detiene',
      'error',
    ])
    expect(words('Il programma non legge il file se è vuoto, e si ferma con un errore.')).toEqual([
      'programma',
      'legge',
      'file',
      'vuoto',
      'ferma',
      'errore',
    ])
    expect(words('O programa não lê o arquivo se ele estiver vazio, e para com um erro.')).toEqual([
      'programa',
      'lê',
      'arquivo',
      'vazio',
      'erro',
    ])
    expect(words('Het programma leest het bestand niet als het leeg is, en stopt met een fout.')).toEqual([
      'programma',
      'leest',
      'bestand',
      'leeg',
      'stopt',
      'fout',
    ])
  })

  it('keeps the words of an English sentence that spell function words of another language', () => {
    const [doc] = analysed('The old man said that soldiers die in war, under the MIT License, in a den.\n')
    expect(contentWords(doc)).toEqual(['old', 'man', 'said', 'soldiers', 'die', 'war', 'MIT', 'License', 'den'])
  })

  it('reads no function word in a piece of a written name ("de.po", "github.com", "ci.AGOLA")', () => {
    const [doc] = analysed('Updated po/de.po and po/es.po from github.com; see ci.AGOLA, ci.APPVEYOR, ci.BUDDY and vi-mode.\n')
    expect(doc.foreign).toHaveLength(0)
  })

  it("reads no function word in a command-line option's name, nor in a name or title written with a capital", () => {
    const [options, names, titles] = analysed(
      'Usage: ps -e -o pid,comm -u root --all and then --and the rest.\n',
      'Maintainers: Ben Noordhuis, Dan Abramov, Van Jacobson, Sam Roberts.\n',
      'Watch list: Die Hard, Man on Fire, War Horse.\n',
    )
    expect(options.foreign).toHaveLength(0)
    expect(contentWords(names)).toEqual(['Maintainers', 'Ben', 'Noordhuis', 'Dan', 'Abramov', 'Van', 'Jacobson', 'Sam', 'Roberts'])
    expect(contentWords(titles)).toEqual(['Watch', 'list', 'Die', 'Hard', 'Man', 'Fire', 'War', 'Horse'])
    // A German sentence with options before it is read as it is without them.
    const [flagged, plain] = analysed(
      '-a, --and Zeigt nur Einträge an, die alle angegebenen Schlüsselwörter enthalten.\n',
      'Zeigt nur Einträge an, die alle angegebenen Schlüsselwörter enthalten.\n',
    )
    expect(contentWords(flagged)).toEqual(contentWords(plain))
  })

  it('reads a short page in its language where it writes more sentences in it than in English (a tester of translated manual pages)', () => {
    const bugs = 'FEHLER MELDEN\n       Bitte schicken Sie Fehlermeldungen (auf Englisch) an procps@freelists.org\n'
    const short =
      'OPTIONEN\n       -h, --help\n              zeigt eine Hilfe an und beendet das Programm.\n\nSTANDARDS\n       Es sind keine Standards anwendbar, aber pwdx ähnelt stark einem Befehl.\n\n'
    const long =
      short +
      'BESCHREIBUNG\n       Das Programm sendet ein Signal an den Prozess, der mit der Kennung angegeben wird.\n\n' +
      '       Wenn kein Signal angegeben ist, wird das Signal TERM gesendet.\n\n'
    const [shortPage, longPage] = analysed(short + bugs, long + bugs)
    const tail = (doc: typeof shortPage) => contentWords(doc).slice(contentWords(doc).indexOf('FEHLER'))
    expect(tail(shortPage)).toEqual(tail(longPage))
    expect(tail(shortPage)).not.toContain('Sie')
  })

  it('reads a text set in capitals as the same text in lower case (a tester of translated manual pages)', () => {
    const french =
      "Chaque page de manuel comporte une courte description. apropos recherche et affiche cette description pour chaque page correspondant à mot-clé. Par défaut, il est considéré en tant qu'expression rationnelle, comme avec l'option -r.\n"
    const german =
      'watch führt den Befehl wiederholt aus, wobei dessen Ausgabe und Fehler angezeigt werden. Dies ermöglicht Ihnen die Überwachung der Änderungen.\n'
    const docs = analysed(french, french.toUpperCase(), german, german.toUpperCase())
    const lower = (doc: (typeof docs)[number]) => contentWords(doc).map((w) => w.toLowerCase())
    expect(lower(docs[1])).toEqual(lower(docs[0]))
    expect(lower(docs[3])).toEqual(lower(docs[2]))
    expect(lower(docs[0])).not.toContain('de')
    // Set in capitals, German's sharp s is "SS": the same word spelled otherwise, a copy's
    // variant; so is a change of "Maßen" (moderation) into "Massen" (masses), which says other
    // things (a reviewer).
    const sharp = 'Standardmäßig wird der Befehl alle zwei Sekunden ausgeführt, bis er unterbrochen wird.\n'
    const spelledOtherwise = (a: string, b: string) => {
      const [o, ...rest] = findOverlaps([
        { id: 'a', text: a },
        { id: 'b', text: b },
      ]).overlaps
      expect(rest).toEqual([])
      return [o.kind, o.variants[0]?.changes?.filter((c) => c.op !== 'equal').map((c) => [c.a, c.b])]
    }
    expect(spelledOtherwise(sharp, sharp.toUpperCase())).toEqual(['variant', [['Standardmäßig', 'STANDARDMÄSSIG']]])
    const drink = 'Der Arzt rät, Alkohol nur in Maßen zu trinken und jeden Abend früh schlafen zu gehen, auch am Wochenende.\n'
    expect(spelledOtherwise(drink, drink.replace('Maßen', 'Massen'))).toEqual(['variant', [['Maßen', 'Massen']]])
    // A title in capitals among words in lower case is still a name.
    expect(contentWords(analysed('Watch list: DIE HARD, then bed.\n')[0])).toEqual(['Watch', 'list', 'DIE', 'HARD', 'bed'])
  })

  it("reads a text's short sentences with no English function word in the language it writes most", () => {
    // A manual page's headings and option descriptions: "Leere Zeilen werden ignoriert" has two
    // German function words, too few alone, and reads as it does in a longer sentence elsewhere.
    const page =
      'Die Datei wird beim Start gelesen, wenn sie vorhanden ist.\n\nDie Einträge werden der Reihe nach von oben nach unten verarbeitet.\n\n' +
      'Jede Zeile enthält einen Eintrag, der aus zwei Feldern besteht.\n\nLeere Zeilen werden ignoriert.\n'
    const [german, english] = analysed(
      page + 'Es dient in erster Linie der Fehlersuche.\n',
      'The file is read at start.\n\nLeere Zeilen werden ignoriert.\n',
    )
    // "in" is an English function word and a German one: it keeps no sentence from German.
    expect(contentWords(german).slice(-6)).toEqual(['Leere', 'Zeilen', 'ignoriert', 'dient', 'erster', 'Linie', 'Fehlersuche'].slice(-6))
    const last = (doc: AnalysedDocument) => contentWords(doc).slice(-3)
    // An English text that quotes the line alone reads it as before.
    expect(last(english)).toEqual(['Zeilen', 'werden', 'ignoriert'])
  })

  it("reads each sentence of a text in its own language, an abbreviation's full stop inside one", () => {
    const [doc] = analysed(
      'Die Datei wird gelesen, wenn sie existiert (d.h. für die Dauer der Sitzung).\n\nOld soldiers never die, they just fade away.\n',
    )
    // "d.h." is one sentence with what follows: "für die der" are German there.
    expect(contentWords(doc)).toEqual([
      'Datei',
      'gelesen',
      'existiert',
      'd',
      'h',
      'Dauer',
      'Sitzung',
      'Old',
      'soldiers',
      'never',
      'die',
      'fade',
      'away',
    ])
  })

  it('reads the negations of a sentence in another language: a copy that drops them is not the same text', () => {
    // "nicht" is a function word of German, and still says the opposite: as "not" in English
    // (similarity.ts), a negation one passage has more lowers the pair's similarity.
    const text = (nicht: string) =>
      `Das Konto des Benutzers wird ${nicht}gesperrt, wenn das Passwort abgelaufen ist und der Benutzer sich in der ` +
      `festgelegten Frist ${nicht}neu angemeldet hat. Die Sperre gilt für alle Anmeldedienste des Systems und alle Terminals.`
    const { overlaps } = findOverlaps([
      { id: 'nicht', text: text('nicht ') },
      { id: 'gesperrt', text: text('') },
    ])
    expect(overlaps).toHaveLength(1)
    expect(overlaps[0].kind).toBe('variant')
    expect(overlaps[0].similarity).toBeLessThan(0.98)
    // Italian "non" negates in an Italian sentence; the "non" of "non-exclusive" in an English one is a word as before.
    const [italian, english] = analysed('Il file non viene letto se è vuoto.\n', 'A non-exclusive licence to use the files.\n')
    expect(contentWords(italian)).toEqual(['file', 'letto', 'vuoto'])
    expect(contentWords(english)).toContain('non')
  })

  it('reads a French or Italian word without its elided article: "l\'option" is the "option" another sentence writes', () => {
    const [french, italian, english] = analysed(
      "Cette option remplace l'option d'origine, et elle est lue par le programme.\n",
      "Il nome dell'autore è scritto nel file dall'utente, come l'autore vuole.\n",
      "Thanks to Marco d'Itri and Diogo Teles Sant'Anna for the Itri port and the Anna tests.\n",
    )
    const matchOf = (doc: AnalysedDocument, word: string) =>
      doc.match[Array.from(doc.starts).findIndex((s, t) => doc.text.slice(s, doc.ends[t]) === word)]
    expect(matchOf(french, "l'option")).toBe(matchOf(french, 'option'))
    expect(matchOf(italian, "dell'autore")).toBe(matchOf(italian, "l'autore"))
    // Where spelling counts, they are written otherwise.
    expect(french.surface[1]).not.toBe(french.surface[3])
    // In an English sentence such a word is a name, read as written.
    expect(matchOf(english, "d'Itri")).not.toBe(matchOf(english, 'Itri'))
    expect(matchOf(english, "Sant'Anna")).not.toBe(matchOf(english, 'Anna'))
  })

  it("reads a capitalised function word in its sentence's language once its other words decide it, not a heading's", () => {
    // The line before a sentence (an option's name, a heading) is no full stop away from it.
    const [after, alone] = analysed(
      '-q, --quiet\n       Die Ausgabe wird beim Start des Dienstes unterdrückt, wenn sie nicht gebraucht wird.\n',
      'Die Ausgabe wird beim Start des Dienstes unterdrückt, wenn sie nicht gebraucht wird.\n',
    )
    expect(contentWords(after)).toEqual(['q', 'quiet', ...contentWords(alone)])
    expect(contentWords(alone)[0]).toBe('Ausgabe')
  })

  it('reads French negations after the verb, not "ne ... que" ("only")', () => {
    const [negations] = negationsIn(
      "Le fichier n'est pas lu, et il ne contient que des lignes que le programme ne lit jamais, non signées.\n",
    )
    expect(negations).toEqual(['pas', 'jamais', 'non'])
  })

  it("shows a German sentence's changes as an English one's: one function word between two changes is taken into them", () => {
    const text = (verb: string, object: string) =>
      `Der Dienst prüft beim Start jeden Eintrag der Datei sorgfältig, ${verb} die ${object} danach vollständig ein und meldet jeden Fehler in der Syntax sofort an den Verwalter.\n`
    const { overlaps } = findOverlaps([
      { id: 'a', text: text('liest', 'Datei') },
      { id: 'b', text: text('lädt', 'Konfiguration') },
    ])
    expect(overlaps).toHaveLength(1)
    const changes = overlaps[0].variants[0].changes!.filter((c) => c.op !== 'equal').map((c) => [c.a, c.b])
    expect(changes).toEqual([['liest die Datei', 'lädt die Konfiguration']])
  })

  it('reads the negating pronouns and determiners too ("nenhum", "niets", "nada", "niente")', () => {
    const negations = negationsIn(
      'Se nenhum arquivo for especificado, o programa lê a entrada padrão e escreve na saída.\n',
      'Als er niets opgegeven wordt, dan leest het programma de standaardinvoer en schrijft het naar de uitvoer.\n',
      'Si no se indica nada, el programa lee la entrada estándar y escribe en la salida.\n',
      'Se non viene indicato niente, il programma legge lo standard input e scrive sullo standard output.\n',
    )
    expect(negations).toEqual([['nenhum'], ['niets'], ['no', 'nada'], ['non', 'niente']])
  })

  it('reads a sentence as much in two languages as in the one its text is written in', () => {
    // "e", "de", "como" and "são" are Portuguese, and all but "são" Spanish too: Portuguese in a Portuguese page.
    const page =
      'O programa lê os arquivos da entrada e escreve o resultado na saída padrão.\n\n' +
      'Se nenhum arquivo for especificado, o programa lê a entrada padrão.\n\n' +
      'Os tamanhos são aceitos com um sufixo, e o valor padrão é usado quando não há nenhum.\n\n' +
      'Mi, m, M e MB são aceitos como sinônimos de MiB.\n'
    const [doc] = analysed(page)
    expect(contentWords(doc).slice(-6)).toEqual(['Mi', 'm', 'M', 'MB', 'aceitos', 'sinônimos', 'MiB'].slice(-6))
  })

  it('makes no overlap of a clause two German texts share in function words and three content words', () => {
    // Read as content words, "wird von dem ... nicht ... wenn die" made nine shared words.
    const shared = 'wird von dem Programm nicht gelesen, wenn die Datei'
    const { overlaps } = findOverlaps([
      { id: 'a', text: `Die Konfiguration des Dienstes ${shared} fehlt oder beschädigt ist.\n` },
      { id: 'b', text: `Eine Sicherungskopie im Heimatverzeichnis ${shared} auf einem Netzlaufwerk liegt.\n` },
    ])
    expect(overlaps).toEqual([])
  })

  it('finds a German sentence a mostly English text quotes and a German text has, as one overlap', () => {
    // Translated manual pages: a page left mostly in English keeps some German sentences, which
    // must have the same content words there as in a page translated whole.
    const shared =
      'Dieser Befehl ist für den Einsatz in großen Umgebungen vorgesehen, in der viele Konten gleichzeitig erstellt werden müssen.'
    const documents = [
      {
        id: 'english',
        text:
          'The chpasswd command reads a list of user name and password pairs from standard input and uses this information to update a group of existing users.\n\n' +
          `${shared}\n\nThe options which apply to the chpasswd command are listed below, with the files it reads and writes.\n`,
      },
      {
        id: 'german',
        text: `Der Befehl newusers liest eine Datei mit Paaren aus Benutzername und Passwort und aktualisiert die vorhandenen Benutzer.\n\n${shared}\n\nDie Optionen folgen.\n`,
      },
    ]
    const { overlaps } = findOverlaps(documents)
    expect(overlaps.map((o) => o.passages.map((p) => [p.doc, p.text]))).toEqual([
      [
        ['english', shared],
        ['german', shared],
      ],
    ])
  })
})

describe('translations', () => {
  it('are no copies: a page and its translation share names and code, not text (procps pages in English, French and German, a tester)', async () => {
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/translations`)
    const { overlaps } = findOverlaps(texts)
    const close = overlaps.filter((o) => o.kind !== 'paraphrase')
    const holding = (words: string) => close.filter((o) => o.passages.some((p) => p.text.replace(/\s+/g, ' ').includes(words)))
    // German sentences against their English originals: "Im einzelnen sind HUP, INT, KILL, STOP,
    // CONT und 0 nützliche Signale" / "Particularly useful signals include HUP, INT, KILL, STOP,
    // CONT, and 0", near-verbatim on the signals' names.
    expect(holding('Im einzelnen sind HUP')).toEqual([])
    expect(holding('MemFree und SwapFree')).toEqual([])
    // What the French page left in English is the English page's text, near-verbatim.
    const untranslated = holding('Used or unavailable memory')
    expect(untranslated.map((o) => o.passages.map((p) => p.doc).sort())).toContainEqual(['en-free', 'fr-free'])
  })

  it("are no paraphrases either (man-db's apropos(1) in English and whatis(1) in French, a tester)", async () => {
    // "displayed list of descriptions will include pages in sections" / "liste des descriptions
    // affichées inclura les pages des sections" share names and cognates.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/translation-paraphrase`)
    const { overlaps } = findOverlaps(texts)
    const translated = overlaps.filter((o) => o.passages.some((p) => /liste des descriptions/.test(p.text.replace(/\s+/g, ' '))))
    expect(translated).toEqual([])
    // A line of a German page that writes no function word is German: it restates another German
    // page's sentence (procps' pgrep(1) and pstree(1), a reviewer).
    const german = findOverlaps((await loadFolder(`${ROOT}/test/fixtures/engine/same-language-paraphrase`)).texts).overlaps
    expect(german.filter((o) => o.kind === 'paraphrase').map((o) => o.passages.map((p) => p.text.replace(/\s+/g, ' ')))).toContainEqual([
      'Verfügbare Namensräume: ipc, mnt, net, pid, user, uts.',
      expect.stringContaining('ipc, mnt, net, pid, time, user, uts'),
    ])
    // What whatis(1)'s translation left in English is apropos(1)'s text.
    expect(overlaps.some((o) => o.passages.every((p) => p.text.includes('See the SEARCH PATH section of manpath(5)')))).toBe(true)
  })
})
