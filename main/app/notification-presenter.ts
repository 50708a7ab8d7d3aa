/**
 * Native notifications from controller events: one per account (a new one closes the previous: replace,
 * don't stack); a click opens the popover on that account; a Renew (or Copy) action where the platform
 * has actions; a failed automatic renewal says why.
 */
import type { AppController, AppEvent } from './controller';
import { formatTimeLeft, MESSAGES, type Formatter } from './messages';
import type { Notifier, NotificationSpec, ShownNotification } from '../platform/platform';

export interface NotificationActions {
  openPopoverOn(accountId: string): void;
  renew(accountId: string): void;
  copy(accountId: string): void;
}

export class NotificationPresenter {
  readonly #shown = new Map<string, ShownNotification>();
  readonly #unsubscribe: () => void;

  constructor(
    private readonly controller: AppController,
    private readonly notifier: Notifier,
    private readonly actions: NotificationActions,
    private readonly format: Formatter,
  ) {
    this.#unsubscribe = controller.onEvent((event) => this.#onEvent(event));
  }

  dispose(): void {
    this.#unsubscribe();
    for (const notification of this.#shown.values()) notification.close();
    this.#shown.clear();
  }

  #name(accountId: string): string {
    const account = this.controller.snapshot().accounts.find((a) => a.id === accountId);
    return account ? account.label || account.loginId : '';
  }

  #onEvent(event: AppEvent): void {
    const renew = { id: 'renew', label: MESSAGES.notification.renewAction };
    const copy = { id: 'copy', label: MESSAGES.notification.copyAction };
    switch (event.type) {
      case 'reminder-due': {
        const name = this.#name(event.accountId);
        const spec: NotificationSpec =
          event.leadMinutes === 0
            ? { title: MESSAGES.notification.expired, body: MESSAGES.notification.expiredBody(name), actions: [renew] }
            : {
                title: MESSAGES.notification.expiresIn(formatTimeLeft(event.leadMinutes * 60_000)),
                body: MESSAGES.notification.expiresInBody(name),
                actions: [renew],
              };
        return this.#show(event.accountId, spec);
      }
      case 'renewed':
        if (!event.automatic) return; // the user is looking at the popover already
        return this.#show(event.accountId, {
          title: MESSAGES.notification.renewed,
          body: MESSAGES.notification.renewedBody(this.#name(event.accountId)),
          actions: [copy],
        });
      case 'renewal-failed':
        if (!event.automatic) return; // a manual failure shows in the popover, next to its field
        return this.#show(event.accountId, {
          title: MESSAGES.notification.failed,
          body: MESSAGES.notification.failedBody(this.#name(event.accountId), event.error.message, event.retryAtMs === null ? null : this.format.time(event.retryAtMs)),
          actions: event.needsUser ? [] : [renew],
        });
      case 'state-changed':
        return;
    }
  }

  #show(accountId: string, spec: NotificationSpec): void {
    this.#shown.get(accountId)?.close();
    const actions = this.notifier.supportsActions() ? spec.actions : [];
    const shown = this.notifier.show(
      { ...spec, actions },
      {
        onClick: () => this.actions.openPopoverOn(accountId),
        onAction: (actionId) => (actionId === 'renew' ? this.actions.renew(accountId) : actionId === 'copy' ? this.actions.copy(accountId) : undefined),
      },
    );
    this.#shown.set(accountId, shown);
  }
}
