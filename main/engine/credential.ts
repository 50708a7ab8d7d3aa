/**
 * The credential model. Today there is one kind, the Zoho CRM API ticket; the union is shaped so that
 * an OAuth access token (1-hour life) can join later as another member, sharing scheduler, storage,
 * notifications and UI, which depend only on {@link CredentialBase}.
 */

/** One day in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A Zoho API ticket is valid for 7 days from issue; then the CRM API answers `4834 Invalid Ticket Id`. */
export const ZOHO_TICKET_LIFETIME_MS = 7 * DAY_MS;

/** What every credential kind has: enough for scheduling, display and storage. */
export interface CredentialBase {
  /** Discriminant: the credential kind. */
  readonly kind: string;
  /** The account this credential belongs to. */
  readonly accountId: string;
  /** The secret value scripts send (`ticket=…`). Lives only in the secret store, never in settings. */
  readonly value: string;
  /** When we received it, by our clock (epoch ms). Server clocks are not trusted for expiry. */
  readonly issuedAtMs: number;
  /** When it stops working (epoch ms). */
  readonly expiresAtMs: number;
}

/** A Zoho CRM API ticket from `accounts…/login`. */
export interface ZohoTicketCredential extends CredentialBase {
  readonly kind: 'zoho-ticket';
  /** The generation stamp the server wrote (e.g. `Fri May 20 08:27:30 PDT 2011`), or null. */
  readonly serverStamp: string | null;
  /** The server's WARNING when it was not `null`. */
  readonly warning: string | null;
}

/** Every credential kind the app knows. Add OAuth access tokens here. */
export type Credential = ZohoTicketCredential;

/** Lifetime of each credential kind. */
export const CREDENTIAL_LIFETIME_MS: Readonly<Record<Credential['kind'], number>> = {
  'zoho-ticket': ZOHO_TICKET_LIFETIME_MS,
};

/**
 * Builds a ticket record from a server answer, stamped with our receive time.
 *
 * @param receivedAtMs - our clock when the answer arrived (epoch ms)
 */
export function zohoTicketCredential(
  accountId: string,
  answer: { readonly ticket: string; readonly serverStamp: string | null; readonly warning: string | null },
  receivedAtMs: number,
): ZohoTicketCredential {
  return {
    kind: 'zoho-ticket',
    accountId,
    value: answer.ticket,
    issuedAtMs: receivedAtMs,
    expiresAtMs: receivedAtMs + ZOHO_TICKET_LIFETIME_MS,
    serverStamp: answer.serverStamp,
    warning: answer.warning,
  };
}

/** Milliseconds left before `credential` expires at `nowMs` (negative once expired). */
export function remainingMs(credential: CredentialBase, nowMs: number): number {
  return credential.expiresAtMs - nowMs;
}
