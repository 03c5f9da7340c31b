import type { ParseArgsConfig } from 'node:util'
import { noteOf, tagIdsOf } from '../../core/annotations/annotation.js'
import { ApiError } from '../../core/contract/api.js'
import { findTagByName, type Tag, tagTree } from '../../core/annotations/codebook.js'
import { parseSubcommand, UsageError } from './error.js'
import type { Service } from '../service/service.js'

// CLI commands for the codebook and for reading annotations back:
//   tags list|create|rename|merge|delete [...] [--project DIR] [--json]
//   annotations [--tag NAME]... [--doc ID]... [--project DIR] [--json]
//   memo --tag NAME | --doc ID [--set TEXT] [--project DIR] [--json]

export const CODEBOOK_USAGE = `  tags list [--json]                          the codebook as a tree, with counts
  tags create NAME [--parent NAME] [--colour #RRGGBB] [--description TEXT] [--memo TEXT]
  tags rename NAME NEW-NAME                   annotations follow (tags are referenced by id)
  tags merge FROM INTO                        FROM's annotations and sub-tags move to INTO
  tags delete NAME [--reassign NAME]          without --reassign, FROM is removed from its annotations
  tags import FILE.qdc                        add the codes of a REFI-QDA codebook (.qdc or .qdpx)
  memo --tag NAME | --doc ID [--set TEXT] [--json]
                                              a tag's or a document's memo (Markdown); --set
                                              replaces it ('' removes it)
  annotations [--tag NAME]... [--doc ID]... [--json]
                                              annotations with their anchoring status
                                              (anchored, moved, orphan); --tag includes sub-tags`

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
}

/** A codebook subcommand's arguments (--json is known to all of them). */
function parse(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  command: string,
): { values: Record<string, unknown>; positionals: string[] } {
  return parseSubcommand(args, { json: { type: 'boolean' }, ...options }, command)
}

/** The tag a person names: by name (any case) or by id. */
function tagNamed(tags: readonly Tag[], name: string): Tag {
  const tag = findTagByName(tags, name) ?? tags.find((t) => t.id === name)
  if (!tag) throw new ApiError('not-found', `no tag named "${name}"`)
  return tag
}

/** The project the command line names (--project), opened by `open`. */
export type Opener = (project: string | undefined) => Promise<Service>

export async function tagsCommand(args: string[], io: CliIo, open: Opener): Promise<number> {
  const [sub, ...rest] = args
  const { values, positionals } = parse(
    rest,
    {
      parent: { type: 'string' },
      colour: { type: 'string' },
      description: { type: 'string' },
      memo: { type: 'string' },
      reassign: { type: 'string' },
    },
    `tags ${sub ?? ''}`.trim(),
  )
  const want = (n: number, names: string) => {
    if (positionals.length !== n) throw new UsageError(`tags ${sub}: expected ${names}`)
  }
  if (!['list', 'create', 'rename', 'merge', 'delete', 'import'].includes(sub))
    throw new UsageError(`tags: expected list, create, rename, merge, delete or import${sub ? `, not "${sub}"` : ''}`)
  if (sub === 'list') want(0, 'no arguments')
  if (sub === 'create' || sub === 'delete') want(1, 'one tag name')
  if (sub === 'import') want(1, 'one codebook file (.qdc or .qdpx)')
  if (sub === 'rename' || sub === 'merge') want(2, 'two tag names')
  const service = await open(values.project as string | undefined)
  const tags = () => service.project.codebook.tags
  if (values.memo !== undefined && sub !== 'create')
    throw new UsageError(`tags ${sub}: --memo is for tags create (a tag's memo: parallax memo --tag NAME)`)

  if (sub === 'list') {
    const view = await service.getProject()
    const rows = view.tags.map((t) => ({ ...t, count: view.tagCounts[t.id] ?? 0 }))
    if (values.json) io.out(JSON.stringify({ tags: rows }, null, 2))
    else {
      for (const { tag: t, depth } of tagTree(rows)) {
        io.out(`${'  '.repeat(depth)}${t.name}  ${t.colour}  ${t.count} annotation(s)${t.description ? `  — ${t.description}` : ''}`)
      }
      if (rows.length === 0) io.err('the codebook is empty')
    }
    return 0
  }
  let result: unknown
  if (sub === 'import') {
    const { added } = await service.importCodebook({ path: positionals[0] })
    io.err(`added ${added.length} tag(s)${added.length ? '' : ' (every code matched a tag of the same name)'}`)
    result = { added }
  } else if (sub === 'create') {
    const parent = values.parent ? tagNamed(tags(), values.parent as string).id : null
    result = (
      await service.createTag({
        name: positionals[0],
        parent,
        colour: values.colour as string | undefined,
        description: values.description as string | undefined,
        memo: values.memo as string | undefined,
      })
    ).tag
  } else if (sub === 'rename') {
    result = (await service.updateTag({ id: tagNamed(tags(), positionals[0]).id, name: positionals[1] })).tag
  } else if (sub === 'merge') {
    const r = await service.mergeTags({ from: tagNamed(tags(), positionals[0]).id, into: tagNamed(tags(), positionals[1]).id })
    io.err(`moved ${r.moved} annotation(s)`)
    result = r.into
  } else {
    const id = tagNamed(tags(), positionals[0]).id
    const reassignTo = values.reassign ? tagNamed(tags(), values.reassign as string).id : undefined
    const r = await service.deleteTag({ id, reassignTo })
    io.err(`${reassignTo ? 'reassigned' : 'removed the tag from'} ${r.changed} annotation(s)`)
    result = { deleted: id }
  }
  io.out(JSON.stringify(result, null, 2))
  return 0
}

