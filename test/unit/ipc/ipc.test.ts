import { describe, expect, it, vi } from 'vitest';
import { TicketError } from '../../../main/engine/errors';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type InvokeChannel, type IpcResult } from '../../../main/ipc/contract';
import { isTrustedSender, registerIpcHandlers, type IpcHandlers, type SenderInfo } from '../../../main/ipc/router';
import { REQUEST_SCHEMAS } from '../../../main/ipc/schemas';
import { createBridge } from '../../../preload/bridge';

const POPOVER_ID = 7;
const trusted = { webContentsId: () => POPOVER_ID, origin: 'app://popover' };
const good: SenderInfo = { webContentsId: POPOVER_ID, frameUrl: 'app://popover/index.html', isMainFrame: true };

function setup(overrides: Partial<IpcHandlers> = {}) {
  const listeners = new Map<InvokeChannel, (sender: SenderInfo, payload: unknown) => Promise<IpcResult<unknown>>>();
  const calls: [string, unknown][] = [];
  const handler = (channel: string) => async (request: unknown) => {
    calls.push([channel, request]);
    return null;
  };
  const handlers = Object.fromEntries(Object.values(INVOKE_CHANNELS).map((c) => [c, handler(c)])) as unknown as IpcHandlers;
  const logs: { message: string; fields?: Record<string, unknown> }[] = [];
  registerIpcHandlers(
    { handle: (channel, listener) => void listeners.set(channel, listener) },
    { ...handlers, ...overrides },
    trusted,
    { info: () => undefined, warn: (message, fields) => void logs.push({ message, ...(fields ? { fields } : {}) }) },
  );
  const send = (channel: InvokeChannel, payload: unknown, sender = good) => listeners.get(channel)!(sender, payload);
  return { listeners, calls, logs, send };
}

