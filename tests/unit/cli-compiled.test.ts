import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoWorkspaceCopy, fixedNow } from '../support/workspaces';
import { posExport } from './imports/helpers/import-files';
import { queryFile } from './helpers/sqlite-file';
import { tempDir } from './helpers/temp-dir';

/* The CLI as users start it: `node bin/pilotdesk.mjs`, which runs the compiled out/cli. */

const manifestPath = join('out', 'cli', 'build-manifest.json');

function pilotdesk(args: string[]) {
  return spawnSync(process.execPath, ['bin/pilotdesk.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PILOTDESK_NOW: fixedNow.toISOString(), PILOTDESK_LOCALE: 'zh-CN' },
  });
}

describe('the compiled CLI', () => {
  it('prints its overview from out/cli, built with the reader and verifier workers beside it', () => {
    const result = pilotdesk(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: pilotdesk <command>');
    expect(result.stdout).toMatch(/^ {2}import\s/m);
    for (const file of ['main.js', join('reader', 'worker-main.js'), join('backups', 'verify-main.js')]) {
      expect(existsSync(join('out', 'cli', file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { inputs: string[] };
    expect(manifest.inputs).toEqual(
      expect.arrayContaining(['src/cli/main.ts', 'src/core/imports/reader/worker-main.ts']),
    );
  });

  it('imports a spreadsheet as a whole process, reading it in the compiled worker', () => {
    const dir = tempDir();
    const workspace = demoWorkspaceCopy(join(dir, 'ws'));
    const file = join(dir, '门店销售.xlsx');
    writeFileSync(
      file,
      posExport([
        { date: '2026-09-18', storeCode: 'SH001', staffNo: '010001', channel: '门店', orders: 2, grossSales: 1234.5 },
      ]),
    );
    const result = pilotdesk(['import', file, '--workspace', workspace, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ file: '门店销售.xlsx', kind: 'sales', rows: { imported: 1 } });
    expect(queryFile(workspace, "SELECT gross_sales_fen AS fen FROM sales_facts WHERE date = '2026-09-18'")).toEqual([
      { fen: 123450 },
    ]);
  });

  it('rebuilds itself, saying so, when a source changed after the last build', () => {
    expect(pilotdesk(['--help']).status).toBe(0);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { builtAt: number };
    // As if every source had been saved after the build: the next start must not run the old code.
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, builtAt: 0 }));
    const result = pilotdesk(['--help']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/changed after the CLI was built; building it/);
    expect(result.stdout).toContain('Usage: pilotdesk <command>');
    expect((JSON.parse(readFileSync(manifestPath, 'utf8')) as { builtAt: number }).builtAt).toBeGreaterThan(0);
    // Up to date now: the next start runs at once, silently.
    expect(pilotdesk(['--help']).stderr).toBe('');
  }, 120_000);
});
