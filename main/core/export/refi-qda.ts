import { XMLBuilder, XMLParser } from 'fast-xml-parser'

// REFI-QDA (https://www.qdasoftware.org): the exchange standard that QualCoder, ATLAS.ti, MAXQDA,
// NVivo and others read and write. A project exchange file (.qdpx) is a zip holding project.qde
// (XML, namespace urn:QDA-XML:project:1.0, schema Project.xsd of 2019) and the sources under
// sources/; a codebook exchange file (.qdc) is XML in urn:QDA-XML:codebook:1.0. This module is the
// XML side only (build and parse); zipping is in main/node.
//
// Positions: PlainTextSelection startPosition/endPosition are 0-based character offsets into the
// source's plain text, end exclusive. "Character" means Unicode code point: that is how QualCoder
// (Python str indices) reads and writes them, and it is what the W3C TextPositionSelector counts,
// so Parallax's own positions go into the file unchanged. Line endings are the other source of
// drift between tools (ATLAS.ti counts "\r\n" as one character, others as two), so exported
// sources use "\n" only; see main/node/export/export.ts.

export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0'
export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0'

export interface QdaUser {
  guid: string
  name: string
}

export interface QdaCode {
  guid: string
  name: string
  /** #rrggbb, or undefined when the code has none. */
  color?: string
  description: string
  /** False for a category that only groups other codes. */
  isCodable: boolean
  children: QdaCode[]
  /**
   * GUIDs of the notes on the code (NoteRef targetGUID; a project's codes only, a .qdc has no
   * notes): Parallax writes a tag's memo as one, beside its Description (export.ts codeTree).
   */
  noteGuids?: string[]
}

export interface QdaSelection {
  guid: string
  name: string
  /** [startPosition, endPosition) in code points. */
  start: number
  end: number
  creatingUser?: string
  creationDateTime?: string
  /** The selection's memo (Description element). */
  description: string
  /** GUIDs of the codes applied (Coding/CodeRef targetGUID). */
  codeGuids: string[]
  /** GUIDs of the notes attached (NoteRef targetGUID). */
  noteGuids: string[]
}

export interface QdaSource {
  guid: string
  name: string
  /** "internal://<file>" (in sources/ of the .qdpx) or another URL; or undefined with `plainTextContent`. */
  plainTextPath?: string
  /** The text inline (PlainTextContent), when the source carries it. */
  plainTextContent?: string
  description: string
  creatingUser?: string
  creationDateTime?: string
  selections: QdaSelection[]
  /** Variable values by variable name (Text values only). */
  variables: Record<string, string>
  /** GUIDs of the notes the source refers to (TextSource NoteRef: QualCoder's annotations). */
  noteGuids?: string[]
}

export interface QdaNote {
  guid: string
  name: string
  /** The note's text (PlainTextContent); '' when it is in a file (`plainTextPath`). */
  text: string
  /** "internal://<file>" when the text is in the archive (NVivo, QualCoder journals). */
  plainTextPath?: string
  creatingUser?: string
  creationDateTime?: string
  /** Passages the note is about (a memo on a selection; read on import, not written). */
  selections?: QdaSelection[]
}

/** A Link between two objects (NVivo links an annotation's Note to the selection it is on). */
export interface QdaLink {
  origin: string
  target: string
}

export interface QdaProject {
  name: string
  origin: string
  creationDateTime?: string
  users: QdaUser[]
  codes: QdaCode[]
  sources: QdaSource[]
  notes: QdaNote[]
  description: string
  /** Links (read on import, not written). */
  links?: QdaLink[]
  /**
   * What the file holds that Parallax cannot bring in, by kind ("PDF sources", "cases", …) with
   * a count (read on import).
   */
  unsupported?: Record<string, number>
}

/** A REFI-QDA file that cannot be read: the message says why, in one line. */
export class QdaFormatError extends Error {}

/** Characters XML 1.0 cannot carry (C0 controls other than tab, line feed, carriage return; lone surrogates; U+FFFE/U+FFFF). */
const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Text made safe for an XML element or attribute: invalid characters dropped, line ends as "\n". */
export function xmlText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(XML_INVALID, '')
}

/** A one-line name for a selection: the start of its quote. */
export function selectionName(quote: string, max = 60): string {
  const line = xmlText(quote).replace(/\s+/g, ' ').trim()
  return line.length > max ? line.slice(0, max - 1) + '…' : line
}

