/**
 * The engine's default transport outside Electron (CLI, tests, benchmarks): a minimal `fetch` over
 * `node:http`/`node:https` with keep-alive agents.
 *
 * Why not `globalThis.fetch`: in Node 20, undici charges ~100 µs of CPU per request that carries an
 * `AbortSignal` (listener and finalizer bookkeeping), and every request here carries one for its
 * deadline. `node:http` aborts by destroying the socket, cheaply. It implements only what
 * {@link FetchLike} callers in this engine use: method, string body, plain-object headers and signal;
 * it never follows redirects and sends no cookies, matching the `redirect: 'manual'` and
 * `credentials: 'omit'` the client asks for. The app injects Electron's `net.fetch` instead.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { FetchLike } from './accounts-client';

const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

function toHeaders(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}

function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (headers === undefined) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(new Headers(headers));
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') plain[name] = value;
  return plain;
}

/** A `fetch` for Node over `node:http(s)`; see the module comment for what it supports. */
export const nodeHttpFetch: FetchLike = (input, init) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(input);
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') {
      reject(new TypeError(`unsupported protocol ${url.protocol}`));
      return;
    }
    const body = typeof init.body === 'string' ? init.body : undefined;
    if (init.body !== undefined && init.body !== null && body === undefined) {
      reject(new TypeError('nodeHttpFetch sends string bodies only'));
      return;
    }
    const headers = plainHeaders(init.headers);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const options = {
      method: init.method ?? 'GET',
      headers,
      agent: secure ? httpsAgent : httpAgent,
      ...(init.signal ? { signal: init.signal } : {}),
    };
    const onResponse = (incoming: IncomingMessage) => {
      const status = incoming.statusCode ?? 0;
      if (status < 200 || status > 599) {
        incoming.destroy();
        reject(new Error(`unexpected HTTP status ${status}`));
        return;
      }
      const noBody = status === 204 || status === 304 || options.method === 'HEAD';
      if (noBody) incoming.resume();
      resolve(
        new Response(noBody ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>), {
          status,
          statusText: incoming.statusMessage ?? '',
          headers: toHeaders(incoming),
        }),
      );
    };
    const request = secure ? httpsRequest(url, options, onResponse) : httpRequest(url, options, onResponse);
    request.on('error', reject);
    request.end(body);
  });
