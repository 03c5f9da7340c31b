import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { type ApiEvent, type Bridge, type Envelope, operationNames } from '../core/contract/api.js'
import { channelFor, EVENT_CHANNEL } from './security.js'

// The preload exposes exactly the API contract's operations and an event subscription as
// window.parallax, and nothing else: no ipcRenderer, no IpcRendererEvent, no Node.

const api = Object.fromEntries(
  operationNames.map((op) => [op, (input: unknown): Promise<Envelope> => ipcRenderer.invoke(channelFor(op), input)]),
) as Bridge['api']

const bridge: Bridge = {
  api,
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: ApiEvent) => listener(payload)
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward)
  },
}

contextBridge.exposeInMainWorld('parallax', bridge)
