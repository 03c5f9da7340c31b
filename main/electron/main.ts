import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session } from 'electron'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { type ApiEvent, type Envelope, operationNames } from '../core/contract/api.js'
import { IMPORT_EXTENSIONS, IMPORT_FORMATS } from '../core/project/formats.js'
import { stableStringify } from '../core/project/json.js'
import { writeDurable } from '../node/project/durable.js'
import { APP_NAME, userDataDir } from '../node/project/paths.js'
import { dispatchGranted, PathGrants } from '../node/host/path-grants.js'
import { readStaticFile, responseHeaders, TEXT_TYPE } from '../node/host/static-files.js'
import { Service } from '../node/service/service.js'
import { menuTemplate, type ThemeSource } from './menu.js'
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_URL,
  channelFor,
  EVENT_CHANNEL,
  isTrustedSender,
  mayGrantPermission,
  mayNavigate,
  SCHEME_PRIVILEGES,
  secureWebPreferences,
  windowOpenResponse,
} from './security.js'
import { fitToDisplays, MIN_HEIGHT, MIN_WIDTH, parseWindowState, WINDOW_STATE_FILE, type WindowState } from './window-state.js'

// The Electron main process: thin glue between Electron and the Node-side services. All logic
// lives in main/node (services) and main/core; all security settings in security.ts.

const PREFERENCES_FILE = 'preferences.json'

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: SCHEME_PRIVILEGES }])
app.setName(APP_NAME)
app.setPath('userData', userDataDir())

const appRoot = app.getAppPath()
const rendererDir = join(appRoot, 'dist', 'renderer')
const corpusDir = app.isPackaged ? join(process.resourcesPath, 'corpus') : join(appRoot, 'corpus')
const preloadPath = join(appRoot, 'dist', 'main', 'preload.cjs')
// Worker threads cannot start from inside app.asar: packaging unpacks the workers beside it.
const unpacked = appRoot.replace(/app\.asar$/, 'app.asar.unpacked')
const engineWorker = join(unpacked, 'dist', 'main', 'engine-worker.cjs')
const readerWorker = join(unpacked, 'dist', 'main', 'reader-worker.cjs')
const userData = app.getPath('userData')

function projectArgument(): string | undefined {
  const { values } = parseArgs({
    args: process.argv.slice(app.isPackaged ? 1 : 2),
    options: { project: { type: 'string' } },
    strict: false,
  })
  return typeof values.project === 'string' ? values.project : undefined
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(join(userData, file), 'utf8'))
  } catch {
    return null
  }
}

/** Serves the built renderer on app://parallax/ with the app's security headers. */
async function serveRenderer(request: Request): Promise<Response> {
  const url = new URL(request.url)
  if (`${url.protocol}//${url.host}` !== APP_ORIGIN) return new Response('not found', { status: 404, headers: responseHeaders(TEXT_TYPE) })
  const file = await readStaticFile(rendererDir, url.pathname)
  return new Response(file.body, { status: file.status, headers: responseHeaders(file.type) })
}

/**
 * Prints an HTML export to PDF in a hidden, script-less window: the same HTML as the HTML export,
 * through Chromium's own printing (what the CLI and web host do with Playwright).
 */
