import { describe, expect, it } from 'vitest';
import { refusalError, TicketError } from '../../../main/engine/errors';

describe('refusalError', () => {
  it.each([
    ['NO_SUCH_USER', 'No Zoho account with this login id in this data centre (try another data centre).', 'loginId'],
    ['INVALID_PASSWORD', 'The password is wrong.', 'password'],
    ['INVALID_CREDENTIALS', 'The login id or password is wrong.', 'password'],
    ['WEB_LOGIN_REQUIRED', 'Two-factor authentication is on: use an application-specific password.', 'password'],
    ['EXCEEDED_MAXIMUM_ALLOWED_AUTHTOKENS', 'Too many active tickets/tokens: release old ones in Zoho Accounts.', 'loginId'],
    ['ACCOUNT_REGISTRATION_NOT_CONFIRMED', 'The Zoho account is not confirmed yet.', 'loginId'],
  ])('maps CAUSE %s to the protocol table', (cause, message, field) => {
    const error = refusalError(cause, null);
    expect(error).toBeInstanceOf(TicketError);
    expect(error.toJSON()).toEqual({ kind: 'refused', message, code: cause, field, serverText: cause });
  });

  it('maps a known code that arrives in WARNING instead of CAUSE', () => {
    expect(refusalError(null, 'invalid password').toJSON()).toMatchObject({
      kind: 'refused',
      message: 'The password is wrong.',
      code: 'INVALID_PASSWORD',
      field: 'password',
    });
  });

  it('prefers CAUSE over WARNING', () => {
    expect(refusalError('NO_SUCH_USER', 'INVALID_PASSWORD').code).toBe('NO_SUCH_USER');
  });

  it('keeps the server\'s own words for an unknown cause', () => {
    expect(refusalError('ACCOUNT_LOCKED_FOR_AUDIT', null).toJSON()).toEqual({
      kind: 'refused',
      message: 'Zoho refused the request: ACCOUNT_LOCKED_FOR_AUDIT',
      code: 'ACCOUNT_LOCKED_FOR_AUDIT',
      serverText: 'ACCOUNT_LOCKED_FOR_AUDIT',
    });
    expect(refusalError(null, 'Invalid parameters').message).toBe('Zoho refused the request: Invalid parameters');
  });

  it('says so when the server gave no reason at all', () => {
    expect(refusalError(null, null).message).toBe('Zoho refused the request without giving a reason.');
  });
});
