import vue from '@vitejs/plugin-vue';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';

const root = fileURLToPath(new URL('./', import.meta.url));

/**
 * The console's build, shared by the desktop build (electron.vite.config.ts) and browser mode
 * (`npm run build:web`), so both serve the same files.
 */
export const rendererConfig: UserConfig = {
  root: resolve(root, 'src/renderer'),
  base: './',
  plugins: [vue()],
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: resolve(root, 'src/renderer/index.html') },
  },
};

export default rendererConfig;
