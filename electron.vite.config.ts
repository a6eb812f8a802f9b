import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { operationNames } from './src/shared/api/contract';
import { rendererConfig } from './vite.renderer.config';

const root = fileURLToPath(new URL('./', import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // Spreadsheets are parsed in a worker thread; parse-in-worker.ts looks for it here.
          'reader/worker-main': resolve(root, 'src/core/imports/reader/worker-main.ts'),
          // Backup copies are verified in a worker thread; verify-in-worker.ts looks for it here.
          'backups/verify-main': resolve(root, 'src/core/backups/verify/verify-main.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    // The bridge's names, taken from the contract here, so the preload bundles neither zod nor a copy of the list.
    define: { __PILOTDESK_OPERATION_NAMES__: JSON.stringify(operationNames) },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
