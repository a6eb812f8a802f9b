import { defineConfig } from '@playwright/test';

const chromium = process.env.PILOTDESK_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  globalSetup: './tests/e2e/global-setup.ts',
  reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    // The laptop's time zone; npm test also runs the date tests with a laptop set to Europe/Berlin.
    timezoneId: process.env.PILOTDESK_TEST_TIMEZONE ?? 'Asia/Shanghai',
    launchOptions: {
      executablePath: chromium,
      // Debian's Chromium as root, on a machine with no network beyond loopback.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'browser', testDir: './tests/e2e' },
    { name: 'electron', testDir: './tests/e2e-electron' },
  ],
});
