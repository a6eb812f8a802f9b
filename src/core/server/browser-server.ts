import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerEvent } from '../../shared/api/events';
import type { ApiResult, ErrorCode } from '../../shared/api/result';
import type { Core } from '../api/core-services';
import { readStaticFile } from './static-files';

export interface BrowserServerOptions {
  core: Core;
  /** The built renderer (`out/renderer`). */
  staticDir: string;
  port?: number;
  /** A fixed token for tests; otherwise a random one per launch. */
  token?: string;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const maxBodyBytes = 50 * 1024 * 1024;
const tokenCookie = 'pilotdesk_token';

/** The same CSP as the desktop window: only our own scripts, no remote anything. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Naive UI injects its generated styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const statusFor: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  NO_WORKSPACE: 409,
  WORKSPACE_INVALID: 422,
  UNAUTHORIZED: 401,
  STORAGE: 507,
  UNKNOWN_OPERATION: 404,
  INTERNAL: 500,
};

function sameToken(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === tokenCookie) return value.join('=');
  }
  return undefined;
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function unauthorized(response: ServerResponse): void {
  sendJson(response, 401, {
    ok: false,
    error: { code: 'UNAUTHORIZED', key: 'errors.invalidToken' },
  } satisfies ApiResult<never>);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Browser mode: the console over HTTP on 127.0.0.1 only. The per-launch token is checked before
 * anything else on every path. API calls must carry it in the Authorization header (a cookie
 * alone is not enough, so another page on this machine cannot make calls with it); the page and
 * its assets accept the cookie set when the printed address was opened.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const events = new Set<ServerResponse>();
  const unsubscribe = options.core.subscribe((event: ServerEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of events) client.write(line);
  });
  let port = 0;

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent)
        sendJson(response, 500, { ok: false, error: { code: 'INTERNAL', key: 'errors.serverInternal' } });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // A page on another host name that resolves here (DNS rebinding) must not reach the API.
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      sendJson(response, 421, { ok: false, error: { code: 'UNAUTHORIZED', key: 'errors.wrongHost' } });
      return;
    }
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    const queryToken = url.searchParams.get('token');
    const isEventStream = url.pathname === '/api/events';
    const authorized = isApi
      ? sameToken(isEventStream ? queryToken : bearerToken(request), token)
      : sameToken(queryToken, token) || sameToken(cookieToken(request), token);
    if (!authorized) {
      unauthorized(response);
      return;
    }

    if (isEventStream) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      events.add(response);
      request.on('close', () => events.delete(response));
      return;
    }

    if (isApi) {
      if (request.method !== 'POST') {
        sendJson(response, 405, { ok: false, error: { code: 'VALIDATION', key: 'errors.postOnly' } });
        return;
      }
      const operation = url.pathname.slice('/api/'.length);
      let input: unknown;
      try {
        const body = await readBody(request);
        input = body.trim() === '' ? undefined : JSON.parse(body);
      } catch {
        sendJson(response, 400, { ok: false, error: { code: 'VALIDATION', key: 'errors.invalidJson' } });
        return;
      }
      const result = await options.core.dispatcher.call(operation, input);
      sendJson(response, result.ok ? 200 : statusFor[result.error.code], result);
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { ok: false, error: { code: 'VALIDATION', key: 'errors.methodNotAllowed' } });
      return;
    }
    const file = readStaticFile(options.staticDir, url.pathname);
    if (!file) {
      sendJson(response, 404, { ok: false, error: { code: 'NOT_FOUND', key: 'errors.consoleNotBuilt' } });
      return;
    }
    const headers: Record<string, string> = {
      'content-type': file.contentType,
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    };
    if (sameToken(queryToken, token)) {
      headers['set-cookie'] = `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of events) client.end();
        events.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
