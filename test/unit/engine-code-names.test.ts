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

  it("reads the code a sentence names where its passage starts after it (the AWS CLI's examples, a tester)", () => {
    // "The following ``put-item`` example adds a new item to the *MusicCollection* table." and
    // "The following example updates an item in the ``MusicCollection`` table, but only if ...":
    // the pair's passages began after "``put-item``", and shared the table's name and "item".
    const documents = [
      {
        id: 'dynamodb-put-item',
        text: '**Example 1: To add an item to a table**\n\nThe following ``put-item`` example adds a new item to the *MusicCollection* table. ::\n\n    aws dynamodb put-item \\\n        --table-name MusicCollection \\\n        --item file://item.json \\\n        --return-consumed-capacity TOTAL \\\n        --return-item-collection-metrics SIZE\n\nContents of ``item.json``::\n\n    {\n        "Artist": {"S": "No One You Know"},\n        "SongTitle": {"S": "Call Me Today"},\n        "AlbumTitle": {"S": "Greatest Hits"}\n    }\n\nOutput::\n\n    {\n        "ConsumedCapacity": {\n            "TableName": "MusicCollection",\n            "CapacityUnits": 1.0\n        },\n        "ItemCollectionMetrics": {\n            "ItemCollectionKey": {\n                "Artist": {\n                    "S": "No One You Know"\n                }\n            },\n            "SizeEstimateRangeGB": [\n                0.0,\n                1.0\n            ]\n        }\n    }\n\nFor more information, see `Writing an Item <https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.WritingData>`__ in the *Amazon DynamoDB Developer Guide*.\n\n**Example 2: To conditionally overwrite an item in a table**\n\nThe following ``put-item`` example overwrites an existing item in the ``MusicCollection`` table only if that existing item has an ``AlbumTitle`` attribute with a value of ``Greatest Hits``. The command returns the previous value of the item. ::\n\n    aws dynamodb put-item \\\n        --table-name MusicCollection \\\n        --item file://item.json \\\n        --condition-expression "#A = :A" \\\n        --expression-attribute-names file://names.json \\\n        --expression-attribute-values file://values.json \\\n        --return-values ALL_OLD\n\nContents of ``item.json``::\n\n    {\n        "Artist": {"S": "No One You Know"},\n        "SongTitle": {"S": "Call Me Today"},\n        "AlbumTitle": {"S": "Somewhat Famous"}\n    }\n\nContents of ``names.json``::\n\n    {\n        "#A": "AlbumTitle"\n    }\n\nContents of ``values.json``::\n\n    {\n        ":A": {"S": "Greatest Hits"}\n    }\n\nOutput::\n\n    {\n        "Attributes": {\n            "AlbumTitle": {\n                "S": "Greatest Hits"\n            },\n            "Artist": {\n                "S": "No One You Know"\n            },\n            "SongTitle": {\n                "S": "Call Me Today"\n            }\n        }\n    }\n\nIf the key already exists, you should see the following output::\n\n    A client error (ConditionalCheckFailedException) occurred when calling the PutItem operation: The conditional request failed.\n\nFor more information, see `Writing an Item <https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.WritingData>`__ in the *Amazon DynamoDB Developer Guide*.\n\n',
      },
      {
        id: 'dynamodb-update-item',
        text: '**Example 1: To update an item in a table**\n\nThe following ``update-item`` example updates an item in the ``MusicCollection`` table. It adds a new attribute (``Year``) and modifies the ``AlbumTitle`` attribute. All of the attributes in the item, as they appear after the update, are returned in the response. ::\n\n    aws dynamodb update-item \\\n        --table-name MusicCollection \\\n        --key file://key.json \\\n        --update-expression "SET #Y = :y, #AT = :t" \\\n        --expression-attribute-names file://expression-attribute-names.json \\\n        --expression-attribute-values file://expression-attribute-values.json  \\\n        --return-values ALL_NEW \\\n        --return-consumed-capacity TOTAL \\\n        --return-item-collection-metrics SIZE\n\nContents of ``key.json``::\n\n    {\n        "Artist": {"S": "Acme Band"},\n        "SongTitle": {"S": "Happy Day"}\n    }\n\nContents of ``expression-attribute-names.json``::\n\n    {\n        "#Y":"Year", "#AT":"AlbumTitle"\n    }\n\nContents of ``expression-attribute-values.json``::\n\n    {\n        ":y":{"N": "2015"},\n        ":t":{"S": "Louder Than Ever"}\n    }\n\nOutput::\n\n    {\n        "Attributes": {\n            "AlbumTitle": {\n                "S": "Louder Than Ever"\n            },\n            "Awards": {\n                "N": "10"\n            },\n            "Artist": {\n                "S": "Acme Band"\n            },\n            "Year": {\n                "N": "2015"\n            },\n            "SongTitle": {\n                "S": "Happy Day"\n            }\n        },\n        "ConsumedCapacity": {\n            "TableName": "MusicCollection",\n            "CapacityUnits": 3.0\n        },\n        "ItemCollectionMetrics": {\n            "ItemCollectionKey": {\n                "Artist": {\n                    "S": "Acme Band"\n                }\n            },\n            "SizeEstimateRangeGB": [\n                0.0,\n                1.0\n            ]\n        }\n    }\n\nFor more information, see `Writing an Item <https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.WritingData>`__ in the *Amazon DynamoDB Developer Guide*.\n\n**Example 2: To update an item conditionally**\n\nThe following example updates an item in the ``MusicCollection`` table, but only if the existing item does not already have a ``Year`` attribute. ::\n\n    aws dynamodb update-item \\\n        --table-name MusicCollection \\\n        --key file://key.json \\\n        --update-expression "SET #Y = :y, #AT = :t" \\\n        --expression-attribute-names file://expression-attribute-names.json \\\n        --expression-attribute-values file://expression-attribute-values.json  \\\n        --condition-expression "attribute_not_exists(#Y)"\n\nContents of ``key.json``::\n\n    {\n        "Artist": {"S": "Acme Band"},\n        "SongTitle": {"S": "Happy Day"}\n    }\n\nContents of ``expression-attribute-names.json``::\n\n    {\n        "#Y":"Year",\n        "#AT":"AlbumTitle"\n    }\n\nContents of ``expression-attribute-values.json``::\n\n    {\n        ":y":{"N": "2015"},\n        ":t":{"S": "Louder Than Ever"}\n    }\n\nIf the item already has a ``Year`` attribute, DynamoDB returns the following output. ::\n\n    An error occurred (ConditionalCheckFailedException) when calling the UpdateItem operation: The conditional request failed\n\nFor more information, see `Writing an Item <https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.WritingData>`__ in the *Amazon DynamoDB Developer Guide*.',
      },
      {
        id: 'xray-get-sampling-targets',
        text: '**To request a sampling quota**\n\nThe following ``get-sampling-targets`` example requests a sampling quota for rules that the service is using to sample requests. The response from AWS X-Ray includes a quota that can be used instead of borrowing from the reservoir. ::\n\n    aws xray get-sampling-targets \\\n        --sampling-statistics-documents \'[ { "RuleName": "base-scorekeep", "ClientID": "ABCDEF1234567890ABCDEF10", "Timestamp": "2018-07-07T00:20:06, "RequestCount": 110, "SampledCount": 20, "BorrowCount": 10 }, { "RuleName": "polling-scorekeep", 31, "BorrowCount": 0 } ]\'\n\nOutput::\n\n    {\n        "SamplingTargetDocuments": [\n            {\n                "RuleName": "base-scorekeep",\n                "FixedRate": 0.1,\n                "ReservoirQuota": 2,\n                "ReservoirQuotaTTL": 1530923107.0,\n                "Interval": 10\n            },\n            {\n                "RuleName": "polling-scorekeep",\n                "FixedRate": 0.003,\n                "ReservoirQuota": 0,\n                "ReservoirQuotaTTL": 1530923107.0,\n                "Interval": 10\n            }\n        ],\n        "LastRuleModification": 1530920505.0,\n        "UnprocessedStatistics": []\n    }\n\nFor more information, see `Using Sampling Rules with the X-Ray API <https://docs.aws.amazon.com/en_pv/xray/latest/devguide/xray-api-sampling.html>`__ in the *AWS X-Ray Developer Guide*.\n',
      },
    ]
    expect(findOverlaps(documents).overlaps.filter((o) => o.kind === 'paraphrase')).toEqual([])
  })
})
