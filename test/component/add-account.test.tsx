import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AddAccount } from '../../renderer/views/AddAccount';
import { appState, fakeApi, failure } from '../support/fake-bridge';

function setup(state = appState({ accounts: [], selectedAccountId: null })) {
  const { api } = fakeApi(state);
  const announce = vi.fn();
  const onDone = vi.fn();
  render(<AddAccount api={api} state={state} announce={announce} onDone={onDone} onCancel={null} />);
  return { api, announce, onDone };
}

const fill = async (loginId = 'me@example.com', password = 'p&ss w#rd') => {
  await userEvent.type(screen.getByLabelText('Login id (e-mail or user name)'), loginId);
  await userEvent.type(screen.getByLabelText('Password'), password);
};

describe('AddAccount', () => {
  it('requests the first ticket with what was entered (Enter submits) and announces success', async () => {
    const { api, announce, onDone } = setup();
    await fill();
    await userEvent.type(screen.getByLabelText('Name (optional)'), 'Work{Enter}');
    expect(api.addAccount).toHaveBeenCalledWith({
      label: 'Work',
      loginId: 'me@example.com',
      endpoint: { dataCentre: 'us' },
      method: 'post',
      password: 'p&ss w#rd',
      rememberPassword: true,
      autoRenew: true,
    });
    expect(announce).toHaveBeenCalledWith('Account added. Your ticket is ready.');
    expect(onDone).toHaveBeenCalled();
  });

  it('asks for the required fields before sending anything', async () => {
    const { api } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Get ticket' }));
    expect(api.addAccount).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Login id (e-mail or user name)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByText('Required.')).toHaveLength(2);
  });

  it.each([
    ['a wrong password', failure('refused', 'The password is wrong.', 'password', 'INVALID_PASSWORD'), 'Password'],
    ['two-factor authentication', failure('refused', 'Two-factor authentication is on: use an application-specific password.', 'password', 'WEB_LOGIN_REQUIRED'), 'Password'],
    ['no such user', failure('refused', 'No Zoho account with this login id in this data centre (try another data centre).', 'loginId', 'NO_SUCH_USER'), 'Login id (e-mail or user name)'],
    ['a data-centre error', failure('invalid-input', 'Unknown data centre.', 'dataCentre'), 'Login id (e-mail or user name)'],
  ])('shows %s next to its field, in the engine\'s words', async (_name, result, label) => {
    const { api, announce } = setup();
    api.addAccount.mockResolvedValueOnce(result as never);
    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Get ticket' }));
    const field = screen.getByLabelText(label);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining(result.error.message));
    expect(announce).toHaveBeenCalledWith(result.error.message);
  });

  it('shows a custom URL error at the URL field', async () => {
    const { api } = setup();
    api.addAccount.mockResolvedValueOnce(failure('invalid-input', 'The accounts URL must use https://.', 'accountsUrl') as never);
    await fill();
    await userEvent.selectOptions(screen.getByLabelText('Data centre'), 'custom');
    await userEvent.type(screen.getByLabelText('Accounts URL'), 'http://x.example');
    await userEvent.click(screen.getByRole('button', { name: 'Get ticket' }));
    expect(api.addAccount).toHaveBeenCalledWith(expect.objectContaining({ endpoint: { accountsUrl: 'http://x.example' } }));
    expect(screen.getByLabelText('Accounts URL')).toHaveAccessibleDescription('The accounts URL must use https://.');
  });

  it.each([
    ['network', 'Could not reach accounts.zoho.com (ENOTFOUND); check the network connection and the data centre.'],
    ['timeout', 'accounts.zoho.com did not answer within 20 s.'],
    ['tls', 'The secure connection to accounts.zoho.com could not be trusted.'],
    ['protocol', 'accounts.zoho.com answered with a web page, not a ticket answer.'],
  ])('shows a %s error for the whole form', async (kind, message) => {
    const { api } = setup();
    api.addAccount.mockResolvedValueOnce(failure(kind, message) as never);
    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Get ticket' }));
    expect(screen.getByRole('alert')).toHaveTextContent(message);
  });

  it('shows a busy state while the request runs', async () => {
    const { api } = setup();
    let resolve: (v: unknown) => void = () => undefined;
    api.addAccount.mockReturnValueOnce(new Promise((r) => (resolve = r)) as never);
    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Get ticket' }));
    expect(screen.getByRole('button', { name: 'Getting ticket…' })).toBeDisabled();
    resolve({ ok: true, value: { accountId: 'x' } });
    expect(await screen.findByRole('button', { name: 'Get ticket' })).toBeEnabled();
  });

  it('shows and hides the password', async () => {
    setup();
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');
    await userEvent.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password).toHaveAttribute('type', 'text');
    await userEvent.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(password).toHaveAttribute('type', 'password');
  });

  it('lists every data centre and the custom URL, and the method under Advanced', async () => {
    const { api } = setup();
    const options = [...(screen.getByLabelText('Data centre') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['us', 'eu', 'in', 'au', 'jp', 'ca', 'sa', 'uk', 'cn', 'custom']);
    await fill();
    await userEvent.click(screen.getByText('Advanced'));
    await userEvent.selectOptions(screen.getByLabelText('Request method'), 'get');
    await userEvent.selectOptions(screen.getByLabelText('Data centre'), 'eu');
    await userEvent.click(screen.getByLabelText('Remember password to renew automatically'));
    await userEvent.click(screen.getByRole('button', { name: 'Get ticket' }));
    expect(api.addAccount).toHaveBeenCalledWith(expect.objectContaining({ method: 'get', endpoint: { dataCentre: 'eu' }, rememberPassword: false, autoRenew: false }));
  });

  it('says how the password is stored, and warns plainly when storage is session-only', () => {
    setup();
    expect(screen.getByLabelText('Remember password to renew automatically')).toHaveAccessibleDescription('It is stored encrypted by your system keychain, never in plain text.');
    render(<AddAccount api={fakeApi().api} state={appState({ secretProtection: { level: 'memory-only', reason: 'basic-text-backend' } })} announce={() => undefined} onDone={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByText(/the password is kept for this session only/)).toBeInTheDocument();
  });

  it('opens the help page on application-specific passwords', async () => {
    const { api } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'How to create an application-specific password' }));
    expect(api.openHelp).toHaveBeenCalledWith('app-specific-password');
  });
});
