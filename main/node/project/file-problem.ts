import { ApiError } from '../../core/contract/api.js'

/**
 * Why a file-system call failed, in words a reader acts on: "permission denied", not Node's
 * "EACCES: permission denied, scandir '/home/me/texts/private'", whose errno name and libc call
 * say nothing to most readers, and whose path the caller already puts in front. A code not
 * listed keeps the words of Node's message between the code and the call.
 */
export function fileProblem(error: unknown): string {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException
  const said = code ? PROBLEMS[code] : undefined
  if (said) return said
  const text = typeof message === 'string' ? message : String(error)
  // "CODE: what, call 'path'" → "what".
  const words = /^[A-Z0-9_]+: ([^,]+),/.exec(text)?.[1]
  return words ?? text
}

/** The words for the codes a reader meets: a path that is not there, not theirs to read, or loops. */
const PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a link that leads back to itself (a loop of links)',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'this is a folder, not a file',
  EIO: 'the disk could not be read (input/output error)',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
}

/**
 * The error for a project folder in which nothing can be written (read-only, not the reader's,
 * full, gone): where the lock or a folder of the project cannot be made, before any file is.
 */
export function cannotWriteProject(dir: string, error: unknown): ApiError {
  return new ApiError(
    'internal',
    `cannot write to the project in ${dir}: ${fileProblem(error)}; nothing was saved (${(error as Error).message})`,
  )
}
