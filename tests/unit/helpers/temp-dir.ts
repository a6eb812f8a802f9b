import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh folder under the system temp dir; the caller removes it (see `removeDir`). */
export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'pilotdesk-test-'));
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** A fresh folder removed when the current test finishes; call it inside a test. */
export function tempDir(): string {
  const dir = makeTempDir();
  onTestFinished(() => removeDir(dir));
  return dir;
}