describe('IPC router', () => {
  it('registers a handler for every contract channel, each with a schema', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    for (const channel of listeners.keys()) expect(channel.startsWith('ztt:')).toBe(true);
  });

  it('passes a valid request from the popover\'s main frame to its handler', async () => {
    const { send, calls } = setup();
    expect(await send('ztt:account:select', { accountId: 'a1' })).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['ztt:account:select', { accountId: 'a1' }]]);
  });

  it.each([
    ['another WebContents', { ...good, webContentsId: 99 }],
    ['a subframe', { ...good, isMainFrame: false }],
    ['another origin', { ...good, frameUrl: 'https://evil.example/index.html' }],
    ['a file:// page', { ...good, frameUrl: 'file:///tmp/index.html' }],
    ['a look-alike scheme host', { ...good, frameUrl: 'app://popover.evil/index.html' }],
    ['a garbage URL', { ...good, frameUrl: 'not a url' }],
  ])('rejects a message from %s, logs it, and never calls the handler', async (_name, sender) => {
    const { send, calls, logs } = setup();
    expect(await send('ztt:ticket:copy', { accountId: 'a1' }, sender)).toEqual({ ok: false, error: { kind: 'forbidden', message: 'This request is not allowed from here.' } });
    expect(calls).toEqual([]);
    expect(logs[0]?.message).toMatch(/untrusted sender/);
  });

  it('trusts nobody before the popover exists', () => {
    expect(isTrustedSender(good, { webContentsId: () => null, origin: 'app://popover' })).toBe(false);
  });

  it.each([
    ['a wrong type', 'ztt:account:select', { accountId: 42 }],
    ['a missing field', 'ztt:ticket:copy', {}],
    ['an unknown field', 'ztt:account:remove', { accountId: 'a1', extra: true }],
    ['an oversize string', 'ztt:account:select', { accountId: 'x'.repeat(65) }],
    ['an oversize password', 'ztt:ticket:renew', { accountId: 'a1', password: 'p'.repeat(1025) }],
    ['an unknown enum value', 'ztt:help:open', { topic: 'javascript:alert(1)' }],
    ['a bad endpoint', 'ztt:account:add', { label: '', loginId: 'a', endpoint: { dataCentre: 'mars' }, method: 'post', password: 'p', rememberPassword: true, autoRenew: false }],
    ['both endpoint forms', 'ztt:account:update', { accountId: 'a1', patch: { endpoint: { dataCentre: 'us', accountsUrl: 'https://x' } } }],
    ['a payload on a no-payload channel', 'ztt:state:get', { sneaky: 1 }],
    ['a negative clipboard time', 'ztt:preferences:update', { clipboardAutoClearSeconds: -1 }],
  ] as const)('rejects %s without calling the handler or logging values', async (_name, channel, payload) => {
    const { send, calls, logs } = setup();
    expect(await send(channel, payload)).toEqual({ ok: false, error: { kind: 'invalid-request', message: 'The request was not valid.' } });
    expect(calls).toEqual([]);
    expect(JSON.stringify(logs)).not.toContain('p'.repeat(50));
    expect(logs[0]?.message).toBe('IPC payload rejected');
  });

  it('answers engine errors with their kind, message and field, and anything else as internal', async () => {
    const { send } = setup({
      'ztt:ticket:renew': async () => {
        throw new TicketError('refused', 'The password is wrong.', { code: 'INVALID_PASSWORD', field: 'password' });
      },
      'ztt:account:remove': async () => {
        throw new Error('disk on fire /home/user/secret');
      },
    });
    expect(await send('ztt:ticket:renew', { accountId: 'a1', password: 'x' })).toEqual({
      ok: false,
      error: { kind: 'refused', message: 'The password is wrong.', code: 'INVALID_PASSWORD', field: 'password' },
    });
    const internal = await send('ztt:account:remove', { accountId: 'a1' });
    expect(internal).toEqual({ ok: false, error: { kind: 'internal', message: 'Something went wrong in the app; see the log.' } });
  });

  it('treats an undefined payload as null (invoke without arguments)', async () => {
    const { send, calls } = setup();
    expect(await send('ztt:state:get', undefined)).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['ztt:state:get', null]]);
  });
});

describe('preload bridge', () => {
  it('maps intents to channels and payloads', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: null }));
    const api = createBridge({ invoke, on: () => () => undefined });
    await api.renew('a1');
    await api.renew('a1', 'pw');
    await api.copyTicket('a1');
    await api.updateAccount('a1', { label: 'x' });
    await api.hidePopover();
    await api.openHelp('data-centres');
    expect(invoke.mock.calls).toEqual([
      ['ztt:ticket:renew', { accountId: 'a1' }],
      ['ztt:ticket:renew', { accountId: 'a1', password: 'pw' }],
      ['ztt:ticket:copy', { accountId: 'a1' }],
      ['ztt:account:update', { accountId: 'a1', patch: { label: 'x' } }],
      ['ztt:popover:hide', null],
      ['ztt:help:open', { topic: 'data-centres' }],
    ]);
  });

  it('returns an unsubscribe function from every subscription', () => {
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const api = createBridge({
      invoke: async () => ({ ok: true, value: null }),
      on: (channel, listener) => {
        const set = listeners.get(channel) ?? new Set();
        listeners.set(channel, set.add(listener));
        return () => void set.delete(listener);
      },
    });
    const seen: unknown[] = [];
    const off = api.onState((state) => seen.push(state));
    const offFocus = api.onFocusAccount((event) => seen.push(event));
    for (const listener of listeners.get(EVENT_CHANNELS.stateChanged)!) listener({ accounts: [] });
    off();
    offFocus();
    expect(listeners.get(EVENT_CHANNELS.stateChanged)!.size).toBe(0);
    expect(listeners.get(EVENT_CHANNELS.focusAccount)!.size).toBe(0);
    expect(seen).toEqual([{ accounts: [] }]);
  });
});
