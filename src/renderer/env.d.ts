/// <reference types="vite/client" />
import type { PilotDeskBridge, PilotDeskEventBridge, PilotDeskShellBridge } from '../shared/api/bridge';

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

declare global {
  interface Window {
    /** Present only in the desktop app, where the preload exposes the contract. */
    pilotdesk?: PilotDeskBridge;
    pilotdeskEvents?: PilotDeskEventBridge;
    pilotdeskShell?: PilotDeskShellBridge;
  }
}
