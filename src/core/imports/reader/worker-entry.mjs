// The worker's entry when PilotDesk runs from TypeScript source (CLI, tests, dev). A worker
// thread starts with Node's plain loader — neither tsx nor vitest's transform carries over — so
// it registers tsx itself before loading the TypeScript worker. Bundled builds start
// worker-main.js directly and never load this file.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
