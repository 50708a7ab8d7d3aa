import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { account, appState, fakeApi, failure } from '../support/fake-bridge';

describe('App', () => {
  it('says plainly when opened outside the app (no preload API)', () => {
    render(<App api={undefined} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This page runs inside the Zoho Ticket Tray app');
  });

  it('shows a loading state, then the ticket view', async () => {
    const { api } = fakeApi();
    render(<App api={api} />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Copy' })).toBeInTheDocument();
  });

  it('shows an error with a retry when the state cannot be loaded', async () => {
    const { api } = fakeApi();
    api.getState.mockResolvedValueOnce(failure('internal', 'boom') as never);
    render(<App api={api} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The app did not answer.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Copy' })).toBeInTheDocument();
  });

  it('opens on the add-account form on first run', async () => {
    const { api } = fakeApi(appState({ accounts: [], selectedAccountId: null }));
    render(<App api={api} />);
    expect(await screen.findByRole('heading', { name: 'Add a Zoho account' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument(); // nothing to go back to
  });

  it('follows state pushed by main and unsubscribes on unmount', async () => {
    const { api, push, listeners } = fakeApi();
    const view = render(<App api={api} />);
    await screen.findByRole('button', { name: 'Copy' });
    act(() => push(appState({ accounts: [account({ label: 'Renamed' })] })));
    expect(screen.getByText('Renamed')).toBeInTheDocument();
    view.unmount();
    expect(listeners.state.size).toBe(0);
    expect(listeners.focus.size).toBe(0);
  });

  it('hides the popover on Escape', async () => {
    const { api } = fakeApi();
    render(<App api={api} />);
    await screen.findByRole('button', { name: 'Copy' });
    await userEvent.keyboard('{Escape}');
    expect(api.hidePopover).toHaveBeenCalledTimes(1);
  });

  it('goes to settings and back, and to add account and back, and a notification click returns to the ticket', async () => {
    const { api, focus } = fakeApi();
    render(<App api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }));
    expect(screen.getByRole('heading', { name: 'Add a Zoho account' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    act(() => focus('a1'));
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
  });

  it('never renders undefined or a raw stack', async () => {
    const { api } = fakeApi(appState({ accounts: [account({ ticket: null, lastError: { kind: 'network', message: 'Could not reach accounts.zoho.com.' } })] }));
    const { container } = render(<App api={api} />);
    await screen.findByText('Could not reach accounts.zoho.com.');
    expect(container.textContent).not.toMatch(/undefined|null|NaN|\bat \w+ \(/);
  });
});
