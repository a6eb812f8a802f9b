import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io';
import { runCli } from '../../src/cli/main';
import { rendererDir } from '../../src/cli/project-root';
import { queryFile, sha256 } from './helpers/sqlite-file';
import { tempDir } from './helpers/temp-dir';
import { fixedNow } from './helpers/test-core';

/** An io that records what was printed and lets the test decide when Ctrl+C is pressed. */
function testIo() {
  const out: string[] = [];
  const err: string[] = [];
  let interrupt: () => void = () => {};
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    untilInterrupted: () => interrupted,
    now: () => new Date(fixedNow.getTime()),
    // The language is pinned as the clock is: messages from the core are in English here.
    locale: 'en',
  };
  return { io, out, err, interrupt };
}

async function run(argv: string[]) {
  const recorded = testIo();
  const code = await runCli(argv, recorded.io);
  return { code, out: recorded.out.join('\n'), err: recorded.err };
}

/** Exactly one line on stderr, as a script or a person reading a terminal would want. */
function expectOneLine(err: string[]): string {
  expect(err).toHaveLength(1);
  expect(err[0]).not.toContain('\n');
  return err[0] as string;
}

describe('pilotdesk without a command', () => {
  it('prints an overview of the commands and exits 1', async () => {
    const { code, out, err } = await run([]);
    expect(code).toBe(1);
    for (const command of ['init', 'demo', 'serve']) expect(out).toMatch(new RegExp(`^  ${command}\\s`, 'm'));
    expect(err).toEqual([]);
  });

  it.each([['--help'], ['-h'], ['help']])('prints the overview for %s and exits 0', async (flag) => {
    const { code, out } = await run([flag]);
    expect(code).toBe(0);
    expect(out).toContain('Usage: pilotdesk <command>');
  });

  it('names an unknown command in one line on stderr and exits 1', async () => {
    const { code, out, err } = await run(['deploy', '--now']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(expectOneLine(err)).toContain('"deploy"');
  });
});

describe.each([
  ['init', ['--workspace', '--name', '--region', '--time-zone']],
  ['demo', ['--workspace', '--week', '--force']],
  ['serve', ['--workspace', '--data-dir', '--port']],
])('pilotdesk %s', (command, flags) => {
  it('prints its usage and options for --help and exits 0 without doing anything', async () => {
    const dir = tempDir();
    const { code, out, err } = await run([command, '--workspace', join(dir, 'x.pilotdesk'), '--help']);
    expect(code).toBe(0);
    expect(out).toContain(`Usage: pilotdesk ${command}`);
    for (const flag of flags) expect(out).toContain(flag);
    expect(err).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an unknown flag in one line and exits 1', async () => {
    const { code, err } = await run([command, '--colour', 'red']);
    expect(code).toBe(1);
    expect(expectOneLine(err)).toContain('--colour');
  });
});

describe('pilotdesk init', () => {
  it('creates an empty workspace with the name, region and time zone given', async () => {
    const path = join(tempDir(), 'east.pilotdesk');
    const { code, out } = await run([
      'init',
      '--workspace',
      path,
      '--name',
      '华东试验田',
      '--region',
      '华东',
      '--time-zone',
      'Asia/Shanghai',
    ]);
    expect(code).toBe(0);
    expect(out).toContain(path);
    expect(queryFile(path, 'SELECT name, region, time_zone, is_demo FROM workspace')).toEqual([
      { name: '华东试验田', region: '华东', time_zone: 'Asia/Shanghai', is_demo: 0 },
    ]);
    expect(queryFile(path, 'SELECT count(*) AS n FROM stores')).toEqual([{ n: 0 }]);
  });

  it('names the workspace after the file when no name is given', async () => {
    const path = join(tempDir(), 'hangzhou.pilotdesk');
    expect((await run(['init', '-w', path])).code).toBe(0);
    expect(queryFile(path, 'SELECT name FROM workspace')).toEqual([{ name: 'hangzhou' }]);
  });

  it('refuses to overwrite an existing file, exits 2 and leaves the file as it was', async () => {
    const path = join(tempDir(), 'east.pilotdesk');
    await run(['init', '--workspace', path, '--name', '原来的']);
    const before = sha256(path);
    const { code, err } = await run(['init', '--workspace', path, '--name', '新的']);
    expect(code).toBe(2);
    expect(expectOneLine(err)).toContain(path);
    expect(sha256(path)).toBe(before);
    expect(queryFile(path, 'SELECT name FROM workspace')).toEqual([{ name: '原来的' }]);
  });

  it('asks for --workspace in one line and exits 1', async () => {
    const { code, err } = await run(['init']);
    expect(code).toBe(1);
    expect(expectOneLine(err)).toContain('--workspace');
  });

  it('refuses a time zone that does not exist, exits 1 and creates nothing', async () => {
    const dir = tempDir();
    const { code, err } = await run(['init', '--workspace', join(dir, 'x.pilotdesk'), '--time-zone', 'Asia/Atlantis']);
    expect(code).toBe(1);
    expect(expectOneLine(err)).toContain('Time zone');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('pilotdesk demo', () => {
  it('creates the demo with --week as its last week of figures', async () => {
    const path = join(tempDir(), 'demo.pilotdesk');
    const { code, out } = await run(['demo', '--workspace', path, '--week', '2026-W47']);
    expect(code).toBe(0);
    expect(out).toContain(path);
    expect(queryFile(path, 'SELECT is_demo FROM workspace')).toEqual([{ is_demo: 1 }]);
    expect(queryFile(path, 'SELECT count(*) AS n FROM stores')).toEqual([{ n: 16 }]);
    // 2026-W47 is Monday 16 to Sunday 22 November; eight weeks start on Monday 28 September.
    expect(queryFile(path, 'SELECT min(date) AS first, max(date) AS last FROM sales_facts')).toEqual([
      { first: '2026-09-28', last: '2026-11-22' },
    ]);
  });

  it('ends the figures in the week asked for, even in another year', async () => {
    const path = join(tempDir(), 'demo.pilotdesk');
    expect((await run(['demo', '--workspace', path, '--week', '2021-W01'])).code).toBe(0);
    // 2021-W01 ends on Sunday 10 January 2021; eight weeks start on Monday 16 November 2020.
    expect(queryFile(path, 'SELECT min(date) AS first, max(date) AS last FROM sales_facts')).toEqual([
      { first: '2020-11-16', last: '2021-01-10' },
    ]);
  });

  it.each([['2026-W54'], ['2025-W53'], ['2026-47'], ['last week']])(
    'refuses the week %j in one line, exits 1 and creates nothing',
    async (week) => {
      const dir = tempDir();
      const { code, err } = await run(['demo', '--workspace', join(dir, 'demo.pilotdesk'), '--week', week]);
      expect(code).toBe(1);
      expect(expectOneLine(err)).toContain('--week');
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('refuses to replace an existing file unless --force is given', async () => {
    const path = join(tempDir(), 'demo.pilotdesk');
    await run(['init', '--workspace', path, '--name', '我的数据']);
    const refused = await run(['demo', '--workspace', path, '--week', '2026-W47']);
    expect(refused.code).toBe(2);
    expect(expectOneLine(refused.err)).toContain('--force');
    expect(queryFile(path, 'SELECT name FROM workspace')).toEqual([{ name: '我的数据' }]);

    expect((await run(['demo', '--workspace', path, '--week', '2026-W47', '--force'])).code).toBe(0);
    expect(queryFile(path, 'SELECT is_demo FROM workspace')).toEqual([{ is_demo: 1 }]);
  });
});

describe('pilotdesk serve', () => {
  it('fails in one line with exit 2 when the workspace file does not exist', async () => {
    const path = join(tempDir(), 'missing.pilotdesk');
    const { code, err } = await run(['serve', '--workspace', path, '--data-dir', tempDir()]);
    expect(code).toBe(2);
    expect(expectOneLine(err)).toContain(path);
    expect(existsSync(path)).toBe(false);
  });

  it('fails in one line with exit 2 when the workspace is not a workspace', async () => {
    const dir = tempDir();
    const { code, err } = await run(['serve', '--workspace', dir, '--data-dir', tempDir()]);
    expect(code).toBe(2);
    expectOneLine(err);
  });

  it.each([['99999'], ['-1'], ['http']])('refuses the port %j in one line with exit 1', async (port) => {
    const { code, err } = await run(['serve', '--port', port, '--data-dir', tempDir()]);
    expect(code).toBe(1);
    expect(expectOneLine(err)).toContain('--port');
  });

  const built = existsSync(join(rendererDir, 'index.html'));
  if (!built) {
    console.warn(
      `Skipping the serve round trip: ${join(rendererDir, 'index.html')} is missing (run npm run build:web).`,
    );
  }

  it.skipIf(!built)(
    'serves a demo workspace until interrupted, answering API calls that carry the printed token',
    async () => {
      const path = join(tempDir(), 'demo.pilotdesk');
      expect((await run(['demo', '--workspace', path, '--week', '2026-W47'])).code).toBe(0);

      const recorded = testIo();
      const exit = runCli(['serve', '--workspace', path, '--data-dir', tempDir(), '--port', '0'], recorded.io);
      let url: URL | undefined;
      for (let attempt = 0; attempt < 200 && !url; attempt += 1) {
        const line = recorded.out.find((text) => /https?:\/\/127\.0\.0\.1:\d+\/\?token=/.test(text));
        if (line) url = new URL(/https?:\/\/\S+/.exec(line)![0]);
        else await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(url, `serve printed: ${recorded.out.join(' | ')} ${recorded.err.join(' | ')}`).toBeDefined();
      const token = url!.searchParams.get('token')!;
      const api = `${url!.origin}/api/workspace.current`;

      const response = await fetch(api, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: true, data: { path, isDemo: true } });
      expect((await fetch(api, { method: 'POST' })).status).toBe(401);

      recorded.interrupt();
      expect(await exit).toBe(0);
      await expect(fetch(api, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).rejects.toThrow();
    },
  );
});