/**
 * A GUID derived from a key, so the same project exports the same file twice (and diffs well).
 * Four 32-bit FNV-1a hashes with different seeds; not cryptographic, only stable and well spread.
 */
export function guidFor(key: string): string {
  const m = key.match(/^(?:urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i)
  if (m) return m[1].toLowerCase()
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => {
    let h = seed >>> 0
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i)
      h = Math.imul(h, 0x01000193) >>> 0
    }
    h ^= h >>> 15
    h = Math.imul(h, 0x2c1b3c6d) >>> 0
    h ^= h >>> 12
    return (h >>> 0).toString(16).padStart(8, '0')
  })
  const hex = words.join('')
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

type Node = Record<string, unknown>

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
})

function attrs(values: Record<string, string | number | boolean | undefined>): Node {
  const out: Node = {}
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== '') out[`@_${k}`] = typeof v === 'string' ? xmlText(v) : String(v)
  return out
}

function codeNode(code: QdaCode): Node {
  const node: Node = attrs({ guid: code.guid, name: code.name, isCodable: code.isCodable, color: code.color })
  if (code.description) node.Description = xmlText(code.description)
  if (code.noteGuids?.length) node.NoteRef = code.noteGuids.map((g) => attrs({ targetGUID: g }))
  if (code.children.length) node.Code = code.children.map(codeNode)
  return node
}

/** The project.qde XML of a project. Elements come in the order Project.xsd requires. */
export function buildQde(project: QdaProject): string {
  const variableNames = [...new Set(project.sources.flatMap((s) => Object.keys(s.variables)))]
  const variableGuid = (name: string) => guidFor(`variable:${name}`)
  const root: Node = {
    ...attrs({ xmlns: QDE_NAMESPACE, name: project.name, origin: project.origin, creationDateTime: project.creationDateTime }),
  }
  if (project.users.length) root.Users = { User: project.users.map((u) => attrs({ guid: u.guid, name: u.name })) }
  if (project.codes.length) root.CodeBook = { Codes: { Code: project.codes.map(codeNode) } }
  if (variableNames.length) {
    root.Variables = { Variable: variableNames.map((name) => attrs({ guid: variableGuid(name), name, typeOfVariable: 'Text' })) }
  }
  if (project.sources.length) {
    root.Sources = {
      TextSource: project.sources.map((s) => {
        const node: Node = attrs({
          guid: s.guid,
          name: s.name,
          plainTextPath: s.plainTextPath,
          creatingUser: s.creatingUser,
          creationDateTime: s.creationDateTime,
        })
        if (s.description) node.Description = xmlText(s.description)
        if (s.plainTextContent !== undefined && !s.plainTextPath) node.PlainTextContent = xmlText(s.plainTextContent)
        if (s.selections.length) {
          node.PlainTextSelection = s.selections.map((sel) => {
            const n: Node = attrs({
              guid: sel.guid,
              name: sel.name,
              startPosition: sel.start,
              endPosition: sel.end,
              creatingUser: sel.creatingUser,
              creationDateTime: sel.creationDateTime,
            })
            if (sel.description) n.Description = xmlText(sel.description)
            if (sel.codeGuids.length) {
              n.Coding = sel.codeGuids.map((code) => ({
                ...attrs({
                  guid: guidFor(`coding:${sel.guid}:${code}`),
                  creatingUser: sel.creatingUser,
                  creationDateTime: sel.creationDateTime,
                }),
                CodeRef: attrs({ targetGUID: code }),
              }))
            }
            if (sel.noteGuids.length) n.NoteRef = sel.noteGuids.map((g) => attrs({ targetGUID: g }))
            return n
          })
        }
        const values = Object.entries(s.variables).filter(([, v]) => v)
        if (values.length) {
          node.VariableValue = values.map(([name, value]) => ({
            VariableRef: attrs({ targetGUID: variableGuid(name) }),
            TextValue: xmlText(value),
          }))
        }
        return node
      }),
    }
  }
  if (project.notes.length) {
    root.Notes = {
      Note: project.notes.map((n) => ({
        ...attrs({ guid: n.guid, name: n.name, creatingUser: n.creatingUser, creationDateTime: n.creationDateTime }),
        PlainTextContent: xmlText(n.text),
      })),
    }
  }
  if (project.description) root.Description = xmlText(project.description)
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, Project: root }) as string
}

