import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { demoWorkspaceCopy, tempDir } from '../tests/support/workspaces';
import { ms } from './measure';

const chromiumPath = process.env.PILOTDESK_CHROMIUM ?? '/usr/bin/chromium';

/** Time from starting `pilotdesk serve` to the printed address, and from there to the first table row on screen. */
async function oneLaunch(workspace: string, dataDir: string, browser: Awaited<ReturnType<typeof chromium.launch>>) {
  const start = performance.now();
  const child = spawn(
    process.execPath,
    ['bin/pilotdesk.mjs', 'serve', '--workspace', workspace, '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
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
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const listening = performance.now();
    const page = await browser.newPage();
    await page.goto(`${url}#/stores`);
    await page.getByTestId('store-row-SH001').waitFor({ state: 'visible' });
    const rendered = performance.now();
    await page.close();
    return { toListening: listening - start, toTable: rendered - listening, total: rendered - start };
  } finally {
    child.kill('SIGINT');
  }
}

export async function benchFirstTable(): Promise<string[]> {
  const dir = tempDir('pilotdesk-bench-');
  const workspace = demoWorkspaceCopy(dir);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const results = [];
  try {
    for (let run = 0; run < 5; run += 1) results.push(await oneLaunch(workspace, join(dir, `data-${run}`), browser));
  } finally {
    await browser.close();
  }
  results.sort((a, b) => a.total - b.total);
  const median = results[Math.floor(results.length / 2)]!;
  return [
    `browser mode, launch to first table row (median of 5): ${ms(median.total)} (target < 1500 ms)`,
    `  of which: serve start to printed URL ${ms(median.toListening)}, page load to first row ${ms(median.toTable)}`,
  ];
}
