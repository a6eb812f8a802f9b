// The verifier's entry when PilotDesk runs from TypeScript source (CLI, tests, dev): a worker
// thread starts with Node's plain loader, so it registers tsx before loading the TypeScript.
// Bundled builds start verify-main.js directly and never load this file.
import { register } from 'tsx/esm/api';

register();
await import('./verify-main.ts');
