import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AppStateView } from '../../main/ipc/contract';
import { Settings } from '../../renderer/views/Settings';
import { account, appState, fakeApi, failure } from '../support/fake-bridge';

function setup(state: AppStateView = appState()) {
  const { api } = fakeApi(state);
  const announce = vi.fn();
  const onBack = vi.fn();
  render(<Settings api={api} state={state} announce={announce} onBack={onBack} />);
  return { api, announce, onBack };
}

describe('Settings', () => {
  it('toggles reminder lead times', async () => {
    const { api, announce } = setup();
    expect(screen.getByLabelText('24 hours before')).toBeChecked();
    expect(screen.getByLabelText('48 hours before')).not.toBeChecked();
    await userEvent.click(screen.getByLabelText('48 hours before'));
    expect(api.updatePreferences).toHaveBeenLastCalledWith({ reminderLeadMinutes: [1440, 60, 0, 2880] });
    await userEvent.click(screen.getByLabelText('1 hour before'));
    expect(api.updatePreferences).toHaveBeenLastCalledWith({ reminderLeadMinutes: [1440, 0] });
    expect(announce).toHaveBeenCalledWith('Saved.');
  });

  it('changes clipboard auto-clear and launch at login', async () => {
    const { api } = setup();
    await userEvent.selectOptions(screen.getByLabelText('Clear the copied ticket from the clipboard'), '60');
    expect(api.updatePreferences).toHaveBeenLastCalledWith({ clipboardAutoClearSeconds: 60 });
    await userEvent.click(screen.getByLabelText('Launch at login'));
    expect(api.updatePreferences).toHaveBeenLastCalledWith({ launchAtLogin: true });
  });

  it('sets, validates and turns off the global shortcut', async () => {
    const { api } = setup(appState({ preferences: { ...appState().preferences, globalShortcut: 'Alt+Shift+Z' } }));
    const input = screen.getByLabelText('Global shortcut to copy the ticket');
    await userEvent.clear(input);
    await userEvent.type(input, 'banana{Enter}');
    expect(input).toHaveAccessibleDescription('Use modifiers and a key joined by +, e.g. CommandOrControl+Alt+T.');
    expect(api.updatePreferences).not.toHaveBeenCalled();
    await userEvent.clear(input);
    await userEvent.type(input, 'CommandOrControl+Alt+T{Enter}');
    expect(api.updatePreferences).toHaveBeenLastCalledWith({ globalShortcut: 'CommandOrControl+Alt+T' });
    await userEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    expect(api.updatePreferences).toHaveBeenLastCalledWith({ globalShortcut: null });
  });

  it('shows an error when a change is refused, and loses nothing', async () => {
    const { api } = setup();
    api.updatePreferences.mockResolvedValueOnce(failure('invalid-request', 'The request was not valid.') as never);
    await userEvent.click(screen.getByLabelText('Launch at login'));
    expect(screen.getByRole('alert')).toHaveTextContent('The request was not valid.');
  });

  it('turns auto-renew on and off per account', async () => {
    const { api } = setup(appState({ accounts: [account(), account({ id: 'a2', label: 'EU', autoRenew: false })] }));
    const boxes = screen.getAllByLabelText('Renew automatically');
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, false]);
    await userEvent.click(boxes[1]!);
    expect(api.updateAccount).toHaveBeenCalledWith('a2', { autoRenew: true });
  });

  it('removes an account only after confirmation', async () => {
    const { api, announce } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Remove Work…' }));
    expect(screen.getByText('Remove Work? Its saved password and ticket are deleted.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(api.removeAccount).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Remove Work…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(api.removeAccount).toHaveBeenCalledWith('a1');
    expect(announce).toHaveBeenCalledWith('Account removed.');
  });

  it('says where data and logs live', async () => {
    setup();
    expect(await screen.findByText('/data/dir')).toBeInTheDocument();
    expect(screen.getByText('/data/dir/logs')).toBeInTheDocument();
  });

  it('offers weak storage only where the keyring is basic_text', async () => {
    setup();
    expect(screen.queryByLabelText(/Store passwords even without a secure keychain/)).not.toBeInTheDocument();
    const { api } = setup(appState({ secretProtection: { level: 'memory-only', reason: 'basic-text-backend' } }));
    await userEvent.click(screen.getByLabelText(/Store passwords even without a secure keychain/));
    expect(api.updatePreferences).toHaveBeenCalledWith({ allowWeakSecretStorage: true });
  });

  it('goes back', async () => {
    const { onBack } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onBack).toHaveBeenCalled();
  });
});
