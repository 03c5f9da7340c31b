// The CLI's entry as it was named before run.cjs (which see), for scripts that run it by this
// path: the same command line, through Node's ES module loader first (some milliseconds more).
import './run.cjs'
