import { z } from 'zod'

// tags.json: the codebook. Tags are referenced from annotations by id, so renaming a tag never
// touches an annotation file.

export const Tag = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().min(1),
  /** CSS hex colour, #rrggbb. */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Id of the parent tag, or null at the top level. */
  parent: z.string().nullable().default(null),
  description: z.string().default(''),
})
export type Tag = z.infer<typeof Tag>

export const CodebookFile = z.looseObject({
  tags: z.array(Tag).default([]),
})
export type CodebookFile = z.infer<typeof CodebookFile>

/**
 * Colours given to new tags in turn: distinguishable from each other, readable as a highlight
 * under dark text in the light theme and under light text (at reduced opacity) in the dark theme.
 */
export const TAG_PALETTE = [
  '#e6a23c', '#5b8ff9', '#5ad8a6', '#e8684a', '#9270ca',
  '#ff9d4d', '#269a99', '#ff99c3', '#6dc8ec', '#c2a25b',
]

/** The colour for the n-th tag of a codebook. */
export function paletteColour(n: number): string {
  return TAG_PALETTE[n % TAG_PALETTE.length]
}

/** Finds a tag by name, ignoring case and surrounding space. */
export function findTagByName(tags: readonly Tag[], name: string): Tag | undefined {
  const key = name.trim().toLocaleLowerCase()
  return tags.find((t) => t.name.trim().toLocaleLowerCase() === key)
}
