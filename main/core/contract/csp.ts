/**
 * The Content-Security-Policy of the renderer, the same in Electron (served from app://parallax)
 * and in the web host: only the app's own scripts, styles and API; no inline script or style
 * markup, no eval, no plugins, no framing, no form posts, no foreign connections.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')
