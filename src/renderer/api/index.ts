import { createApiClient, type Transport } from '../../shared/api/client';
import type { ServerEvent } from '../../shared/api/events';
import type { OperationName } from '../../shared/api/contract';
import { browserToken, createHttpTransport, subscribeHttpEvents } from './http-transport';

/** IPC through the preload in the desktop app; HTTP with the launch token in browser mode. */
function chooseTransport(): {
  transport: Transport;
  subscribe: (listener: (event: ServerEvent) => void) => () => void;
} {
  const bridge = window.pilotdesk;
  const events = window.pilotdeskEvents;
  if (bridge && events) {
    const transport: Transport = (operation: OperationName, input) => {
      const [namespace, method] = operation.split('.') as [keyof typeof bridge, string];
      const functions = bridge[namespace] as Record<string, (input?: unknown) => ReturnType<Transport>>;
      return functions[method]!(input);
    };
    return { transport, subscribe: (listener) => events.subscribe(listener) };
  }
  const token = browserToken();
  return { transport: createHttpTransport(token), subscribe: (listener) => subscribeHttpEvents(token, listener) };
}

const chosen = chooseTransport();

export const api = createApiClient(chosen.transport);
export const subscribeToEvents = chosen.subscribe;
