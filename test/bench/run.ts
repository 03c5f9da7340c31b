// The benchmark runner: `npm run --silent bench -- <name> [options]`. Each bench is a module of
// this folder exporting `main(args): Promise<number>` (the exit code); add one by adding its name
// here. Benchmarks measure, they do not judge: figures go to stdout (a table, or JSON with
// --json), and nothing fails on a slow run.

const BENCHES: Record<string, { about: string; load: () => Promise<{ main: (args: string[]) => Promise<number> }> }> = {
  engine: {
    about: 'text-reuse engine side by side with sim_text: floor, engine, sim_text, coverage on three corpora',
    load: () => import('./engine.js'),
  },
  stability: {
    about:
      'adding a real document (Debian copyright files, --corpus bundled, --folder DIR): what the engine found among the others, kept or lost',
    load: () => import('./stability.js'),
  },
  scaling: {
    about: 'how the engine grows: generated lists, versions, editions, reprints and short documents at doubling sizes',
    load: () => import('./scaling.js'),
  },
  reader: {
    about: "the bundled corpus against a careful reader's marks (reader-marks.json): marks found, overlaps that meet none",
    load: () => import('./reader.js'),
  },
  paraphrases: {
    about: "the engine's paraphrases on 31 review corpora against two reviewers' verdicts: true, partial, false, unjudged, lost",
    load: () => import('./paraphrases.js'),
  },
  ui: { about: 'UI in Chromium: app ready, a 1 MiB document opening, scrolling 10,000 highlights', load: () => import('./ui.js') },
  annotations: {
    about: 'creating an annotation until durable; loading a project with 10,000 annotations',
    load: () => import('./annotations.js'),
  },
  search: {
    about: 'full-text search in a 50 MB single-line document: seconds, event-loop stalls, RSS',
    load: () => import('./search.js'),
  },
  import: {
    about: 'importing deep HTML and heavy PDFs (worker vs inline): seconds, longest event-loop stall, outcome',
    load: () => import('./import.js'),
  },
  passim: {
    about: 'importing a generated 1,000,000-record passim output (about 1 GB): seconds and peak RSS',
    load: () => import('./passim.js'),
  },
}

const USAGE = `Usage: npm run --silent bench -- <name> [--json] [options]

Benchmarks:
${Object.entries(BENCHES)
  .map(([name, b]) => `  ${name.padEnd(11)} ${b.about}`)
  .join('\n')}`

const [benchName, ...args] = process.argv.slice(2)
const bench = benchName ? BENCHES[benchName] : undefined
if (!bench) {
  process.stderr.write(`${benchName ? `bench: unknown benchmark "${benchName}"\n\n` : ''}${USAGE}\n`)
  process.exitCode = 2
} else {
  try {
    process.exitCode = await (await bench.load()).main(args)
  } catch (error) {
    // A mistake in the options (node:util parseArgs): said in one line, not as a stack trace.
    const code = (error as { code?: unknown }).code
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw error
    process.stderr.write(`bench ${benchName}: ${(error as Error).message}\n`)
    process.exitCode = 2
  }
}

export {}
