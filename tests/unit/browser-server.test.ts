import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../src/core/server/browser-server';
import { createTestCore } from './helpers/test-core';
import { tempDir } from './helpers/temp-dir';

const indexHtml = '<!doctype html><title>PilotDesk</title><script type="module" src="/assets/app.js"></script>';
const appJs = 'console.log("console app");';
const secret = 'SECRET-OUTSIDE-STATIC-DIR';

/** A built console in a temp folder, with a file beside it that must never be served. */
function makeStaticDir(): string {
  const root = tempDir();
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: secret }));
  writeFileSync(join(root, 'secret.txt'), secret);
  const staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), indexHtml);
  writeFileSync(join(staticDir, 'assets', 'app.js'), appJs);
  return staticDir;
}

async function startServer(): Promise<{ server: BrowserServer; base: string }> {
  const core = createTestCore();
  const server = await startBrowserServer({ core, staticDir: makeStaticDir(), port: 0 });
  onTestFinished(() => server.close());
  return { server, base: `http://127.0.0.1:${server.port}` };
}

function bearer(server: BrowserServer): Record<string, string> {
  return { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
}

async function callApi(base: string, server: BrowserServer, operation: string, body?: unknown) {
  const response = await fetch(`${base}/api/${operation}`, {
    method: 'POST',
    headers: bearer(server),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string; fields?: unknown } },
  };
}

/** A raw request, so the path and Host header go out exactly as written (fetch would tidy them). */
function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser mode server', () => {
  it('listens on 127.0.0.1 and prints an address that carries the token', async () => {
    const { server } = await startServer();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(24);
  });

  it.each([['/'], ['/assets/app.js'], ['/api/stores.list'], ['/api/events'], ['/nonexistent']])(
    'answers %s with 401 and nothing else without the token',
    async (path) => {
      const { base } = await startServer();
      const response = await fetch(`${base}${path}`, {
        method: path.startsWith('/api/') && path !== '/api/events' ? 'POST' : 'GET',
      });
      expect(response.status).toBe(401);
      const body = await response.text();
      expect(body).not.toContain('PilotDesk</title>');
      expect(body).not.toContain('console app');
      expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    },
  );

  it('refuses a wrong token', async () => {
    const { base, server } = await startServer();
    expect((await fetch(`${base}/?token=${server.token.slice(0, -1)}x`)).status).toBe(401);
    const response = await fetch(`${base}/api/stores.list`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope' },
    });
    expect(response.status).toBe(401);
  });

  it('serves the page for the printed address with a CSP header and a token cookie', async () => {
    const { server } = await startServer();
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(indexHtml);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`=${server.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('serves assets with the cookie alone, but not the API', async () => {
    const { base, server } = await startServer();
    const cookie = ((await fetch(server.url)).headers.get('set-cookie') ?? '').split(';')[0] as string;

    const asset = await fetch(`${base}/assets/app.js`, { headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe(appJs);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);

    const api = await fetch(`${base}/api/workspace.current`, { method: 'POST', headers: { cookie } });
    expect(api.status).toBe(401);
  });

  it("serves the page for the console's own routes so a reload works", async () => {
    const { base, server } = await startServer();
    const response = await fetch(`${base}/stores/123?token=${server.token}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(indexHtml);
  });

  it('answers API calls carrying the bearer token', async () => {
    const { base, server } = await startServer();
    expect(await callApi(base, server, 'workspace.current')).toEqual({ status: 200, json: { ok: true, data: null } });
    const created = await callApi(base, server, 'workspace.create', { name: '浏览器模式', region: '华东' });
    expect(created.status).toBe(200);
    expect(created.json.data).toMatchObject({ name: '浏览器模式' });
    expect(await callApi(base, server, 'stores.list')).toEqual({ status: 200, json: { ok: true, data: [] } });
  });

  it('refuses a request whose Host is not this server, even with the right token', async () => {
    const { server } = await startServer();
    const api = await rawGet(server.port, `/?token=${server.token}`, { host: `evil.example:${server.port}` });
    expect(api.status).not.toBe(200);
    expect(api.body).not.toContain('PilotDesk</title>');

    const call = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/workspace.current',
          method: 'POST',
          headers: { ...bearer(server), host: `attacker.test:${server.port}` },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(call.status).not.toBe(200);
    expect(JSON.parse(call.body)).toMatchObject({ ok: false });
  });

  it('accepts localhost as the host name too', async () => {
    const { server } = await startServer();
    const page = await rawGet(server.port, `/?token=${server.token}`, { host: `localhost:${server.port}` });
    expect(page.status).toBe(200);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const { base, server } = await startServer();
    const response = await fetch(`${base}/api/workspace.create`, {
      method: 'POST',
      headers: bearer(server),
      body: '{name:',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers 405 to a GET on the API', async () => {
    const { base, server } = await startServer();
    const response = await fetch(`${base}/api/stores.list`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(response.status).toBe(405);
  });

  it('answers 400 with the fields at fault to invalid input', async () => {
    const { base, server } = await startServer();
    const { status, json } = await callApi(base, server, 'workspace.create', { name: '', region: '华东' });
    expect(status).toBe(400);
    expect(json).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ field: 'name', rule: 'required' }] },
    });
  });

  it('answers an unknown operation with 404 and an operation needing a workspace with 409', async () => {
    const { base, server } = await startServer();
    expect((await callApi(base, server, 'stores.explode')).status).toBe(404);
    const { status, json } = await callApi(base, server, 'stores.list');
    expect(status).toBe(409);
    expect(json.error?.code).toBe('NO_WORKSPACE');
  });

  it.each([
    ['/../package.json'],
    ['/../secret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/%2e%2e%2fsecret.txt'],
    ['/..%2fsecret.txt'],
    ['/assets/..%2f..%2fsecret.txt'],
    ['/assets/%2e%2e/%2e%2e/package.json'],
    ['/%252e%252e/secret.txt'],
  ])('does not serve anything outside the console folder for %s', async (path) => {
    const { server } = await startServer();
    const cookie = `pilotdesk_token=${server.token}`;
    const response = await rawGet(server.port, path, { cookie, host: `127.0.0.1:${server.port}` });
    expect(response.body).not.toContain(secret);
    if (response.status === 200) expect(response.body).toBe(indexHtml);
    else expect(response.status).toBe(404);
  });

  it('pushes workspace.changed to an event stream opened with the token', async () => {
    const { base, server } = await startServer();
    const abort = new AbortController();
    onTestFinished(() => abort.abort());
    const stream = await fetch(`${base}/api/events?token=${server.token}`, { signal: abort.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    // Wait for the stream to be registered (its first comment) before causing the event.
    while (!received.includes(': connected')) received += decoder.decode((await reader.read()).value);

    const created = await callApi(base, server, 'workspace.create', { name: '事件', region: '华东' });
    const workspaceId = (created.json.data as { id: string }).id;
    while (!received.includes('workspace.changed')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    const events = received
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as unknown);
    expect(events).toEqual([{ type: 'workspace.changed', workspaceId }]);
  });

  it('refuses an event stream without the token in the query', async () => {
    const { base, server } = await startServer();
    const response = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(response.status).toBe(401);
  });
});
