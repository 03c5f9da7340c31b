// Memos: the reader's notes about a tag (a code memo) or a whole document, not about a passage, as
// QDA tools keep them (MAXQDA's code and document memos, ATLAS.ti's comments, QualCoder's memos).
// Stored as an optional `memo` key (Markdown) on the tag in tags.json and on the document entry in
// project.json; written with the other fields of those files, so the same lock, durable write and
// undo apply. Rendered by the notes' renderer (main/core/export/note.ts).

/** Longest memo accepted (characters): a memo is a note, not a document; the files stay small to rewrite. */
export const MAX_MEMO_LENGTH = 100_000

/**
 * `item` with its memo set to `memo`: trailing white space trimmed; an empty memo is no memo (the
 * key is left out, so the file reads as it did before any memo). `undefined` leaves it as it is.
 */
export function withMemo<T extends { memo?: string }>(item: T, memo: string | undefined): T {
  if (memo === undefined) return item
  const { memo: _old, ...rest } = item
  const text = memo.replace(/(?<!\s)\s+$/, '')
  return (text.trim() ? { ...rest, memo: text } : rest) as T
}

/** An item's memo, '' when it has none. */
export function memoOf(item: { memo?: string } | undefined): string {
  return item?.memo?.trim() ? item.memo : ''
}
