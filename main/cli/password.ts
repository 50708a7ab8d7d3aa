/**
 * Where the CLI gets the password: `ZOHO_PASSWORD`, else the first line of standard input, prompted
 * without echo on a terminal. Never from an argument (arguments are visible in `ps` and shell history).
 */
import type { Readable } from 'node:stream';
import { TicketError } from '../engine';

/** Standard input as the CLI sees it; `isTTY`/`setRawMode` exist only on a terminal. */
export type PasswordSource = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/** More than any password; stops a runaway pipe from filling memory. */
const MAX_LINE_CHARS = 64 * 1024;

/**
 * Reads the first line of `source`, without its line ending. Resolves with what came before EOF when
 * there is no line ending, and pauses the stream afterwards so the process can exit.
 */
export function readFirstLine(source: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const finish = (line: string) => {
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
      source.pause();
      resolve(line);
    };
    const onData = (chunk: string | Buffer) => {
      buffered += chunk.toString();
      const end = buffered.search(/\r\n|\r|\n/);
      if (end >= 0) finish(buffered.slice(0, end));
      else if (buffered.length > MAX_LINE_CHARS) finish(buffered.slice(0, MAX_LINE_CHARS));
    };
    const onEnd = () => finish(buffered);
    const onError = (error: Error) => {
      source.off('data', onData);
      source.off('end', onEnd);
      reject(error);
    };
    source.setEncoding('utf8');
    source.on('data', onData);
    source.on('end', onEnd);
    source.on('error', onError);
    source.resume();
  });
}

/** Reads a line from a terminal in raw mode without echoing it. Ctrl-C cancels. */
function readHiddenLine(terminal: PasswordSource, prompt: string, echo: { write(text: string): unknown }): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    echo.write(prompt);
    terminal.setRawMode?.(true);
    terminal.setEncoding('utf8');
    const done = (action: () => void) => {
      terminal.off('data', onData);
      terminal.setRawMode?.(false);
      terminal.pause();
      echo.write('\n');
      action();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(() => resolve(typed));
        if (ch === '\u0003') {
          return done(() => reject(new TicketError('cancelled', 'Cancelled at the password prompt.', { code: 'CANCELLED' })));
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    terminal.on('data', onData);
    terminal.resume();
  });
}

/**
 * The password for a CLI run, or null when none was given.
 *
 * @param env - `ZOHO_PASSWORD` wins when set
 * @param stdin - read when the variable is unset
 * @param prompt - shown on `promptOut` when stdin is a terminal
 */
export async function readPassword(
  env: Readonly<Record<string, string | undefined>>,
  stdin: PasswordSource,
  prompt: string,
  promptOut: { write(text: string): unknown },
): Promise<string | null> {
  const fromEnv = env['ZOHO_PASSWORD'];
  if (fromEnv !== undefined) return fromEnv === '' ? null : fromEnv;
  const line = stdin.isTTY ? await readHiddenLine(stdin, prompt, promptOut) : await readFirstLine(stdin);
  return line === '' ? null : line;
}