/**
 * `memo --tag NAME | --doc ID [--set TEXT] [--json]`: prints a tag's or a document's memo
 * (Markdown), or sets it with --set ('' removes it; undoable in the app).
 */
export async function memoCommand(args: string[], io: CliIo, open: Opener): Promise<number> {
  const { values, positionals } = parse(args, { tag: { type: 'string' }, doc: { type: 'string' }, set: { type: 'string' } }, 'memo')
  if (positionals.length) throw new UsageError(`memo: unexpected argument "${positionals[0]}" (the text goes after --set)`)
  if ((values.tag === undefined) === (values.doc === undefined)) throw new UsageError('memo: name either --tag NAME or --doc ID')
  const service = await open(values.project as string | undefined)
  const set = values.set as string | undefined
  let memo: string
  let about: Record<string, string>
  if (values.tag !== undefined) {
    const tag = tagNamed(service.project.codebook.tags, values.tag as string)
    memo = (set === undefined ? tag : (await service.setTagMemo({ id: tag.id, memo: set })).tag).memo ?? ''
    about = { tag: tag.name, id: tag.id }
  } else {
    const doc = service.project.document(values.doc as string)
    memo = (set === undefined ? doc : (await service.setDocumentMemo({ id: doc.id, memo: set })).document).memo ?? ''
    about = { document: doc.id, title: doc.title }
  }
  if (values.json) io.out(JSON.stringify({ ...about, memo }, null, 2))
  else if (memo) io.out(memo)
  else io.err(set === undefined ? 'no memo' : 'memo removed')
  return 0
}

export async function annotationsCommand(args: string[], io: CliIo, open: Opener): Promise<number> {
  const { values, positionals } = parse(
    args,
    { tag: { type: 'string', multiple: true }, doc: { type: 'string', multiple: true } },
    'annotations',
  )
  if (positionals.length) throw new UsageError(`annotations: unexpected argument "${positionals[0]}"`)
  const service = await open(values.project as string | undefined)
  const tags = service.project.codebook.tags
  const tagIds = ((values.tag as string[] | undefined) ?? []).map((n) => tagNamed(tags, n).id)
  const docIds = (values.doc as string[] | undefined) ?? []
  for (const id of docIds) service.project.document(id)
  const { items } = await service.retrieve({ tagIds, docIds, includeChildren: true })
  const name = (id: string) => tags.find((t) => t.id === id)?.name ?? id
  const rows = items.map((i) => ({
    doc: i.docId,
    id: i.annotation.id,
    status: i.status,
    start: i.start,
    end: i.end,
    quote: i.quote,
    tags: tagIdsOf(i.annotation).map(name),
    note: noteOf(i.annotation),
    annotation: i.annotation,
  }))
  if (values.json) io.out(JSON.stringify({ annotations: rows }, null, 2))
  else
    for (const r of rows)
      io.out(`${r.doc}\t${r.start}..${r.end}\t${r.status}\t${r.tags.join(', ') || '—'}\t${r.quote.replace(/\s+/g, ' ').slice(0, 80)}`)
  return 0
}
