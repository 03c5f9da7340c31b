import { describe, expect, it } from 'vitest'
import { nameOtherCode } from '../../main/core/engine/code-names.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { analysed } from '../helpers.js'

// Statements written to one template about different code are no paraphrase (code-names.ts).

describe('nameOtherCode', () => {
  const all = (x: ReturnType<typeof analysed>[number]) => [x, 0, x.starts.length - 1] as const
  it('tells one template said of two pieces of code from one piece of code said twice', () => {
    const [url, mime, urlAgain, clear, clearTty, perSocket, connections, gzip, decompress, unlimited, pool, words] = analysed(
      'Creates a new `URL` object by parsing the `input` relative to the `base`.',
      'Creates a new `MIMEType` object by parsing the `input`.',
      'The `URL` constructor parses `input` against `base` and returns the new object.',
      'The `readline.clearScreenDown()` method clears the given TTY stream from the current position of the cursor down.',
      '`writeStream.clearScreenDown()` clears this `WriteStream` from the current cursor down.',
      "When the number of requests on a socket reaches the threshold of `server.maxRequestsPerSocket`, the server will drop new requests and emit `'dropRequest'` event instead.",
      "When the number of connections reaches the threshold of `server.maxConnections`, the server will drop new connections and emit `'drop'` event instead.",
      "Decompresses the response from `http.request` if it's gzipped.",
      'The `decompress` interceptor automatically decompresses response bodies that are compressed with gzip.',
      'The pool it creates uses the default unlimited `connections`.',
      'When set to `null` the pool creates an unlimited number of clients.',
      'Creates a new object by parsing the input.',
    )
    // Different objects: one name in common (`input`, `server`), and each names one the other lacks.
    expect(nameOtherCode(...all(url), ...all(mime))).toBe(true)
    expect(nameOtherCode(...all(perSocket), ...all(connections))).toBe(true)
    // One object: the names are shared.
    expect(nameOtherCode(...all(url), ...all(urlAgain))).toBe(false)
    // One method of two objects: one name in common of three.
    expect(nameOtherCode(...all(clear), ...all(clearTty))).toBe(false)
    // The other side says in words what this one writes as code ("decompresses").
    expect(nameOtherCode(...all(gzip), ...all(decompress))).toBe(false)
    // A value written as code names nothing.
    expect(nameOtherCode(...all(unlimited), ...all(pool))).toBe(false)
    // A side that names no code.
    expect(nameOtherCode(...all(url), ...all(words))).toBe(false)
  })
})

describe('findOverlaps, API documentation written to templates', () => {
  it('reports no paraphrase between two limits described alike, and keeps a restatement that names its code in words', () => {
    // Node.js's http.md and net.md: the paraphrase pass paired the two limits on "number, reaches,
    // threshold, server, drop, new, emit, event, instead". Got's and undici's `decompress` are one
    // feature: one names in words ("Decompresses") what the other writes as code.
    const texts = [
      {
        id: 'http',
        text:
          '# HTTP\n\nThe server and client of the protocol, with their events.\n\n## server.maxRequestsPerSocket\n\n' +
          'The maximum number of requests a socket can handle before closing the keep alive connection. When the number of ' +
          "requests on a socket reaches the threshold of `server.maxRequestsPerSocket`, the server will drop new requests and emit `'dropRequest'` event instead.\n",
      },
      {
        id: 'net',
        text:
          '# Net\n\nStreams over sockets, and the servers that accept them.\n\n## server.maxConnections\n\n' +
          'Set this property to reject connections when the count gets high. When the number of connections reaches the ' +
          "threshold of `server.maxConnections`, the server will drop new connections and emit `'drop'` event instead.\n",
      },
      {
        id: 'got',
        text:
          '# Got\n\nHuman-friendly and powerful HTTP request library.\n\n### decompress\n\n' +
          "Decompresses the response from `http.request` if it's gzipped, deflated or compressed with brotli, and hands over the plain body.\n",
      },
      {
        id: 'undici',
        text:
          '# Interceptors\n\nInterceptors change what a dispatcher sends and receives.\n\n## decompress\n\n' +
          'The `decompress` interceptor automatically decompresses response bodies that are gzipped, deflated or compressed with brotli.\n',
      },
    ]
    const { overlaps } = findOverlaps(texts)
    const pairs = overlaps.filter((o) => o.kind === 'paraphrase').map((o) => o.passages.map((p) => p.doc).sort())
    expect(pairs).toEqual([['got', 'undici']])
  })
})
