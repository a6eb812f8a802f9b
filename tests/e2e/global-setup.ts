import { execSync } from 'node:child_process';

/** Browser-mode tests run against the built console: build it once per run, fresh. */
export default function globalSetup(): void {
  if (process.env.PILOTDESK_SKIP_BUILD === '1') return;
  execSync('npm run build:web', { stdio: 'inherit' });
}
