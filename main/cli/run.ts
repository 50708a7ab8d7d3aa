/**
 * `zoho-ticket`: the command line for scripts, built on the same engine as the app.
 * All process I/O comes in through {@link CliIo}, so tests run it in-process as well as as a child.
 */
import { parseArgs } from 'node:util';
import {
  accountsBaseUrl,
  DATA_CENTRE_IDS,
  DEFAULT_TIMEOUT_MS,
  isDataCentreId,
  MAX_TIMEOUT_MS,
  REQUEST_METHODS,
  TicketError,
  ZohoAccountsClient,
  type AccountsEndpoint,
  type FetchLike,
  type RequestMethod,
  type TicketErrorKind,
} from '../engine';
import { readPassword, type PasswordSource } from './password';

/** Exit codes, part of the CLI's contract with scripts. */
export const EXIT = {
  ok: 0,
  usage: 2,
  refused: 3,
  transport: 4,
  protocol: 5,
  interrupted: 130,
} as const;

const EXIT_BY_KIND: Readonly<Record<TicketErrorKind, number>> = {
  'invalid-input': EXIT.usage,
  refused: EXIT.refused,
  network: EXIT.transport,
  timeout: EXIT.transport,
  tls: EXIT.transport,
  protocol: EXIT.protocol,
  cancelled: EXIT.interrupted,
};

/** Where the CLI reads and writes. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Where the password comes from when `ZOHO_PASSWORD` is not set. */
  readonly stdin: PasswordSource;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Injected for tests; defaults to the global fetch. */
  readonly fetch?: FetchLike;
  /** Aborted on SIGINT by the entry point. */
  readonly signal?: AbortSignal;
}

const PROGRAM = 'zoho-ticket';

/** The `--help` text. */
export const USAGE = `Usage: ${PROGRAM} request --login-id <id> [options]

Requests a Zoho CRM API ticket (valid 7 days) and prints it on stdout.

Options:
  --login-id <id>        Zoho user name or e-mail address (required)
  --dc <code>            data centre: ${DATA_CENTRE_IDS.join('|')} (default: us)
  --accounts-url <url>   a custom accounts server instead of --dc (https; http only for loopback)
  --method post|get      how to send the request (default: post; get is the 2009 form)
  --timeout <seconds>    give up after this long (default: ${DEFAULT_TIMEOUT_MS / 1000})
  --json                 print {ticket, issuedAt, expiresAt, accountsUrl, loginId, warning}
  -h, --help             show this help
  -v, --version          show the version

The password is read from the ZOHO_PASSWORD environment variable or, if unset, from the first line of
standard input (prompted without echo on a terminal). It is never accepted as an argument.
With two-factor authentication on, use an application-specific password.

Exit codes: 0 ticket printed; 2 usage or invalid input; 3 refused by the server;
            4 network, timeout or TLS error; 5 protocol error (not a ticket answer); 130 interrupted.
`;

class UsageError extends Error {}

interface RequestCommand {
  readonly loginId: string;
  readonly endpoint: AccountsEndpoint;
  readonly method: RequestMethod;
  readonly timeoutMs: number;
  readonly json: boolean;
}

type ParsedCommand = { readonly kind: 'help' } | { readonly kind: 'version' } | ({ readonly kind: 'request' } & RequestCommand);

