import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findDate, readStatedMetadata } from '../../main/core/project/metadata.js'
import { CORPUS } from '../helpers.js'

describe('readStatedMetadata', () => {
  it('reads dates in the forms articles use', () => {
    expect(findDate('2024-March-9 11:06 By: GMW.cn')).toBe('2024-03-09')
    expect(findDate('Wed, Apr 10, 2024')).toBe('2024-04-10')
    expect(findDate('Posted 5 March 2024')).toBe('2024-03-05')
    expect(findDate('Business recorder. 2024-03-31.')).toBe('2024-03-31')
    expect(findDate('in September 2023')).toBe('')
  })

  it('takes Markdown front matter and headings', () => {
    const md = '---\ntitle: "A Title"\nauthor: Jane Roe\ndate: 2024-01-02\nsource: The Outlet\n---\n\n# Heading\n\nBody.'
    expect(readStatedMetadata(md, true)).toEqual({
      title: 'A Title',
      author: 'Jane Roe',
      outlet: 'The Outlet',
      date: '2024-01-02',
      url: '',
    })
    expect(readStatedMetadata('Intro line\n\n# The Heading\n\nBy Ann Lee\n', true).title).toBe('The Heading')
  })

  it('reads a title laid out in columns with one space between its parts', () => {
    const columns = 'Release Notes            Version 2.0            Spring Edition\n\nThe changes of this release.\n'
    expect(readStatedMetadata(columns).title).toBe('Release Notes Version 2.0 Spring Edition')
  })

  it("titles a source file by its first line with words, not a comment's marks (C headers, a tester)", () => {
    // X11's Composite.h and HookObjI.h, glibc's aio.h, as their first lines read.
    const composite = '/***********************************************************\n\nCopyright 1987, 1988, 1998  The Open Group\n'
    expect(readStatedMetadata(composite).title).toBe('Copyright 1987, 1988, 1998 The Open Group')
    expect(readStatedMetadata('/*\n * Copyright 1993, 1998  The Open Group\n').title).toBe('Copyright 1993, 1998 The Open Group')
    expect(
      readStatedMetadata('/* Copyright (C) 1996-2024 Free Software Foundation, Inc.\n   This file is part of the GNU C Library.\n').title,
    ).toBe('Copyright (C) 1996-2024 Free Software Foundation, Inc.')
    expect(readStatedMetadata('// SPDX-License-Identifier: MIT\n').title).toBe('SPDX-License-Identifier: MIT')
    expect(readStatedMetadata('/* A one-line header comment. */\n').title).toBe('A one-line header comment.')
    // Nothing but marks: no title (the file's name is taken for it).
    expect(readStatedMetadata('/*\n *\n */\n').title).toBe('')
  })

  it("titles a manual page by its NAME line, not its running header or the heading (Perl modules' pages, a tester)", () => {
    const man =
      'GIT-ADD(1)                        Git Manual                        GIT-ADD(1)\n\nNAME\n       git-add - Add file contents to the index\n'
    expect(readStatedMetadata(man).title).toBe('git-add - Add file contents to the index')
    const pod = 'NAME\n    Net::DBus::Binding::Iterator - Reading and writing message parameters\n\nSYNOPSIS\n'
    expect(readStatedMetadata(pod).title).toBe('Net::DBus::Binding::Iterator - Reading and writing message parameters')
    expect(readStatedMetadata('NOM\n       dpkg-name - Renommer les paquets Debian\n').title).toBe(
      'dpkg-name - Renommer les paquets Debian',
    )
    // Not a NAME heading further down.
    expect(readStatedMetadata('A Guide\n\nIntro.\n\nNAME\n  the rest\n').title).toBe('A Guide')
  })

  it('tells a byline that is a site apart from an author', () => {
    const m = readStatedMetadata('Title here\n\n2024-March-9 11:06 By: GMW.cn\n\nBy Light Blade\n\nText.')
    expect(m).toMatchObject({ title: 'Title here', author: 'Light Blade', outlet: 'GMW.cn', date: '2024-03-09' })
  })

  it('finds what the bundled texts state about themselves', async () => {
    const yang = await readFile(join(CORPUS, 'yang-yundong-nqpf-high-quality-development.txt'), 'utf8')
    expect(readStatedMetadata(yang)).toMatchObject({
      title: 'New quality productive forces drive high-quality development in China',
      author: 'Yang Yundong',
      outlet: 'Business Recorder',
      date: '2024-03-31',
    })
    const catalysts = await readFile(join(CORPUS, 'new-productive-forces-catalysts.txt'), 'utf8')
    expect(readStatedMetadata(catalysts)).toEqual({
      title: 'The emergence of new productive forces as catalysts for superior development',
      author: '',
      outlet: '',
      date: '',
      url: '',
    })
  })
})
