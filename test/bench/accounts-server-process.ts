/**
 * Runs the fake accounts server in its own process for the request benchmark, so the server's work
 * does not share the event loop with the client being measured. Prints its URL, then serves the
 * recorded 2011 body to every request until stdin closes.
 */
import { FakeAccountsServer } from '../support/fake-accounts-server';
import { RECORDED_2011 } from '../support/recorded-bodies';

const server = await FakeAccountsServer.start();
server.respondAlways({ kind: 'body', body: RECORDED_2011 });
process.stdout.write(`${server.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
