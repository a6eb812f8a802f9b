import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io';
import { cliLocale } from '../../src/cli/cli-locale';
import { runCli } from '../../src/cli/main';
import { importKinds } from '../../src/shared/imports/import-kinds';
import { fixedNow } from './helpers/test-core';

describe('the language of the CLI', () => {
  it.each([
    [{}, 'zh-CN'],
    [{ LANG: 'C.UTF-8' }, 'zh-CN'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' }, 'en'],
    [{ LC_ALL: '', LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', PILOTDESK_LOCALE: 'zh-CN' }, 'zh-CN'],
    [{ LANG: 'de_DE.UTF-8' }, 'zh-CN'],
  ])('is %j → %s', (env, locale) => {
    expect(cliLocale(env)).toBe(locale);
  });

  it('names a refused flag, its value and the choices in the language asked for', async () => {
    const run = async (locale: CliIo['locale']) => {
      const err: string[] = [];
      const io: CliIo = {
        out: () => {},
        err: (text) => err.push(text),
        untilInterrupted: () => new Promise(() => {}),
        now: () => new Date(fixedNow.getTime()),
        locale,
      };
      const code = await runCli(['import', 'x.xlsx', '--workspace', '/nowhere.pilotdesk', '--kind', 'payroll'], io);
      return { code, err };
    };
    const chinese = await run('zh-CN');
    expect(chinese.code).toBe(1);
    expect(chinese.err).toEqual([
      `pilotdesk import: --kind "payroll"：不是可选的值（可选：${importKinds.join(', ')}）`,
    ]);
    const english = await run('en');
    expect(english.err).toEqual([
      `pilotdesk import: --kind "payroll": Not one of the choices (one of: ${importKinds.join(', ')})`,
    ]);
  });
});
