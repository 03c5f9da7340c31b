import * as z from 'zod'

// project.json: what a project folder holds. Unknown keys are kept (z.looseObject) so a file
// written by a newer version, or edited by hand, loses nothing when this version rewrites it.

/** One excluded span of a document, [start, end) in code points, with an optional reason. */
export const ExcludedRange = z
  .looseObject({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    reason: z.string().optional(),
  })
  .refine((r) => r.end > r.start, 'end must be after start')
export type ExcludedRange = z.infer<typeof ExcludedRange>

/** Metadata of one document, as stored in project.json and the corpus manifest. */
export const DocumentEntry = z.looseObject({
  /** Stable id: names the annotations file (annotations/<id>.json). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and hyphens'),
  /** File name inside documents/ (no folders). */
  file: z
    .string()
    .min(1)
    .refine((f) => !/[\\/]/.test(f) && f !== '.' && f !== '..', 'a plain file name, without folders'),
  title: z.string(),
  author: z.string().default(''),
  outlet: z.string().default(''),
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or empty when the text states none. */
  date: z.string().default(''),
  url: z.string().default(''),
  /**
   * Spans left out of analysis (site text and the like), [start, end) in code points; the file
   * itself is never changed. Optional, so project files written before it stay valid.
   */
  excluded: z.array(ExcludedRange).optional(),
  /**
   * The reader's memo on the document (Markdown): a note about the document as a whole, not about
   * a passage. Optional, so project files written before it stay valid.
   */
  memo: z.string().optional(),
})
export type DocumentEntry = z.infer<typeof DocumentEntry>

export const ProjectFile = z
  .looseObject({
    name: z.string(),
    documents: z.array(DocumentEntry).default([]),
    settings: z
      .looseObject({
        /**
         * The reader's name: the author of a DOCX export, the user of a REFI-QDA one. Optional, so
         * project files written before it stay valid (and older versions keep it, unknown keys
         * being kept).
         */
        readerName: z.string().optional(),
      })
      .default({}),
  })
  .superRefine((p, ctx) => {
    for (const key of ['id', 'file'] as const) {
      const seen = new Set<string>()
      for (const d of p.documents) {
        if (seen.has(d[key])) ctx.addIssue({ code: 'custom', path: ['documents'], message: `two documents share the ${key} "${d[key]}"` })
        seen.add(d[key])
      }
    }
  })
export type ProjectFile = z.infer<typeof ProjectFile>

/** The bundled corpus's manifest has the same shape as a project file. */
export const CorpusManifest = ProjectFile
