import { existsSync } from 'node:fs'
import { ApiError } from '../../core/contract/api.js'
import { escapeHtml } from '../../core/export/html.js'

// PDF export: the HTML export printed by Chromium. The CLI and the web host drive a headless
// Chromium through playwright-core (page.pdf); Electron would print the same HTML with
// webContents.printToPDF in a hidden window. Either way the PDF is the HTML export on paper, so
// what the HTML shows is what the PDF shows.

/** Debian's Chromium; CHROMIUM_PATH overrides it. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium'
}

/**
 * Flags for a headless Chromium that only prints a page handed to it: no GPU, none of Chromium's
 * own network traffic. --no-sandbox only when running as root, where Chromium refuses to start
 * with its sandbox (build machines, containers); the page has no scripts and no network either way.
 */
function chromiumArgs(): string[] {
  const args = [
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ]
  if (process.getuid?.() === 0) args.push('--no-sandbox')
  return args
}

/** Prints an HTML export to PDF (A4, tag colours kept, page numbers in the footer). */
export async function htmlToPdf(html: string, title: string): Promise<Uint8Array> {
  const executablePath = chromiumPath()
  if (!existsSync(executablePath)) {
    throw new ApiError(
      'unreadable',
      `PDF export needs Chromium, and there is none at ${executablePath}: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH`,
    )
  }
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath, args: chromiumArgs(), headless: true })
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    const page = await context.newPage()
    // Nothing leaves the page: the export is self-contained, and anything else is refused.
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    const footer = `<div style="font: 8px system-ui, sans-serif; color: #777; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between"><span>${escapeHtml(title)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
    })
    return new Uint8Array(pdf)
  } finally {
    await browser.close()
  }
}