async function printPdf(html: string, title: string): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
  })
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    const footer = `<div style="font: 8px sans-serif; color: #777; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between"><span>${title.replace(/[<>&"]/g, '')}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
    return await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
    })
  } finally {
    win.destroy()
  }
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => windowOpenResponse())
})

async function start(): Promise<void> {
  await app.whenReady()
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(mayGrantPermission(permission)))
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => mayGrantPermission(permission))
  protocol.handle(APP_SCHEME, serveRenderer)

  const service = await Service.start({ corpusDir, userData, project: projectArgument(), engineWorker, readerWorker, printPdf })
  service.watchFiles()

  // The page may have the services act only on paths chosen in this session's dialogs or held
  // by the app (main/node/host/path-grants.ts): a compromised page cannot name any other.
  const grants = new PathGrants(async () => [service.project.dir, ...(await service.listRecentProjects()).dirs])
  for (const op of operationNames) {
    ipcMain.handle(channelFor(op), (event, input): Promise<Envelope> | Envelope => {
      if (!isTrustedSender(event.senderFrame)) return { ok: false, error: { code: 'invalid-input', message: 'refused: not the app page' } }
      return dispatchGranted(grants, service, op, input)
    })
  }
  /** The paths of a native dialog's answer, granted to the page for this session. */
  const chosen = (r: Electron.OpenDialogReturnValue): string[] => {
    const paths = r.canceled ? [] : r.filePaths
    grants.grant(paths)
    return paths
  }

  const saved = fitToDisplays(
    parseWindowState(await readJson(WINDOW_STATE_FILE)),
    screen.getAllDisplays().map((d) => d.workArea),
  )
  const prefs = (await readJson(PREFERENCES_FILE)) as { theme?: ThemeSource } | null
  let theme: ThemeSource = prefs?.theme === 'light' || prefs?.theme === 'dark' ? prefs.theme : 'system'
  nativeTheme.themeSource = theme

  const win = new BrowserWindow({
    ...saved,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: APP_NAME,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1f22' : '#fbfaf7',
    webPreferences: secureWebPreferences(preloadPath),
  })
  if (saved.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  win.on('close', () => {
    const state: WindowState = { ...win.getNormalBounds(), maximized: win.isMaximized() }
    void writeDurable(join(userData, WINDOW_STATE_FILE), stableStringify(state)).catch(() => undefined)
  })
  // The page's own <title> must not replace "Parallax — <project>".
  win.on('page-title-updated', (event) => event.preventDefault())

  const fail = (title: string, e: unknown) => dialog.showErrorBox(title, e instanceof Error ? e.message : String(e))
  const refresh = async () => {
    win.setTitle(`${APP_NAME} — ${service.project.name}`)
    const { dirs } = await service.listRecentProjects()
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          {
            openProject: async () => {
              const [dir] = chosen(
                await dialog.showOpenDialog(win, { title: 'Open Project Folder', properties: ['openDirectory', 'createDirectory'] }),
              )
              if (dir) await service.openProject({ dir }).catch((e) => fail('Cannot open the project', e))
            },
            addDocuments: async () => {
              const paths = chosen(
                await dialog.showOpenDialog(win, {
                  title: 'Add Documents',
                  properties: ['openFile', 'multiSelections'],
                  // Electron wants endings without the dot; the first filter (every format) is the default.
                  filters: [
                    { name: 'All supported documents', extensions: IMPORT_EXTENSIONS.map((e) => e.slice(1)) },
                    ...IMPORT_FORMATS.map((f) => ({ name: f.label, extensions: f.extensions.map((e) => e.slice(1)) })),
                    // Plain text named without an ending (README, GPL-2: formats.ts namedOnly).
                    { name: 'All files', extensions: ['*'] },
                  ],
                }),
              )
              if (!paths.length) return
              // The files that could be read are added; each one that could not is named, in one box.
              const result = await service.importDocuments({ paths }).catch((e) => void fail('Cannot add the documents', e))
              const failed = result?.failed ?? []
              if (failed.length)
                fail(
                  `${failed.length === 1 ? 'A file was' : `${failed.length} files were`} not added`,
                  failed.map((f) => `${f.file}: ${f.reason}`).join('\n'),
                )
            },
            importReuse: async (tool) => {
              const [path] = chosen(
                await dialog.showOpenDialog(
                  win,
                  tool === 'passim'
                    ? // passim writes a folder (out.json/ of part-* files, or the folder holding it).
                      { title: 'Import passim Output Folder', properties: ['openDirectory'] }
                    : {
                        title: 'Import TextPAIR Alignments',
                        properties: ['openFile'],
                        filters: [{ name: 'TextPAIR alignments', extensions: ['jsonl', 'lz4', 'gz', 'json'] }],
                      },
                ),
              )
              // Progress and the result reach the page as events (reuse-progress, reuse-imported).
              if (path) await service.importReuse({ tool, path }).catch((e) => fail('Cannot import the results', e))
            },
            openRecent: (dir) => void service.openProject({ dir }).catch((e) => fail('Cannot open the project', e)),
            openDefaultProject: () => void service.openDefaultProject().catch((e) => fail('Cannot open the bundled corpus', e)),
            // The page's export dialog (formats, scope, order) saves through a download.
            exportAnnotations: () => win.webContents.send(EVENT_CHANNEL, { type: 'command', command: 'export' } satisfies ApiEvent),
            undo: () => win.webContents.send(EVENT_CHANNEL, { type: 'command', command: 'undo' } satisfies ApiEvent),
            redo: () => win.webContents.send(EVENT_CHANNEL, { type: 'command', command: 'redo' } satisfies ApiEvent),
            showShortcuts: () => win.webContents.send(EVENT_CHANNEL, { type: 'command', command: 'shortcuts' } satisfies ApiEvent),
            setTheme: (value) => {
              theme = value
              nativeTheme.themeSource = value
              void writeDurable(join(userData, PREFERENCES_FILE), stableStringify({ theme: value })).catch(() => undefined)
              void refresh()
            },
          },
          { recent: dirs, theme, platform: process.platform, appName: APP_NAME, packaged: app.isPackaged },
        ),
      ),
    )
  }
  service.onEvent((event: ApiEvent) => {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event)
    if (event.type === 'project-changed') void refresh()
  })
  await refresh()
  await win.loadURL(APP_URL)
}

if (!app.requestSingleInstanceLock()) app.quit()
else {
  app.on('window-all-closed', () => app.quit())
  start().catch((e) => {
    dialog.showErrorBox(`${APP_NAME} could not start`, e instanceof Error ? e.message : String(e))
    app.exit(1)
  })
}
