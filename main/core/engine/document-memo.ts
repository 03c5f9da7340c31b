// What the engine's modules read of a whole document (its headings, its code and markup, the
// signs between its words), read once per document. (A module of its own, importing nothing:
// the modules that read so make their memos as they load, whatever order a cycle of imports
// loads them in.)

/**
 * What `read` gives for a document, read at the first question about that document and kept as
 * long as the document object lives (a WeakMap by the object): for a run, one reading per
 * document however many passages ask. SpanMemo (analyse.ts) is the same for a span of a text.
 * `read` gives no undefined: a document that gave it would be read again at each question.
 */
export class DocumentMemo<D extends object, T extends NonNullable<unknown>> {
  private readonly found = new WeakMap<D, T>()

  constructor(private readonly read: (doc: D) => T) {}

  /** What `read` gives for `doc`. */
  get(doc: D): T {
    let value = this.found.get(doc)
    if (value === undefined) {
      value = this.read(doc)
      this.found.set(doc, value)
    }
    return value
  }

  /** What `read` gave for `doc` if it was asked already, without reading it; else undefined. */
  held(doc: D): T | undefined {
    return this.found.get(doc)
  }
}
