import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileProblem } from '../../main/node/project/file-problem.js'
import { readTextFile } from '../../main/node/project/decode.js'
import { tempDir } from '../helpers.js'

// What a failed file-system call tells a reader: the cause in words, without Node's errno name,
// libc's call and the path the caller puts in front.

describe('fileProblem', () => {
  it("says the cause of Node's own failures in words", async () => {
    const { dir, cleanup } = await tempDir()
    await symlink('loop.txt', join(dir, 'loop.txt'))
    await writeFile(join(dir, 'file.txt'), 'text')
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => expect.fail('should fail'),
        (e: unknown) => e,
      )
    expect(fileProblem(await failure(readFile(join(dir, 'missing.txt'))))).toBe('no such file')
    expect(fileProblem(await failure(readFile(join(dir, 'loop.txt'))))).toBe('a link that leads back to itself (a loop of links)')
    expect(fileProblem(await failure(readdir(join(dir, 'file.txt'))))).toBe('a part of the path is a file, not a folder')
    expect(fileProblem(await failure(readFile(dir)))).toBe('this is a folder, not a file')
    await cleanup()
  })

  it('says permission denied for what the user may not read (as Node reports it; root reads anything)', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, scandir '/home/me/private'"), { code: 'EACCES', syscall: 'scandir' })
    expect(fileProblem(denied)).toBe('permission denied')
  })

  it("keeps the words of a code it does not list, without the code and the call's path", () => {
    const busy = Object.assign(new Error("EBUSY: resource busy or locked, open '/mnt/x'"), { code: 'EBUSY' })
    expect(fileProblem(busy)).toBe('resource busy or locked')
    expect(fileProblem(new Error('something else'))).toBe('something else')
  })

  it('is the reason a text that cannot be read gives, after its path', async () => {
    const { dir, cleanup } = await tempDir()
    await mkdir(join(dir, 'folder.txt'))
    await symlink('loop.txt', join(dir, 'loop.txt'))
    await expect(readTextFile(join(dir, 'loop.txt'))).rejects.toThrow(
      `${join(dir, 'loop.txt')}: a link that leads back to itself (a loop of links)`,
    )
    await expect(readTextFile(join(dir, 'gone.txt'))).rejects.toThrow(`${join(dir, 'gone.txt')}: no such file`)
    await expect(readTextFile(join(dir, 'folder.txt'))).rejects.toThrow('this is not a regular file')
    await cleanup()
  })
})
