import type { ServerEvent } from '../../shared/api/events';
import type { Transport } from '../../shared/api/client';
import type { ApiResult } from '../../shared/api/result';

const tokenKey = 'pilotdesk.token';

/**
 * The launch token arrives in the address (`?token=`). It is kept for this tab so a reload
 * still works, and sent as a bearer header: the server accepts no API call on the cookie alone.
 */
export function browserToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

export function createHttpTransport(token: string): Transport {
  return async (operation, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${operation}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? null),
      });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', key: 'errors.network', details: { network: true } } };
    }
    try {
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', key: 'errors.httpStatus', params: { status: response.status } } };
    }
  };
}

export function subscribeHttpEvents(token: string, listener: (event: ServerEvent) => void): () => void {
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (message) => listener(JSON.parse(message.data as string) as ServerEvent);
  return () => source.close();
}