function parseCommand(argv: readonly string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'login-id': { type: 'string' },
        dc: { type: 'string' },
        'accounts-url': { type: 'string' },
        method: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    if (argv.some((arg) => /^--?pass(word)?(=|$)/i.test(arg))) {
      // Arguments show up in `ps` and shell history: refuse rather than accept a password there.
      throw new UsageError('the password is never taken as an argument; set ZOHO_PASSWORD or pipe it on standard input');
    }
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] ?? 'bad arguments' : 'bad arguments');
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...extra] = positionals;
  if (command === undefined) throw new UsageError('missing command (try: request --login-id <id>)');
  if (command !== 'request') throw new UsageError(`unknown command "${command}" (the command is: request)`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);

  const loginId = values['login-id'];
  if (loginId === undefined || loginId.trim() === '') throw new UsageError('--login-id is required');
  if (values.dc !== undefined && values['accounts-url'] !== undefined) {
    throw new UsageError('give either --dc or --accounts-url, not both');
  }
  let endpoint: AccountsEndpoint;
  if (values['accounts-url'] !== undefined) {
    endpoint = { accountsUrl: values['accounts-url'] };
  } else {
    const dc = (values.dc ?? 'us').toLowerCase();
    if (!isDataCentreId(dc)) {
      throw new UsageError(`unknown data centre "${values.dc ?? ''}" (expected one of ${DATA_CENTRE_IDS.join(', ')})`);
    }
    endpoint = { dataCentre: dc };
  }
  const method = (values.method ?? 'post').toLowerCase();
  if (!(REQUEST_METHODS as readonly string[]).includes(method)) {
    throw new UsageError(`unknown method "${values.method ?? ''}" (expected post or get)`);
  }
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (values.timeout.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds * 1000 > MAX_TIMEOUT_MS) {
      throw new UsageError(`--timeout must be a number of seconds above 0 and at most ${MAX_TIMEOUT_MS / 1000}`);
    }
    timeoutMs = seconds * 1000;
  }
  return { kind: 'request', loginId, endpoint, method: method as RequestMethod, timeoutMs, json: values.json ?? false };
}

/** One line on stderr for an engine error; the refusal's cause goes with it. */
function describeError(error: TicketError): string {
  if (error.kind === 'refused' && error.code !== undefined) return `${error.message} (cause: ${error.code})`;
  return error.message;
}

/**
 * Runs the CLI.
 *
 * @param argv - the arguments after the program name
 * @returns the process exit code
 */
export async function runCli(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  const fail = (code: number, message: string): number => {
    io.stderr.write(`${PROGRAM}: ${message}\n`);
    return code;
  };
  let command: ParsedCommand;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(EXIT.usage, `${error.message} (see '${PROGRAM} --help')`);
    throw error;
  }
  if (command.kind === 'help') {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (command.kind === 'version') {
    io.stdout.write(`${version}\n`);
    return EXIT.ok;
  }
  try {
    // Validate the endpoint before asking for a password: a bad URL is refused before any prompt or request.
    const accountsUrl = accountsBaseUrl(command.endpoint);
    const password = await readPassword(io.env, io.stdin, `Zoho password for ${command.loginId.trim()}: `, io.stderr);
    if (password === null) {
      return fail(EXIT.usage, 'no password: set ZOHO_PASSWORD or pipe it on standard input');
    }
    const client = new ZohoAccountsClient({ timeoutMs: command.timeoutMs, ...(io.fetch ? { fetch: io.fetch } : {}) });
    const ticket = await client.requestTicket(
      { id: 'cli', loginId: command.loginId, endpoint: command.endpoint, method: command.method },
      password,
      io.signal ? { signal: io.signal } : {},
    );
    if (command.json) {
      io.stdout.write(
        `${JSON.stringify({
          ticket: ticket.value,
          issuedAt: new Date(ticket.issuedAtMs).toISOString(),
          expiresAt: new Date(ticket.expiresAtMs).toISOString(),
          accountsUrl,
          loginId: command.loginId.trim(),
          warning: ticket.warning,
        })}\n`,
      );
    } else {
      io.stdout.write(`${ticket.value}\n`);
    }
    if (ticket.warning !== null && !command.json) io.stderr.write(`${PROGRAM}: warning from the server: ${ticket.warning}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof TicketError) return fail(EXIT_BY_KIND[error.kind], describeError(error));
    // Anything else is a bug; say so without echoing values that might hold secrets.
    return fail(EXIT.protocol, `unexpected failure (${error instanceof Error ? error.name : typeof error})`);
  }
}
