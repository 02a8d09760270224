import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isForbiddenAddress } from './url-guard';

export interface SendResult {
  /** The receiver's HTTP status; undefined when it gave none (time-out, refused, forbidden address). */
  statusCode?: number;
  /** Why the attempt failed, for the delivery's lastError; undefined on a 2xx. */
  error?: string;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

// What a receiver says back is read only to free the socket; nothing of it is kept.
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs one delivery. Redirects are never followed (a 3xx is a failed attempt: the receiver
 * must name its final URL), the whole attempt — connect, send, answer — has `timeoutMs`, and
 * the target is checked again against the SSRF rules at connect time.
 */
export async function sendDelivery(url: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<SendResult> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { error: 'invalid URL' };
  }
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!options.allowPrivate && isIP(host) && isForbiddenAddress(host)) return { error: `forbidden address ${host}` };
  const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
  if (!client) return { error: 'unsupported protocol' };

  return new Promise((resolve) => {
    const request = client.request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Manuplan-Webhooks/1' },
      lookup: guardedLookup(options.allowPrivate),
      agent: false,
    });
    const timer = setTimeout(() => {
      finish({ error: `no answer within ${options.timeoutMs} ms` });
      request.destroy();
    }, options.timeoutMs);
    let settled = false;
    function finish(result: SendResult) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    }
    request.on('error', (err) => finish({ error: err.message }));
    request.on('response', (response) => {
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) response.destroy();
      });
      const done = () => {
        const status = response.statusCode ?? 0;
        finish(status >= 200 && status < 300 ? { statusCode: status } : { statusCode: status, error: `HTTP ${status}` });
        request.destroy();
      };
      response.on('end', done);
      response.on('close', done);
      response.on('error', done);
    });
    request.end(body);
  });
}
