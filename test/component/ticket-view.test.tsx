import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTickDelay } from '../../renderer/clock';
import { TicketView } from '../../renderer/views/TicketView';
import { account, appState, DAY, fakeApi, failure, T0 } from '../support/fake-bridge';
import type { AppStateView } from '../../main/ipc/contract';

const HOUR = 3_600_000;

function setup(state: AppStateView = appState(), nowMs = T0 + HOUR / 60) {
  const { api } = fakeApi(state);
  const announce = vi.fn();
  const onAdd = vi.fn();
  const onSettings = vi.fn();
  const view = render(<TicketView api={api} state={state} announce={announce} onAdd={onAdd} onSettings={onSettings} now={() => nowMs} />);
  return { api, announce, onAdd, onSettings, view };
}

afterEach(() => vi.useRealTimers());

describe('TicketView', () => {
  it('masks the ticket until revealed', async () => {
    setup();
    const field = screen.getByRole('textbox', { name: 'API ticket' });
    expect(field).toHaveValue('••••••••••••••••••••••••••••••••');
    await userEvent.click(screen.getByRole('button', { name: 'Reveal ticket' }));
    expect(field).toHaveValue('c1eea66055af5d42b8b1ab0d1171c9c4');
    expect(screen.getByRole('button', { name: 'Hide ticket' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('copies and announces, with the auto-clear time when it is on', async () => {
    const { api, announce } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(api.copyTicket).toHaveBeenCalledWith('a1');
    expect(announce).toHaveBeenCalledWith('Copied — clears in 30 s');
    expect(screen.getByText('Copied — clears in 30 s')).toBeInTheDocument();
    api.copyTicket.mockResolvedValueOnce({ ok: true, value: { clearsInSeconds: null } });
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(announce).toHaveBeenLastCalledWith('Copied');
    api.copyTicket.mockResolvedValueOnce(failure('invalid-input', 'There is no ticket to copy.') as never);
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(announce).toHaveBeenLastCalledWith('Could not copy the ticket.');
  });

  it('copies on Ctrl+C / Cmd+C, but not while typing in a field', async () => {
    const { api } = setup(appState({ accounts: [account({ hasPassword: false })] }));
    await userEvent.keyboard('{Control>}c{/Control}');
    expect(api.copyTicket).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Meta>}c{/Meta}');
    expect(api.copyTicket).toHaveBeenCalledTimes(2);
    await userEvent.click(screen.getByLabelText('Password to renew'));
    await userEvent.keyboard('{Control>}c{/Control}');
    expect(api.copyTicket).toHaveBeenCalledTimes(2);
  });

  it.each([
    [7 * DAY - 60_000, '6 d 23 h left', 'valid'],
    [5 * HOUR + 12 * 60_000 + 30_000, '5 h 12 min left', 'expiring-soon'],
    [42 * 60_000 + 17_000, '42 min 17 s left', 'expiring-soon'],
  ] as const)('shows the time left (%i ms → %s) and the exact expiry', (left, text, status) => {
    setup(appState({ accounts: [account({ ticket: { value: 't', issuedAtMs: T0, expiresAtMs: T0 + 7 * DAY, status } })] }), T0 + 7 * DAY - left);
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.getByText(/^Expires /)).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Ticket lifetime' });
    expect(bar).toHaveAttribute('aria-valuenow', String(Math.round((left / (7 * DAY)) * 100)));
    expect(bar).toHaveClass(status);
  });

  it('shows an expired ticket as expired, in the expired colour', () => {
    setup(appState({ accounts: [account({ ticket: { value: 't', issuedAtMs: T0, expiresAtMs: T0 + 7 * DAY, status: 'expired' } })] }), T0 + 8 * DAY);
    expect(screen.getAllByText('Expired')).toHaveLength(2); // pill and time
    expect(screen.getByText(/^Expired Tue/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveClass('expired');
  });

  it('renews with a busy state and announces success', async () => {
    const { api, announce } = setup();
    let resolve: (v: unknown) => void = () => undefined;
    api.renew.mockReturnValueOnce(new Promise((r) => (resolve = r)) as never);
    await userEvent.click(screen.getByRole('button', { name: 'Renew now' }));
    expect(screen.getByRole('button', { name: 'Renewing…' })).toBeDisabled();
    await act(async () => resolve({ ok: true, value: null }));
    expect(announce).toHaveBeenCalledWith('Renewed: a new ticket is ready.');
    expect(api.renew).toHaveBeenCalledWith('a1', undefined);
  });

  it('shows a failed renewal in plain words and announces it', async () => {
    const { api, announce } = setup();
    api.renew.mockResolvedValueOnce(failure('network', 'Could not reach accounts.zoho.com.') as never);
    await userEvent.click(screen.getByRole('button', { name: 'Renew now' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not reach accounts.zoho.com.');
    expect(announce).toHaveBeenCalledWith('Renewal failed. Could not reach accounts.zoho.com.');
  });

  it('shows a renewal in progress from main as busy', () => {
    setup(appState({ accounts: [account({ renewing: true })] }));
    expect(screen.getByRole('button', { name: 'Renewing…' })).toBeDisabled();
  });

  it('shows the last error with the automatic retry time', () => {
    setup(appState({ accounts: [account({ lastError: { kind: 'protocol', message: 'accounts.zoho.com answered HTTP 503.' }, nextRetryAtMs: T0 + 2 * HOUR })] }));
    expect(screen.getByRole('alert')).toHaveTextContent('accounts.zoho.com answered HTTP 503.');
    expect(screen.getByText(/^Retrying automatically at/)).toBeInTheDocument();
  });

  it('asks for the password when it is needed, and renews with it', async () => {
    const { api } = setup(appState({ accounts: [account({ needsPasswordReentry: true, hasPassword: false })] }));
    expect(screen.getByRole('note')).toHaveTextContent('The saved password of Work can no longer be read. Enter it again to renew.');
    const button = screen.getByRole('button', { name: 'Renew with this password' });
    expect(button).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Password to renew'), 'new-pw{Enter}');
    expect(api.renew).toHaveBeenCalledWith('a1', 'new-pw');
  });

  it('warns when secrets are kept for this session only', () => {
    setup(appState({ secretProtection: { level: 'memory-only', reason: 'encryption-unavailable' }, notices: ['Your settings could not be read.'] }));
    const notes = screen.getAllByRole('note').map((n) => n.textContent);
    expect(notes).toEqual(['No secure storage on this computer: passwords are kept for this session only.', 'Your settings could not be read.']);
  });

  it('offers a compact switcher when there are several accounts', async () => {
    const { api } = setup(appState({ accounts: [account(), account({ id: 'a2', label: '', loginId: 'eu@example.com' })] }));
    const switcher = screen.getByLabelText('Account');
    expect([...(switcher as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Work', 'eu@example.com']);
    await userEvent.selectOptions(switcher, 'a2');
    expect(api.selectAccount).toHaveBeenCalledWith('a2');
  });

  it('offers to get a ticket when the account holds none', async () => {
    const { api } = setup(appState({ accounts: [account({ ticket: null })] }));
    expect(screen.getByText('No ticket yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Get ticket' }));
    expect(api.renew).toHaveBeenCalledWith('a1', undefined);
  });

  it('opens settings and add account', async () => {
    const { onAdd, onSettings } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }));
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(onAdd).toHaveBeenCalled();
    expect(onSettings).toHaveBeenCalled();
  });
});

describe('countdown timer', () => {
  it('ticks at the next minute boundary, and every second only in the last hour', () => {
    const expires = T0 + 7 * DAY;
    expect(nextTickDelay(T0 + 10_500, expires)).toBe(49_500);
    expect(nextTickDelay(T0, expires)).toBe(60_000);
    expect(nextTickDelay(expires - 30 * 60_000 + 250, expires)).toBe(750);
    expect(nextTickDelay(expires + 5_000, expires)).toBe(55_000); // expired: back to minutes
  });

  it('runs one timer, re-rendering at each tick, and none while idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(T0 + 7 * DAY - 2 * 60_000 - 30_000); // 2 min 30 s left: second ticks
    const state = appState();
    const { view } = (() => {
      const { api } = fakeApi(state);
      return { view: render(<TicketView api={api} state={state} announce={() => undefined} onAdd={() => undefined} onSettings={() => undefined} />) };
    })();
    expect(screen.getByText('2 min 30 s left')).toBeInTheDocument();
    expect(vi.getTimerCount()).toBe(1);
    await act(async () => vi.advanceTimersByTime(1000));
    expect(screen.getByText('2 min 29 s left')).toBeInTheDocument();
    expect(vi.getTimerCount()).toBe(1);
    view.rerender(<TicketView api={fakeApi(appState({ accounts: [account({ ticket: null })] })).api} state={appState({ accounts: [account({ ticket: null })] })} announce={() => undefined} onAdd={() => undefined} onSettings={() => undefined} />);
    expect(vi.getTimerCount()).toBe(0); // no countdown shown: no timer
  });
});
