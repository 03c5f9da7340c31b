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

  it("titles a source file by its first line with words, not a comment's marks, nor its copyright notice (C headers, testers)", () => {
    expect(readStatedMetadata('/* A one-line header comment. */\n').title).toBe('A one-line header comment.')
    expect(readStatedMetadata('// SPDX-License-Identifier: MIT\n').title).toBe('SPDX-License-Identifier: MIT')
    expect(readStatedMetadata('/*\n * Display list helpers\n *\n * Copyright 1993 The Open Group\n */\n').title).toBe(
      'Display list helpers',
    )
    // X11's Composite.h and HookObjI.h, glibc's aio.h, as their first lines read: a notice or a
    // licence's field, much the same in every file of a package, is no title (the file's name is
    // taken for it, as where there is nothing but marks).
    for (const header of [
      '/***********************************************************\n\nCopyright 1987, 1988, 1998  The Open Group\n',
      '/*\n * Copyright 1993, 1998  The Open Group\n',
      '/* Copyright (C) 1996-2024 Free Software Foundation, Inc.\n */\n',
      '/*\n *\n */\n',
    ])
      expect(readStatedMetadata(header).title).toBe('')
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

  it('titles a text that opens with header fields by a field that names it, and takes its URL only from one that gives it (Debian copyright files, a tester)', () => {
    const copyright =
      'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: adduser\nUpstream-Source: https://salsa.debian.org/debian/adduser\n\nFiles: *\nCopyright: 1997-2023 Roland Bauerschmidt\n'
    expect(readStatedMetadata(copyright)).toMatchObject({ title: 'adduser', url: 'https://salsa.debian.org/debian/adduser' })
    expect(
      readStatedMetadata('From: Ann Lee\nSubject: Budget talks resume\nDate: Mon, 4 Mar 2024 10:00:00 +0000\n\nThe talks resumed.'),
    ).toMatchObject({
      title: 'Budget talks resume',
      date: '2024-03-04',
    })
    // No field names a title: none is stated (the importer titles the document by its file's name).
    expect(
      readStatedMetadata('Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nFiles: *\nLicense: GPL-2+\n'),
    ).toMatchObject({
      title: '',
      url: '',
    })
  })

  it('reads a title of the form "Word: subtitle" as a title, not as a header field (a reviewer)', () => {
    expect(readStatedMetadata('Hamlet: Prince of Denmark\n\nAct 1.').title).toBe('Hamlet: Prince of Denmark')
    expect(readStatedMetadata('Introduction: Why close reading matters\n\nSee https://example.org/essay')).toMatchObject({
      title: 'Introduction: Why close reading matters',
      url: 'https://example.org/essay',
    })
  })

  it('takes no date line, copyright notice or hard-wrapped line of prose for a title', () => {
    const debianized =
      'This package was debianized by Ross Burton <ross@debian.org> on\nFri, 17 Jan 2003 14:57:28 +0900.\n\nIt was downloaded from\nhttp://avahi.org/\n\nUpstream Authors: Lennart\n'
    expect(readStatedMetadata(debianized)).toMatchObject({ title: 'Upstream Authors: Lennart', date: '2003-01-17' })
    expect(
      readStatedMetadata('This is the Debian prepackaged version of the GNU assembler,\nlinker, and binary utilities.\n\nBinutils\n').title,
    ).toBe('Binutils')
    expect(readStatedMetadata('Copyright 2005 Adam Jackson.\n\nPermission is granted.\n').title).toBe('Permission is granted.')
    // A headline ending on a word of its own is a title.
    expect(readStatedMetadata('Who Pays for the Transition\n\nText.').title).toBe('Who Pays for the Transition')
  })

  it('takes no sentence that opens with "By" for a byline, and no mark around an address for part of it (a tester of GNU licences)', () => {
    const gpl =
      'GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991\n\nCopyright (C) 1989, 1991 Free Software Foundation, Inc. <https://fsf.org/>\n\nthe GNU General Public License is intended to guarantee your freedom to share and change free\nsoftware--to make sure the software is free for all its users.  By contrast,\nthe GNU General Public'
    expect(readStatedMetadata(gpl)).toMatchObject({ title: 'GNU GENERAL PUBLIC LICENSE', author: '', url: 'https://fsf.org/' })
    expect(readStatedMetadata('Title\n\nBy default, apropos uses the $MANPATH\n').author).toBe('')
    expect(readStatedMetadata('Title\n\nBy Ann van der Berg\n').author).toBe('Ann van der Berg')
    // Names in scripts without capitals are names all the same (a reviewer).
    expect(readStatedMetadata('Title\n\nBy 张三\n').author).toBe('张三')
    expect(readStatedMetadata('Title\n\nBy محمد علي\n').author).toBe('محمد علي')
    expect(readStatedMetadata('Title\n\n(see https://en.wikipedia.org/wiki/Foo_(bar)).\n').url).toBe(
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    )
    expect(readStatedMetadata('Title\n\nSee "https://example.org/a".\n').url).toBe('https://example.org/a')
  })

  it('takes no paragraph of Chinese prose for a title: a wide character counts twice (a tester)', () => {
    const paragraph =
      '新质生产力是创新起主导作用，摆脱传统经济增长方式、生产力发展路径，具有高科技、高效能、高质量特征，符合新发展理念的先进生产力质态。'.repeat(
        2,
      )
    expect(readStatedMetadata(paragraph).title).toBe('')
    expect(readStatedMetadata('新质生产力\n\n' + paragraph).title).toBe('新质生产力')
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
