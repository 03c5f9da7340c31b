// How a page reaches the loopback web host (main/node/host/web-host.ts): the header that carries
// the secret token, and what a page whose token the host no longer accepts tells its reader. Both
// the host (its 403 page) and the renderer's client (renderer/shared/client.ts) use these, so the
// words are written once.

/** The request header the page sends the token in (HTTP header names are case-insensitive). */
export const TOKEN_HEADER = 'x-parallax-token'

/** The query parameter of the printed address that carries the token to the page, once. */
export const TOKEN_PARAMETER = 'token'

/**
 * What a page shows when the web host refuses its token (the host was restarted, or the address
 * was opened without its token), or no longer answers: how to get a working address.
 */
export const EXPIRED_MESSAGE =
  'This Parallax page has expired: run `npm run web` again and open the address it prints (if it is still running, open the address it printed: the page keeps its key only until it is reloaded or closed).'

/** What a page shows when the web host stopped answering. */
export const STOPPED_MESSAGE =
  'Parallax is no longer running: run `npm run web` again and open the address it prints. Nothing was saved since it stopped.'
