import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { testNow } from '../support/test-clock';
import { demoWorkspaceCopy, tempDir } from '../support/workspaces';

test('pilotdesk serve prints an address with its token; without the token nothing is served', async ({
  page,
  pageErrors,
}) => {
  void pageErrors;
  const dir = tempDir();
  const workspace = demoWorkspaceCopy(dir);
  const child = spawn(
    process.execPath,
    ['bin/pilotdesk.mjs', 'serve', '--workspace', workspace, '--data-dir', join(dir, 'data')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The documented way to pin the CLI's clock, to the moment the page is pinned to.
      env: { ...process.env, PILOTDESK_NOW: testNow.toISOString() },
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
        if (match) resolve(match[0]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
    const bare = new URL(url);
    bare.search = '';
    const refused = await fetch(bare);
    expect(refused.status).toBe(401);

    await page.goto(url);
    await expect(page.getByTestId('dashboard')).toBeVisible();
    await expect(page.getByTestId('kpi-netSalesFen')).toContainText('¥');
  } finally {
    child.kill('SIGINT');
  }
});
