/**
 * Ids given once each: an id given before gets "-2", "-3", ... in the order asked. Two overlaps
 * listed have different passages (contained.ts shownTwice), but their ids are 32-bit hashes of
 * them (overlaps.ts overlapId): among the changelogs' 13,683 overlaps, two share one with a
 * chance of about 2% (the birthday bound), and a reader's selection of an overlap, which is by
 * its id, would show the other. (A hash's id, "ov-" and eight hexadecimal digits, is never a
 * numbered one.)
 */
export class UniqueIds {
  private readonly given = new Map<string, number>()

  /** `id`, numbered when it was given before. */
  of(id: string): string {
    const count = (this.given.get(id) ?? 0) + 1
    this.given.set(id, count)
    return count === 1 ? id : `${id}-${count}`
  }
}
