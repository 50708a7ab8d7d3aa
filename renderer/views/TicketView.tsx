/**
 * The ticket view: the ticket (masked until revealed), Copy, the time left and exact expiry, a
 * progress bar over the 7 days coloured by state, Renew now, the last error with its fix, banners for
 * weak storage or a password to re-enter, and a compact switcher when there are several accounts.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { LIMITS, type AccountView, type AppStateView } from '../../main/ipc/contract';
import type { ZohoTicketTrayApi } from '../../preload/bridge';
import type { Announce } from '../App';
import { useNow } from '../clock';
import { failureMessage, formatDateTime, formatTime, formatTimeLeft, S } from '../strings';

const TICKET_LIFETIME_MS = 7 * 24 * 3600 * 1000;

interface Props {
  readonly api: ZohoTicketTrayApi;
  readonly state: AppStateView;
  readonly announce: Announce;
  readonly onAdd: () => void;
  readonly onSettings: () => void;
  /** Injected clock for tests. */
  readonly now?: () => number;
}

const nameOf = (account: AccountView) => account.label || account.loginId;

function Banners({ state }: { state: AppStateView }) {
  const reentry = state.accounts.filter((a) => a.needsPasswordReentry);
  const items = [
    ...(state.secretProtection.level === 'memory-only' ? [S.banner.memoryOnly] : []),
    ...(state.secretProtection.level === 'weak' ? [S.banner.weak] : []),
    ...reentry.map((a) => S.banner.reentry(nameOf(a))),
    ...state.notices,
  ];
  if (items.length === 0) return null;
  return (
    <div className="banners">
      {items.map((text) => (
        <p key={text} className="banner" role="note">
          {text}
        </p>
      ))}
    </div>
  );
}

