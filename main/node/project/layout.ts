// The names of a project folder's files and folders (store.ts describes the layout) and of the
// bundled corpus's manifest (corpus.ts), in a module of their own: code that only needs to tell
// what a folder is (the CLI's engine commands, engine/inline.ts) need not load the store to know
// them.

export const PROJECT_FILE = 'project.json'
export const TAGS_FILE = 'tags.json'
export const DOCUMENTS_DIR = 'documents'
export const ANNOTATIONS_DIR = 'annotations'

/** The bundled corpus: a read-only folder of texts and manifest.json (a project file's shape). */
export const MANIFEST_FILE = 'manifest.json'
