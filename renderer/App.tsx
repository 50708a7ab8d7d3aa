/**
 * The popover: loads the state from main, follows its pushes, and shows the add-account view (first
 * run), the ticket view or the settings. Talks only to the preload's intents (`window.zohoTicketTray`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStateView } from '../main/ipc/contract';
import type { ZohoTicketTrayApi } from '../preload/bridge';
import { S } from './strings';
import { AddAccount } from './views/AddAccount';
import { Settings } from './views/Settings';
import { TicketView } from './views/TicketView';

type View = 'ticket' | 'add' | 'settings';

export interface AppProps {
  /** The preload's API; undefined when the page is opened outside the app. */
  readonly api: ZohoTicketTrayApi | undefined;
}

/** Announces results to screen readers (copy, renewal…) through one polite live region. */
export type Announce = (message: string) => void;

export function App({ api }: AppProps) {
  const [state, setState] = useState<AppStateView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(api ? null : S.bridgeMissing);
  const [view, setView] = useState<View>('ticket');
  const [announcement, setAnnouncement] = useState('');
  const announceSeq = useRef(0);

  const announce = useCallback<Announce>((message) => {
    // Re-setting the same text would not be re-read: alternate a zero-width suffix.
    announceSeq.current += 1;
    setAnnouncement(announceSeq.current % 2 ? message : `${message}\u200b`);
  }, []);

  const load = useCallback(async () => {
    if (!api) return;
    setLoadError(null);
    const result = await api.getState().catch(() => null);
    if (result?.ok) setState(result.value);
    else setLoadError(S.loadFailed);
  }, [api]);

  useEffect(() => {
    if (!api) return undefined;
    void load();
    const offState = api.onState((next) => setState(next));
    const offFocus = api.onFocusAccount(() => setView('ticket'));
    return () => {
      offState();
      offFocus();
    };
  }, [api, load]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) void api?.hidePopover();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [api]);

  let body;
  if (loadError !== null) {
    body = (
      <div className="centered" role="alert">
        <p>{loadError}</p>
        {api ? (
          <button type="button" onClick={() => void load()}>
            {S.retry}
          </button>
        ) : null}
      </div>
    );
  } else if (state === null || !api) {
    body = (
      <div className="centered" aria-busy="true">
        <p>{S.loading}</p>
      </div>
    );
  } else if (state.accounts.length === 0 || view === 'add') {
    body = <AddAccount api={api} state={state} announce={announce} onDone={() => setView('ticket')} onCancel={state.accounts.length > 0 ? () => setView('ticket') : null} />;
  } else if (view === 'settings') {
    body = <Settings api={api} state={state} announce={announce} onBack={() => setView('ticket')} />;
  } else {
    body = <TicketView api={api} state={state} announce={announce} onAdd={() => setView('add')} onSettings={() => setView('settings')} />;
  }

  return (
    <main className="popover">
      {body}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {announcement}
      </div>
    </main>
  );
}
