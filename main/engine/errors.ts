/**
 * The one error family of the ticket engine. Every failure the engine reports is a {@link TicketError}
 * with a stable {@link TicketErrorKind}, a human message that is safe to show and log (it never
 * contains the password or a ticket), and — where it applies — the form field the user should fix.
 */

/**
 * Stable error kinds. UI, CLI exit codes and retry policy branch on these, never on messages.
 * - `invalid-input`: refused before any request (bad login id, URL, missing password…)
 * - `refused`: the server answered `RESULT=FALSE` (wrong password, 2FA, too many tickets…)
 * - `network`: no answer (connection refused, DNS, reset)
 * - `timeout`: no complete answer within the time limit
 * - `tls`: the HTTPS connection could not be trusted
 * - `protocol`: an answer that is not a ticket answer (no RESULT, HTML, oversize, status, redirect)
 * - `cancelled`: the caller aborted the request
 */
export type TicketErrorKind =
  | 'invalid-input'
  | 'refused'
  | 'network'
  | 'timeout'
  | 'tls'
  | 'protocol'
  | 'cancelled';

/** Every kind, for exhaustive checks and schemas. */
export const TICKET_ERROR_KINDS: readonly TicketErrorKind[] = [
  'invalid-input',
  'refused',
  'network',
  'timeout',
  'tls',
  'protocol',
  'cancelled',
];

/** The account form field an error is about, so a UI can show the message next to it. */
export type AccountField = 'loginId' | 'password' | 'dataCentre' | 'accountsUrl' | 'method' | 'timeout';

/** Optional facts carried by a {@link TicketError}. All of them are safe to show. */
export interface TicketErrorDetails {
  /** A machine-readable code: the server's CAUSE (e.g. `INVALID_PASSWORD`) or ours (e.g. `HTTP_STATUS`). */
  readonly code?: string;
  /** The form field the user should fix. */
  readonly field?: AccountField;
  /** The server's own words (CAUSE / WARNING), with any secret scrubbed out. */
  readonly serverText?: string;
  /** HTTP status, for `protocol` errors about the status line. */
  readonly status?: number;
  /** Where a redirect pointed, with secrets redacted. */
  readonly location?: string;
}

/** The engine's error. `message` is a complete sentence for a person; `kind` is for code. */
export class TicketError extends Error {
  override readonly name = 'TicketError';
  readonly kind: TicketErrorKind;
  readonly code: string | undefined;
  readonly field: AccountField | undefined;
  readonly serverText: string | undefined;
  readonly status: number | undefined;
  readonly location: string | undefined;

  constructor(kind: TicketErrorKind, message: string, details: TicketErrorDetails = {}) {
    // No `cause` is kept on purpose: lower-level errors may quote URLs or bodies that hold secrets.
    super(message);
    this.kind = kind;
    this.code = details.code;
    this.field = details.field;
    this.serverText = details.serverText;
    this.status = details.status;
    this.location = details.location;
  }

  /** A plain, serialisable view (for IPC, `--json` output and persisted "last error"). */
  toJSON(): TicketErrorInfo {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.code === undefined ? {} : { code: this.code }),
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.serverText === undefined ? {} : { serverText: this.serverText }),
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.location === undefined ? {} : { location: this.location }),
    };
  }
}

/** The serialisable form of a {@link TicketError}. */
export interface TicketErrorInfo {
  readonly kind: TicketErrorKind;
  readonly message: string;
  readonly code?: string | undefined;
  readonly field?: AccountField | undefined;
  readonly serverText?: string | undefined;
  readonly status?: number | undefined;
  readonly location?: string | undefined;
}

/** Narrowing helper that also works across realms (e.g. errors rebuilt from IPC). */
export function isTicketError(error: unknown): error is TicketError {
  return error instanceof TicketError;
}

interface RefusalExplanation {
  readonly message: string;
  readonly field: AccountField;
}

/**
 * What to tell the user for each known CAUSE (table in shared/zoho-protocol.md). Keys are upper case;
 * lookups normalise the server's text first.
 */
const REFUSAL_EXPLANATIONS: Readonly<Record<string, RefusalExplanation>> = {
  NO_SUCH_USER: {
    message:
      'No Zoho account with this login id in this data centre (try another data centre).',
    field: 'loginId',
  },
  INVALID_PASSWORD: { message: 'The password is wrong.', field: 'password' },
  INVALID_CREDENTIALS: { message: 'The login id or password is wrong.', field: 'password' },
  WEB_LOGIN_REQUIRED: {
    message: 'Two-factor authentication is on: use an application-specific password.',
    field: 'password',
  },
  EXCEEDED_MAXIMUM_ALLOWED_AUTHTOKENS: {
    message: 'Too many active tickets/tokens: release old ones in Zoho Accounts.',
    field: 'loginId',
  },
  ACCOUNT_REGISTRATION_NOT_CONFIRMED: {
    message: 'The Zoho account is not confirmed yet.',
    field: 'loginId',
  },
};

/** Normalises a server text to a table key: `invalid password` / `Invalid_Password` → `INVALID_PASSWORD`. */
function toCauseKey(text: string): string {
  return text.trim().toUpperCase().replace(/[\s-]+/g, '_');
}

/**
 * Builds the `refused` error for a `RESULT=FALSE` answer. The CAUSE is looked up first, then the
 * WARNING (public clients disagree on where the reason comes); unknown reasons keep the server's words.
 *
 * @param cause - the CAUSE value, already scrubbed of secrets, or null
 * @param warning - the WARNING value, already scrubbed of secrets, or null
 */
export function refusalError(cause: string | null, warning: string | null): TicketError {
  for (const text of [cause, warning]) {
    if (text === null) continue;
    const key = toCauseKey(text);
    const known = REFUSAL_EXPLANATIONS[key];
    if (known) {
      return new TicketError('refused', known.message, {
        code: key,
        field: known.field,
        serverText: text,
      });
    }
  }
  const serverText = cause ?? warning;
  if (serverText === null || serverText.trim() === '') {
    return new TicketError('refused', 'Zoho refused the request without giving a reason.', {
      code: 'UNKNOWN',
    });
  }
  return new TicketError('refused', `Zoho refused the request: ${serverText}`, {
    code: cause === null ? 'WARNING' : toCauseKey(cause),
    serverText,
  });
}
