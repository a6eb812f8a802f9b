import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const rendererDir = join(projectRoot, 'out', 'renderer');

/** Builds the console once when browser mode is asked for and nothing is built yet. */
export function ensureRendererBuilt(log: (text: string) => void): void {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  log('Building the console for browser mode (first run only)…');
  const result = spawnSync('npm', ['run', 'build:web'], {
    cwd: projectRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0 || !existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('could not build the console: run `npm run build` and read its errors');
  }
}
