/**
 * Registers the invoke handlers on an IPC transport with every check in front of them: first the
 * sender (our popover's main frame, our origin), then the payload (its zod schema). Rejections are
 * logged and answered with an error kind — never a crash, never a thrown error across the boundary.
 */
import { TicketError } from '../engine/errors';
import type { Logger } from '../app/controller';
import { INVOKE_CHANNELS, type InvokeChannel, type IpcError, type IpcResult, type RequestOf, type ResponseOf } from './contract';
import { REQUEST_SCHEMAS } from './schemas';

/** Who sent an IPC message, as the transport reports it. */
export interface SenderInfo {
  /** The sending WebContents' id. */
  readonly webContentsId: number;
  /** URL of the frame that sent it. */
  readonly frameUrl: string;
  /** True when the sending frame is the top-level frame (not an iframe). */
  readonly isMainFrame: boolean;
}

/** The transport port: Electron's ipcMain in the app, a Playwright binding in the e2e harness. */
export interface IpcTransport {
  handle(channel: InvokeChannel, listener: (sender: SenderInfo, payload: unknown) => Promise<IpcResult<unknown>>): void;
}

/** What a trusted sender looks like. */
export interface TrustedSender {
  /** The popover's WebContents id (null before it exists: then nothing is trusted). */
  webContentsId(): number | null;
  /** The origin the popover is served from, e.g. `app://popover`. */
  readonly origin: string;
}

/** One handler per channel; the mapped type makes a missing one a compile error. */
export type IpcHandlers = { readonly [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Custom schemes have an opaque origin ('null'); compare scheme + host instead.
    return parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Checks that a message comes from our popover's main frame, at our origin. */
export function isTrustedSender(sender: SenderInfo, trusted: TrustedSender): boolean {
  const expectedId = trusted.webContentsId();
  return expectedId !== null && sender.webContentsId === expectedId && sender.isMainFrame && originOf(sender.frameUrl) === trusted.origin;
}

function toIpcError(error: unknown): IpcError {
  if (error instanceof TicketError) {
    return { kind: error.kind, message: error.message, ...(error.code ? { code: error.code } : {}), ...(error.field ? { field: error.field } : {}) };
  }
  return { kind: 'internal', message: 'Something went wrong in the app; see the log.' };
}

/** Registers every handler behind sender and payload validation. */
export function registerIpcHandlers(transport: IpcTransport, handlers: IpcHandlers, trusted: TrustedSender, log: Logger): void {
  for (const channel of Object.values(INVOKE_CHANNELS)) {
    const schema = REQUEST_SCHEMAS[channel];
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    transport.handle(channel, async (sender, payload) => {
      if (!isTrustedSender(sender, trusted)) {
        log.warn('IPC message from an untrusted sender rejected', { channel, frameUrl: sender.frameUrl, isMainFrame: sender.isMainFrame });
        return { ok: false, error: { kind: 'forbidden', message: 'This request is not allowed from here.' } };
      }
      const parsed = schema.safeParse(payload === undefined ? null : payload);
      if (!parsed.success) {
        // Paths and messages only: the rejected values could hold a password.
        const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`);
        log.warn('IPC payload rejected', { channel, issues });
        return { ok: false, error: { kind: 'invalid-request', message: 'The request was not valid.' } };
      }
      try {
        return { ok: true, value: (await handler(parsed.data)) ?? null };
      } catch (error) {
        if (!(error instanceof TicketError)) log.warn('IPC handler failed', { channel, error: error instanceof Error ? error.name : typeof error });
        return { ok: false, error: toIpcError(error) };
      }
    });
  }
}