/** The .qdc XML of a codebook. */
export function buildQdc(codes: readonly QdaCode[], origin: string): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    CodeBook: { ...attrs({ xmlns: QDC_NAMESPACE, origin }), Codes: { Code: codes.map(codeNode) } },
  }) as string
}

const ARRAYS = new Set([
  'Case',
  'Set',
  'Graph',
  'Link',
  'User',
  'Code',
  'TextSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'Note',
  'Variable',
  'VariableValue',
  'PDFSource',
  'PictureSource',
  'AudioSource',
  'VideoSource',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
})

/** Parses XML, refusing DTDs (entity expansion is a way to make a small file huge). */
function parseXml(xml: string, what: string): Node {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new QdaFormatError(`${what}: document type declarations are not allowed`)
  try {
    return parser.parse(xml, true) as Node
  } catch (e) {
    const detail = e && typeof e === 'object' && 'err' in e ? (e as { err: { msg: string } }).err.msg : (e as Error).message
    throw new QdaFormatError(`${what} is not well-formed XML: ${detail}`)
  }
}

function text(node: unknown): string {
  if (node === undefined || node === null) return ''
  if (typeof node === 'string') return node
  if (typeof node === 'object' && '#text' in (node as Node)) return String((node as Node)['#text'])
  return ''
}

function attr(node: Node, name: string): string | undefined {
  const v = node[`@_${name}`]
  return typeof v === 'string' ? v : undefined
}

function list(node: unknown, name: string): Node[] {
  if (!node || typeof node !== 'object') return []
  const v = (node as Node)[name]
  return Array.isArray(v) ? (v as Node[]) : v && typeof v === 'object' ? [v as Node] : []
}

function need(node: Node, name: string, where: string): string {
  const v = attr(node, name)
  if (v === undefined) throw new QdaFormatError(`${where} lacks the required attribute ${name}`)
  return v
}

function parseCode(node: Node, where: string): QdaCode {
  const guid = need(node, 'guid', where)
  const name = need(node, 'name', `${where} ${guid}`)
  const color = attr(node, 'color')
  return {
    guid,
    name,
    color: color && /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(color) ? color : undefined,
    description: text(node.Description).trim(),
    // xsd:boolean: "false" or "0"; a missing attribute means codable (as QualCoder reads it).
    isCodable: !/^\s*(false|0)\s*$/i.test(attr(node, 'isCodable') ?? ''),
    children: list(node, 'Code').map((c) => parseCode(c, where)),
    noteGuids: refs(node),
  }
}

function position(node: Node, name: string, where: string): number {
  const raw = need(node, name, where)
  if (!/^\s*\d+\s*$/.test(raw)) throw new QdaFormatError(`${where}: ${name} "${raw}" is not a whole number`)
  return Number(raw)
}

/** GUIDs a node refers to with NoteRef children. */
function refs(node: Node): string[] {
  return list(node, 'NoteRef')
    .map((r) => attr(r, 'targetGUID'))
    .filter((g): g is string => !!g)
}

function parseSelection(sel: Node, where: string): QdaSelection {
  const sguid = need(sel, 'guid', `PlainTextSelection in ${where}`)
  const swhere = `PlainTextSelection ${sguid}`
  return {
    guid: sguid,
    name: attr(sel, 'name') ?? '',
    start: position(sel, 'startPosition', swhere),
    end: position(sel, 'endPosition', swhere),
    creatingUser: attr(sel, 'creatingUser'),
    creationDateTime: attr(sel, 'creationDateTime'),
    description: text(sel.Description).trim(),
    codeGuids: list(sel, 'Coding').flatMap((c) =>
      list(c, 'CodeRef')
        .map((r) => attr(r, 'targetGUID'))
        .filter((g): g is string => !!g),
    ),
    noteGuids: refs(sel),
  }
}

