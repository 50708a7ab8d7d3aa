/**
 * Bundled into the page in place of the preload: the same `createBridge` as preload/index.ts, over a
 * Playwright binding (`__zttInvoke`) instead of ipcRenderer, and an event registry main pushes into.
 */
import { createBridge } from '../../../preload/bridge';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
const page = window as unknown as {
  __zttInvoke(channel: string, payload: unknown): Promise<never>;
  __zttEmit(channel: string, payload: unknown): void;
  zohoTicketTray: ReturnType<typeof createBridge>;
};

page.__zttEmit = (channel, payload) => listeners.get(channel)?.forEach((listener) => listener(payload));
page.zohoTicketTray = createBridge({
  invoke: (channel, payload) => page.__zttInvoke(channel, payload),
  on: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>();
    listeners.set(channel, set.add(listener));
    return () => void set.delete(listener);
  },
});
