#!/usr/bin/env node
/**
 * Entry point of the `zoho-ticket` command: wires {@link runCli} to the real process.
 */
import { runCli } from './run';
import { version } from '../../package.json';

const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: interrupt.signal,
}, version);
process.exitCode = code;
// Do not wait for a half-read stdin pipe or an idle keep-alive socket to let the process exit.
process.stdin.destroy();