/** Reads a project.qde. Throws a QdaFormatError for what is not a REFI-QDA project. */
export function parseQde(xml: string): QdaProject {
  const doc = parseXml(xml, 'project.qde')
  const project = doc.Project as Node | undefined
  if (!project || typeof project !== 'object') throw new QdaFormatError('project.qde has no Project element (is it a REFI-QDA project?)')
  const variables = new Map(list(project.Variables, 'Variable').map((v) => [attr(v, 'guid') ?? '', attr(v, 'name') ?? '']))
  const textSource = (s: Node, what: string, name = attr(s, 'name') ?? ''): QdaSource => {
    const guid = need(s, 'guid', what)
    const where = `${what} ${guid}`
    const vars: Record<string, string> = {}
    for (const vv of list(s, 'VariableValue')) {
      const ref = list(vv, 'VariableRef')[0]
      const name = ref ? variables.get(attr(ref, 'targetGUID') ?? '') : undefined
      if (name && vv.TextValue !== undefined) vars[name] = text(vv.TextValue)
    }
    return {
      guid,
      name,
      plainTextPath: attr(s, 'plainTextPath'),
      plainTextContent: s.PlainTextContent !== undefined ? text(s.PlainTextContent) : undefined,
      description: text(s.Description).trim(),
      creatingUser: attr(s, 'creatingUser'),
      creationDateTime: attr(s, 'creationDateTime'),
      variables: vars,
      selections: list(s, 'PlainTextSelection').map((sel) => parseSelection(sel, where)),
      noteGuids: refs(s),
    }
  }
  const sources: QdaSource[] = list(project.Sources, 'TextSource').map((s) => textSource(s, 'TextSource'))
  // A PDF source may carry its text as a Representation (a text source with its own selections).
  let pdfWithoutText = 0
  for (const pdf of list(project.Sources, 'PDFSource')) {
    const representation = list(pdf, 'Representation')[0]
    if (representation && (attr(representation, 'plainTextPath') || representation.PlainTextContent !== undefined)) {
      const source = textSource(representation, 'Representation', attr(pdf, 'name') ?? '')
      source.variables = { ...textSource(pdf, 'PDFSource').variables, ...source.variables }
      sources.push(source)
    } else pdfWithoutText++
  }
  const unsupported: Record<string, number> = {
    'PDF sources without text': pdfWithoutText,
    'picture sources': list(project.Sources, 'PictureSource').length,
    'audio sources': list(project.Sources, 'AudioSource').length,
    'video sources': list(project.Sources, 'VideoSource').length,
    cases: list(project.Cases, 'Case').length,
    sets: list(project.Sets, 'Set').length,
    graphs: list(project.Graphs, 'Graph').length,
  }
  return {
    name: attr(project, 'name') ?? '',
    origin: attr(project, 'origin') ?? '',
    creationDateTime: attr(project, 'creationDateTime'),
    users: list(project.Users, 'User').map((u) => ({ guid: need(u, 'guid', 'User'), name: attr(u, 'name') ?? '' })),
    codes: list((project.CodeBook as Node | undefined)?.Codes, 'Code').map((c) => parseCode(c, 'Code')),
    sources,
    notes: list(project.Notes, 'Note').map((n) => {
      const guid = need(n, 'guid', 'Note')
      return {
        guid,
        name: attr(n, 'name') ?? '',
        text: text(n.PlainTextContent),
        plainTextPath: attr(n, 'plainTextPath'),
        creatingUser: attr(n, 'creatingUser'),
        creationDateTime: attr(n, 'creationDateTime'),
        selections: list(n, 'PlainTextSelection').map((sel) => parseSelection(sel, `Note ${guid}`)),
      }
    }),
    description: text(project.Description).trim(),
    links: list(project.Links, 'Link')
      .map((l) => ({ origin: attr(l, 'originGUID') ?? '', target: attr(l, 'targetGUID') ?? '' }))
      .filter((l) => l.origin && l.target),
    unsupported: Object.fromEntries(Object.entries(unsupported).filter(([, n]) => n > 0)),
  }
}

/** Reads a codebook: a .qdc (CodeBook root) or the CodeBook of a project.qde. */
export function parseQdc(xml: string): QdaCode[] {
  const doc = parseXml(xml, 'the codebook')
  const book = (doc.CodeBook as Node | undefined) ?? ((doc.Project as Node | undefined)?.CodeBook as Node | undefined)
  if (!book || typeof book !== 'object') throw new QdaFormatError('the file has no CodeBook element (is it a REFI-QDA codebook, .qdc?)')
  return list(book.Codes, 'Code').map((c) => parseCode(c, 'Code'))
}
