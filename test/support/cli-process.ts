/**
 * Runs the `zoho-ticket` CLI as a real child process (Node + tsx on the TypeScript source), the way a
 * script would, and collects its exit code and output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  /** Written to stdin, which is then closed. */
  readonly input?: string;
  /** Added to a clean environment (no inherited ZOHO_PASSWORD). */
  readonly env?: Readonly<Record<string, string>>;
  /** Called once the child has started, e.g. to send it a signal. */
  readonly onSpawn?: (child: ChildProcess) => void;
}

/** The environment the CLI child gets: the parent's, minus anything that could carry a password. */
function cleanEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['ZOHO_PASSWORD'];
  delete env['NODE_OPTIONS'];
  return { ...env, ...extra };
}

/** Spawns `node --import tsx main/cli/zoho-ticket.ts <args>`. */
export function runCliProcess(args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  return runCommand(process.execPath, ['--import', 'tsx', 'main/cli/zoho-ticket.ts', ...args], options);
}

/** Spawns any command in the project root and collects its output. */
export function runCommand(command: string, args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env: cleanEnv(options.env ?? {}), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.on('error', () => undefined); // the CLI may exit before reading stdin
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
    options.onSpawn?.(child);
  });
}
