import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { callOk } from '../helpers/test-core';
import { tempDir } from '../helpers/temp-dir';
import { reviewWorkspace, week } from './helpers';

/*
 * The exported workbook must open in LibreOffice. LibreOffice is not installed everywhere (CI
 * may lack it): without `soffice` on PATH the test is skipped and its title says so.
 */

const run = promisify(execFile);

function onPath(program: string): string | null {
  const names = process.platform === 'win32' ? [`${program}.exe`, `${program}.com`] : [program];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
  }
  return null;
}

const soffice = onPath('soffice');
const title = 'opens in LibreOffice: converted headless to PDF and to CSV, names that look like formulas stay text';

async function convert(dir: string, file: string, format: string): Promise<void> {
  // A profile of its own, so a LibreOffice already running (or another test) does not take the job.
  const profile = pathToFileURL(join(dir, 'profile')).href;
  await run(
    soffice as string,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      format,
      '--outdir',
      join(dir, 'out'),
      file,
    ],
    {
      timeout: 120_000,
    },
  );
}

describe('review workbook in LibreOffice', () => {
  (soffice ? it : it.skip)(
    soffice ? title : `${title} — SKIPPED: soffice (LibreOffice) is not on PATH`,
    { timeout: 260_000 },
    async () => {
      const { core, guideIds, storeIds } = await reviewWorkspace();
      await callOk(core, 'guides.update', {
        id: guideIds['010002'] as string,
        staffNo: '010002',
        name: '+SUM(1,2)',
        storeId: storeIds.SH001 as string,
      });
      const exported = await callOk(core, 'review.export', { week });
      const dir = tempDir();
      const file = join(dir, 'review.xlsx');
      writeFileSync(file, Buffer.from(exported.contentBase64, 'base64'));

      await convert(dir, file, 'pdf');
      const pdf = join(dir, 'out', 'review.pdf');
      expect(existsSync(pdf), `no PDF; soffice wrote: ${readdirSync(join(dir, 'out')).join(', ')}`).toBe(true);
      expect(statSync(pdf).size).toBeGreaterThan(1000);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // CSV, UTF-8, every sheet to its own file (LibreOffice 7.2+; older ones write the first sheet only).
      await convert(dir, file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
      const written = readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.csv'));
      expect(written.length).toBeGreaterThan(0);
      const overviewCsv = written.includes('review-概览.csv') ? 'review-概览.csv' : 'review.csv';
      const overview = readFileSync(join(dir, 'out', overviewCsv), 'utf8');
      expect(overview.split('\n')[0]).toBe('指标,试点门店（2）本周,上周,变化,全部门店（5）本周,上周,变化');
      expect(overview).toContain('净销售额,6200.55,3000,3200.55,8150.55,9500,-1349.45');
      if (written.includes('review-导购.csv')) {
        // The name LibreOffice would show as 3 had it been taken for a formula.
        const guides = readFileSync(join(dir, 'out', 'review-导购.csv'), 'utf8');
        expect(guides).toContain('010002,"+SUM(1,2)",SH001,上海静安店,1,1400,');
      }
    },
  );
});
