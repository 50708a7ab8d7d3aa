/**
 * First run / add account: login id, password (show/hide), data centre or custom URL, the request
 * method under "Advanced", and whether to remember the password. Submitting requests the first ticket;
 * errors appear next to the field they concern, in the engine's words.
 */
import { useId, useState, type FormEvent } from 'react';
import { LIMITS, type AppStateView, type DataCentreCode, type Endpoint, type ErrorView, type Method } from '../../main/ipc/contract';
import type { ZohoTicketTrayApi } from '../../preload/bridge';
import type { Announce } from '../App';
import { DATA_CENTRE_NAMES, failureMessage, fieldOf, S } from '../strings';

const CUSTOM = 'custom';

interface Props {
  readonly api: ZohoTicketTrayApi;
  readonly state: AppStateView;
  readonly announce: Announce;
  readonly onDone: () => void;
  /** Null on first run: there is nothing to go back to. */
  readonly onCancel: (() => void) | null;
}

type FieldErrors = Partial<Record<'loginId' | 'password' | 'accountsUrl' | 'dataCentre' | 'form', string>>;

export function AddAccount({ api, state, announce, onDone, onCancel }: Props) {
  const id = useId();
  const [label, setLabel] = useState('');
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [dataCentre, setDataCentre] = useState<DataCentreCode | typeof CUSTOM>('us');
  const [accountsUrl, setAccountsUrl] = useState('');
  const [method, setMethod] = useState<Method>('post');
  const [remember, setRemember] = useState(true);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const memoryOnly = state.secretProtection.level === 'memory-only';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (loginId.trim() === '') missing.loginId = S.add.required;
    if (password === '') missing.password = S.add.required;
    if (dataCentre === CUSTOM && accountsUrl.trim() === '') missing.accountsUrl = S.add.required;
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const endpoint: Endpoint = dataCentre === CUSTOM ? { accountsUrl: accountsUrl.trim() } : { dataCentre };
    setBusy(true);
    const result = await api
      .addAccount({ label: label.trim(), loginId: loginId.trim(), endpoint, method, password, rememberPassword: remember, autoRenew: remember })
      .catch(() => null);
    setBusy(false);
    if (result?.ok) {
      setPassword('');
      announce(S.add.added);
      onDone();
      return;
    }
    const error: ErrorView = result?.ok === false && result.error.kind !== 'forbidden' && result.error.kind !== 'invalid-request' && result.error.kind !== 'internal'
      ? (result.error as ErrorView)
      : { kind: 'protocol', message: failureMessage(result) };
    const field = fieldOf(error);
    // "No such user" concerns the login id *and* the data centre: say it at the login id, where it is read first.
    setErrors(field === null ? { form: error.message } : { [field === 'dataCentre' ? 'loginId' : field]: error.message });
    announce(error.message);
  };

  const describedBy = (name: keyof FieldErrors, hint?: string) => [errors[name] ? `${id}-${name}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (name: keyof FieldErrors) =>
    errors[name] ? (
      <p className="field-error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <form className="view add-account" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <header className="view-header">
        <h1 id={`${id}-title`}>{S.add.title}</h1>
      </header>
      <p className="muted">{S.add.intro}</p>

      <label htmlFor={`${id}-login`}>{S.add.loginId}</label>
      <input
        id={`${id}-login`}
        type="text"
        inputMode="email"
        autoComplete="username"
        autoFocus
        maxLength={LIMITS.loginId}
        value={loginId}
        aria-invalid={errors.loginId ? true : undefined}
        aria-describedby={describedBy('loginId')}
        onChange={(e) => setLoginId(e.target.value)}
      />
      {fieldError('loginId')}

      <label htmlFor={`${id}-password`}>{S.add.password}</label>
      <div className="input-with-button">
        <input
          id={`${id}-password`}
          type={showPassword ? 'text' : 'password'}
          autoComplete="current-password"
          maxLength={LIMITS.password}
          value={password}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy('password', `${id}-password-hint`)}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="button" className="secondary" aria-pressed={showPassword} aria-label={showPassword ? S.add.hidePassword : S.add.showPassword} onClick={() => setShowPassword((v) => !v)}>
          {showPassword ? S.add.hide : S.add.show}
        </button>
      </div>
      <p className="hint" id={`${id}-password-hint`}>
        {S.add.passwordHint}{' '}
        <button type="button" className="link" onClick={() => void api.openHelp('app-specific-password')}>
          {S.help.appPassword}
        </button>
      </p>
      {fieldError('password')}

      <label htmlFor={`${id}-dc`}>{S.add.dataCentre}</label>
      <select id={`${id}-dc`} value={dataCentre} onChange={(e) => setDataCentre(e.target.value as DataCentreCode | typeof CUSTOM)}>
        {(Object.keys(DATA_CENTRE_NAMES) as DataCentreCode[]).map((code) => (
          <option key={code} value={code}>
            {DATA_CENTRE_NAMES[code]}
          </option>
        ))}
        <option value={CUSTOM}>{S.add.customUrl}</option>
      </select>
      {dataCentre === CUSTOM ? (
        <>
          <label htmlFor={`${id}-url`}>{S.add.accountsUrl}</label>
          <input
            id={`${id}-url`}
            type="url"
            placeholder={S.add.accountsUrlPlaceholder}
            maxLength={LIMITS.accountsUrl}
            value={accountsUrl}
            aria-invalid={errors.accountsUrl ? true : undefined}
            aria-describedby={describedBy('accountsUrl')}
            onChange={(e) => setAccountsUrl(e.target.value)}
          />
          {fieldError('accountsUrl')}
        </>
      ) : null}

      <label htmlFor={`${id}-label`}>{S.add.label}</label>
      <input id={`${id}-label`} type="text" maxLength={LIMITS.label} placeholder={S.add.labelPlaceholder} value={label} onChange={(e) => setLabel(e.target.value)} />

      <details className="advanced">
        <summary>{S.add.advanced}</summary>
        <label htmlFor={`${id}-method`}>{S.add.method}</label>
        <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.target.value as Method)}>
          <option value="post">{S.add.methodPost}</option>
          <option value="get">{S.add.methodGet}</option>
        </select>
      </details>

      <div className="checkbox">
        <input id={`${id}-remember`} type="checkbox" checked={remember} aria-describedby={`${id}-remember-hint`} onChange={(e) => setRemember(e.target.checked)} />
        <label htmlFor={`${id}-remember`}>{S.add.remember}</label>
      </div>
      <p className={memoryOnly ? 'hint warning' : 'hint'} id={`${id}-remember-hint`}>
        {memoryOnly ? S.add.rememberSessionOnly : S.add.rememberSecure}
      </p>

      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}

      <div className="actions">
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            {S.add.cancel}
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? S.add.submitting : S.add.submit}
        </button>
      </div>
    </form>
  );
}
