/**
 * Settings: reminder lead times, auto-renew per account, clipboard auto-clear, launch at login, the
 * global shortcut, weak-storage opt-in, where data and logs live, and removing an account (confirmed).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { LIMITS, type AccountView, type AppInfoView, type AppStateView, type PreferencesView } from '../../main/ipc/contract';
import type { ZohoTicketTrayApi } from '../../preload/bridge';
import type { Announce } from '../App';
import { failureMessage, S } from '../strings';

interface Props {
  readonly api: ZohoTicketTrayApi;
  readonly state: AppStateView;
  readonly announce: Announce;
  readonly onBack: () => void;
}

const nameOf = (account: AccountView) => account.label || account.loginId;
/** Electron accelerators: modifiers and one key, joined by "+". */
const ACCELERATOR = /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+([A-Za-z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Up|Down|Left|Right|Plus|[`~!@#$%^&*()\-=[\]\\;',./])$/;

export function Settings({ api, state, announce, onBack }: Props) {
  const id = useId();
  const { preferences } = state;
  const [info, setInfo] = useState<AppInfoView | null>(null);
  const [shortcut, setShortcut] = useState(preferences.globalShortcut ?? '');
  const [shortcutError, setShortcutError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.getAppInfo().then((result) => (result.ok ? setInfo(result.value) : undefined), () => undefined);
  }, [api]);

  const save = async (patch: Partial<PreferencesView>) => {
    const result = await api.updatePreferences(patch).catch(() => null);
    if (result?.ok) {
      setError(null);
      announce(S.settings.saved);
    } else {
      setError(failureMessage(result));
    }
  };

  const toggleLead = (lead: number, on: boolean) => {
    const leads = new Set(preferences.reminderLeadMinutes);
    if (on) leads.add(lead);
    else leads.delete(lead);
    void save({ reminderLeadMinutes: [...leads] });
  };

  const applyShortcut = (event: FormEvent) => {
    event.preventDefault();
    const value = shortcut.trim();
    if (value !== '' && !ACCELERATOR.test(value)) {
      setShortcutError(S.settings.shortcutInvalid);
      return;
    }
    setShortcutError(null);
    void save({ globalShortcut: value === '' ? null : value });
  };

  const setAutoRenew = async (account: AccountView, autoRenew: boolean) => {
    const result = await api.updateAccount(account.id, { autoRenew }).catch(() => null);
    if (result?.ok) announce(S.settings.saved);
    else setError(failureMessage(result));
  };

  const remove = async (account: AccountView) => {
    const result = await api.removeAccount(account.id).catch(() => null);
    setConfirming(null);
    if (result?.ok) announce(S.settings.removed);
    else setError(failureMessage(result));
  };

  return (
    <section className="view settings" aria-labelledby={`${id}-title`}>
      <header className="view-header">
        <button type="button" className="icon" aria-label={S.settings.back} title={S.settings.back} onClick={onBack}>
          ←
        </button>
        <h1 id={`${id}-title`}>{S.settings.title}</h1>
      </header>

      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}

      <fieldset>
        <legend>{S.settings.reminders}</legend>
        {S.settings.reminderChoices.map(([lead, text]) => (
          <div className="checkbox" key={lead}>
            <input id={`${id}-lead-${lead}`} type="checkbox" checked={preferences.reminderLeadMinutes.includes(lead)} onChange={(e) => toggleLead(lead, e.target.checked)} />
            <label htmlFor={`${id}-lead-${lead}`}>{text}</label>
          </div>
        ))}
      </fieldset>

      <label htmlFor={`${id}-clipboard`}>{S.settings.clipboard}</label>
      <select id={`${id}-clipboard`} value={preferences.clipboardAutoClearSeconds} onChange={(e) => void save({ clipboardAutoClearSeconds: Number(e.target.value) })}>
        {S.settings.clipboardChoices.map(([seconds, text]) => (
          <option key={seconds} value={seconds}>
            {text}
          </option>
        ))}
      </select>

      <div className="checkbox">
        <input id={`${id}-login`} type="checkbox" checked={preferences.launchAtLogin} onChange={(e) => void save({ launchAtLogin: e.target.checked })} />
        <label htmlFor={`${id}-login`}>{S.settings.launchAtLogin}</label>
      </div>

      <form onSubmit={applyShortcut} className="shortcut">
        <label htmlFor={`${id}-shortcut`}>{S.settings.shortcut}</label>
        <div className="input-with-button">
          <input
            id={`${id}-shortcut`}
            type="text"
            placeholder={S.settings.shortcutPlaceholder}
            maxLength={LIMITS.shortcut}
            value={shortcut}
            aria-invalid={shortcutError ? true : undefined}
            aria-describedby={shortcutError ? `${id}-shortcut-error` : undefined}
            onChange={(e) => setShortcut(e.target.value)}
          />
          <button type="submit" className="secondary">
            {S.settings.shortcutApply}
          </button>
          {preferences.globalShortcut !== null ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setShortcut('');
                void save({ globalShortcut: null });
              }}
            >
              {S.settings.shortcutClear}
            </button>
          ) : null}
        </div>
        {shortcutError ? (
          <p className="field-error" id={`${id}-shortcut-error`}>
            {shortcutError}
          </p>
        ) : null}
      </form>

      {state.secretProtection.reason === 'basic-text-backend' ? (
        <div className="checkbox">
          <input id={`${id}-weak`} type="checkbox" checked={preferences.allowWeakSecretStorage} onChange={(e) => void save({ allowWeakSecretStorage: e.target.checked })} />
          <label htmlFor={`${id}-weak`}>{S.settings.weakStorage}</label>
        </div>
      ) : null}

      <h2>{S.settings.accountsHeading}</h2>
      <ul className="account-list">
        {state.accounts.map((account) => (
          <li key={account.id}>
            <p className="account-name">{nameOf(account)}</p>
            <div className="checkbox">
              <input id={`${id}-auto-${account.id}`} type="checkbox" checked={account.autoRenew} aria-describedby={`${id}-auto-hint`} onChange={(e) => void setAutoRenew(account, e.target.checked)} />
              <label htmlFor={`${id}-auto-${account.id}`}>{S.settings.autoRenew}</label>
            </div>
            {confirming === account.id ? (
              <div className="confirm" role="group" aria-label={S.settings.removeConfirm(nameOf(account))}>
                <p>{S.settings.removeConfirm(nameOf(account))}</p>
                <button type="button" className="danger" autoFocus onClick={() => void remove(account)}>
                  {S.settings.removeYes}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                  {S.settings.removeNo}
                </button>
              </div>
            ) : (
              <button type="button" className="link danger-link" onClick={() => setConfirming(account.id)}>
                {S.settings.remove(nameOf(account))}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="hint" id={`${id}-auto-hint`}>
        {S.settings.autoRenewHint}
      </p>

      {info ? (
        <dl className="paths">
          <dt>{S.settings.whereData}</dt>
          <dd>{info.dataDirectory}</dd>
          <dt>{S.settings.whereLogs}</dt>
          <dd>{info.logDirectory}</dd>
        </dl>
      ) : null}
    </section>
  );
}