export function TicketView({ api, state, announce, onAdd, onSettings, now = Date.now }: Props) {
  const id = useId();
  const account = state.accounts.find((a) => a.id === state.selectedAccountId) ?? state.accounts[0];
  const ticket = account?.ticket ?? null;
  const current = useNow(ticket?.expiresAtMs ?? null, now);
  const [revealed, setRevealed] = useState(false);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [password, setPassword] = useState('');

  useEffect(() => {
    setRevealed(false);
    setCopyNote(null);
    setError(null);
    setPassword('');
  }, [account?.id, ticket?.value]);

  const copy = async () => {
    if (!account || !ticket) return;
    const result = await api.copyTicket(account.id).catch(() => null);
    const note = result?.ok ? (result.value.clearsInSeconds ? S.ticket.copiedClears(result.value.clearsInSeconds) : S.ticket.copied) : S.ticket.copyFailed;
    setCopyNote(note);
    announce(note);
  };

  useEffect(() => {
    // Ctrl/Cmd+C copies the ticket, unless the user is copying a selection or typing in a field.
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'c') return;
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      // A selection the user made elsewhere is theirs to copy; the ticket field's own text (selected
      // by tabbing through it, masked or not) is not a reason to step aside.
      const selected = window.getSelection()?.toString() ?? '';
      if (selected !== '' && selected !== S.ticket.masked && selected !== ticket?.value) return;
      event.preventDefault();
      void copy();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (!account) return null;
  const renewing = pending || account.renewing;
  const needsPassword = account.needsPasswordReentry || !account.hasPassword || (account.autoRenewBlocked && account.lastError?.field === 'password');

  const renew = async (event?: FormEvent) => {
    event?.preventDefault();
    setPending(true);
    setError(null);
    const result = await api.renew(account.id, needsPassword && password !== '' ? password : undefined).catch(() => null);
    setPending(false);
    if (result?.ok) {
      setPassword('');
      announce(S.ticket.renewed);
    } else {
      const message = failureMessage(result);
      setError(message);
      announce(`${S.ticket.renewFailed} ${message}`);
    }
  };

  const left = ticket ? ticket.expiresAtMs - current : 0;
  const status = ticket ? (left <= 0 ? 'expired' : ticket.status) : 'expired';
  const progress = ticket ? Math.min(100, Math.max(0, (left / TICKET_LIFETIME_MS) * 100)) : 0;
  const shownError = error ?? account.lastError?.message ?? null;

  return (
    <section className="view ticket-view" aria-labelledby={`${id}-title`}>
      <header className="view-header">
        <h1 id={`${id}-title`} className="visually-hidden">
          {S.appName}
        </h1>
        {state.accounts.length > 1 ? (
          <>
            <label htmlFor={`${id}-switch`} className="visually-hidden">
              {S.ticket.account}
            </label>
            <select id={`${id}-switch`} className="switcher" value={account.id} onChange={(e) => void api.selectAccount(e.target.value)}>
              {state.accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {nameOf(a)}
                </option>
              ))}
            </select>
          </>
        ) : (
          <p className="account-name">{nameOf(account)}</p>
        )}
        <div className="header-actions">
          <button type="button" className="icon" aria-label={S.ticket.addAccount} title={S.ticket.addAccount} onClick={onAdd}>
            +
          </button>
          <button type="button" className="icon" aria-label={S.ticket.settings} title={S.ticket.settings} onClick={onSettings}>
            ⚙
          </button>
        </div>
      </header>

      <Banners state={state} />

      {ticket ? (
        <>
          <div className="ticket-row">
            <label htmlFor={`${id}-ticket`} className="field-label">
              {S.ticket.ticket} <span className={`pill ${status}`}>{S.ticket.status[status]}</span>
            </label>
            <div className="input-with-button">
              <input id={`${id}-ticket`} className="ticket-value" readOnly value={revealed ? ticket.value : S.ticket.masked} aria-label={S.ticket.ticket} spellCheck={false} />
              <button type="button" className="secondary" aria-pressed={revealed} aria-label={revealed ? S.ticket.concealLabel : S.ticket.revealLabel} onClick={() => setRevealed((v) => !v)}>
                {revealed ? S.ticket.conceal : S.ticket.reveal}
              </button>
            </div>
          </div>
          <button type="button" className="primary copy" onClick={() => void copy()}>
            {S.ticket.copy}
          </button>
          <p className="copy-note" aria-hidden="true">
            {copyNote ?? '\u00a0'}
          </p>

          <div className="countdown">
            <p className="time-left">{left > 0 ? S.ticket.left(formatTimeLeft(left)) : S.ticket.expiredShort}</p>
            <p className="muted">{left > 0 ? S.ticket.expires(formatDateTime(ticket.expiresAtMs)) : S.ticket.expired(formatDateTime(ticket.expiresAtMs))}</p>
            <div
              className={`progress ${status}`}
              role="progressbar"
              aria-label={S.ticket.lifetime}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(progress)}
              aria-valuetext={left > 0 ? S.ticket.left(formatTimeLeft(left)) : S.ticket.expiredShort}
            >
              <div className="progress-fill" style={{ width: `${progress}%` }} />
            </div>
          </div>
        </>
      ) : (
        <p className="empty">{S.ticket.noTicket}</p>
      )}

      {shownError ? (
        <div className="error-box" role="alert">
          <p>{shownError}</p>
          {account.nextRetryAtMs !== null ? <p className="muted">{S.ticket.retrying(formatTime(account.nextRetryAtMs))}</p> : null}
        </div>
      ) : null}

      <form className="renew" onSubmit={(event) => void renew(event)}>
        {needsPassword ? (
          <>
            <label htmlFor={`${id}-renew-password`}>{S.ticket.enterPassword}</label>
            <input
              id={`${id}-renew-password`}
              type="password"
              autoComplete="current-password"
              maxLength={LIMITS.password}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </>
        ) : null}
        <button type="submit" className={ticket ? 'secondary' : 'primary'} disabled={renewing || (needsPassword && password === '')} aria-busy={renewing}>
          {renewing ? S.ticket.renewing : needsPassword ? S.ticket.renewWithPassword : ticket ? S.ticket.renew : S.ticket.getTicket}
        </button>
      </form>
    </section>
  );
}
