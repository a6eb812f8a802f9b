import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { runCli } from '../../../src/cli/main';
import { PilotDeskError } from '../../../src/shared/api/result';
import { defineMessages } from '../../../src/shared/i18n/define-messages';
import { dictionaries } from '../../../src/shared/i18n/dictionary';
import { describeError, isMessageKey, translate } from '../../../src/shared/i18n/translate';
import { describeRowError } from '../../../src/shared/imports/import-messages';
import { describePaddingFlag, paddingFlags, defaultPaddingSettings } from '../../../src/shared/review/padding-signals';
import { tempDir } from '../helpers/temp-dir';
import { callError, createTestCore, fixedNow } from '../helpers/test-core';

const cjk = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
const root = join(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|vue)$/.test(name) ? [path] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the dictionary', () => {
  it('has the same keys, each with text and the same placeholders, in Chinese and in English', () => {
    const zh = dictionaries['zh-CN'];
    const en = dictionaries.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(zh)) {
      const english = en[key as keyof typeof en];
      expect(text.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it('refuses, at compile time, a fragment whose languages do not have the same keys', () => {
    // @ts-expect-error: English lacks a key the Chinese side has
    defineMessages({ 'zh-CN': { 'x.a': '甲', 'x.b': '乙' }, en: { 'x.a': 'A' } });
    // @ts-expect-error: English has a key the Chinese side lacks
    defineMessages({ 'zh-CN': { 'x.a': '甲' }, en: { 'x.a': 'A', 'x.b': 'B' } });
    const fine = defineMessages({ 'zh-CN': { 'x.a': '甲' }, en: { 'x.a': 'A' } });
    expect(fine.en['x.a']).toBe('A');
  });

  it('has every key the core and the edges name in a PilotDeskError or an ApiError', () => {
    const named = new Set<string>();
    const users = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'electron'))].filter(
      // The dictionaries define the keys; only the places that use them are searched.
      (file) => !file.endsWith('messages.ts'),
    );
    for (const file of users) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new PilotDeskError\(\s*[^,]+,\s*'([^']+)'/g)) named.add(match[1]!);
      for (const match of text.matchAll(/code: '[A-Z_]+',\s*key: '([\w.]+)'/g)) named.add(match[1]!);
      // Keys handed to helpers (refusals, `invalid(…)`, file types inside a refusal) look alike.
      const keyLike = /'((?:errors|[a-z]+\.error|imports\.(?:refusal|fileType|advice))\.[\w.]+)'/g;
      for (const match of text.matchAll(keyLike)) named.add(match[1]!);
    }
    // The throw sites are many; finding few would mean the pattern no longer sees them.
    expect(named.size).toBeGreaterThan(80);
    expect([...named].filter((key) => !isMessageKey(key))).toEqual([]);
  });
});

describe('messages cross boundaries as keys and are written at the edge', () => {
  it('sends a key and parameters, no sentence, and writes it in either language', async () => {
    const core = createTestCore();
    const error = await callError(core, 'stores.get', { id: '01KAB2C3D4E5F6G7H8J9K0MNPQ' });
    expect(error.code).toBe('NO_WORKSPACE');
    expect(error).toEqual({ code: 'NO_WORKSPACE', key: 'workspace.error.notOpen' });
    expect(describeError('zh-CN', error)).toBe('还没有打开工作区');
    expect(describeError('en', error)).toBe('No workspace is open');
  });

  it('writes field errors of the dispatcher for their form, in English without any Chinese', async () => {
    const core = createTestCore();
    const error = await callError(core, 'workspace.create', { name: '', region: '', timeZone: 'Asia/Shanghai' });
    expect(error.code).toBe('VALIDATION');
    expect(error).not.toHaveProperty('message');
    expect(describeError('zh-CN', error)).toContain('工作区名称');
    const english = describeError('en', error);
    expect(english).toContain('Workspace name');
    expect(english).not.toMatch(cjk);
  });

  it('renders a parameter that is a key of its own in the same language', () => {
    const error = new PilotDeskError('VALIDATION', 'imports.refusal.notASpreadsheetLike', {
      file: 'a.png',
      what: { key: 'imports.fileType.png' },
    });
    expect(describeError('zh-CN', error)).toBe(
      '文件「a.png」不是表格文件（看起来是 PNG 图片）：请选择 Excel（.xlsx、.xls）、WPS/LibreOffice（.ods）或 .csv 文件',
    );
    expect(describeError('en', error)).toBe(
      'The file “a.png” is not a spreadsheet (it looks like a PNG image): choose an Excel (.xlsx, .xls), WPS/LibreOffice (.ods) or .csv file',
    );
    // Logs and stack traces carry the key and parameters, in no language.
    expect(error.message).toMatch(/^imports\.refusal\.notASpreadsheetLike /);
  });

  it('keeps row errors and padding flags as codes and parameters, written in the reader’s language', () => {
    const rowError = {
      row: 4,
      column: null,
      field: 'staffNo',
      value: null,
      code: 'missingValue',
      params: {},
    };
    expect(describeRowError('zh-CN', rowError)).toBe('缺少工号');
    expect(describeRowError('en', rowError)).toBe('Staff no. is missing');
    const missing = {
      row: 1,
      column: null,
      field: null,
      value: null,
      code: 'missingColumn',
      params: {},
      missing: ['staffNo', 'hireDate'],
    };
    expect(describeRowError('zh-CN', missing)).toBe('缺少必需的列：工号、入职日期');
    expect(describeRowError('en', missing)).toBe('Required columns missing: Staff no., Hire date');
    const [flag] = paddingFlags({ newContacts: 30, lostContacts: 15, lossRate: 0.5 }, [], null, defaultPaddingSettings);
    expect(flag).not.toHaveProperty('message');
    expect(describePaddingFlag('zh-CN', flag!)).toBe('流失率 50.0%（新增 30，流失 15），达到 50% 且新增 ≥ 30');
    expect(describePaddingFlag('en', flag!)).toBe('Loss rate 50.0% (30 new, 15 lost): at least 50% with ≥ 30 new');
  });

  it('keeps Chinese the default: an unknown key reads as itself rather than as nothing', () => {
    expect(translate('zh-CN', 'common.save')).toBe('保存');
    expect(describeError('en', { code: 'INTERNAL', key: 'some.futureKey' })).toBe('some.futureKey');
  });
});

describe('the CLI', () => {
  function io(locale?: CliIo['locale']) {
    const err: string[] = [];
    const out: string[] = [];
    const recorded: CliIo = {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      untilInterrupted: () => Promise.resolve(),
      now: () => new Date(fixedNow.getTime()),
      locale,
    };
    return { recorded, err, out };
  }

  it('prints the core’s refusal in English with --lang en, and in Chinese by default', async () => {
    const dir = tempDir();
    const path = join(dir, 'notes.pilotdesk');
    writeFileSync(path, 'these are notes, not a workspace\n'.repeat(20));
    const english = io();
    expect(await runCli(['--lang', 'en', 'tiers', '--workspace', path, '--week', '2026-W47'], english.recorded)).toBe(
      2,
    );
    expect(english.err).toHaveLength(1);
    expect(english.err[0]).toContain(path);
    expect(english.err[0]).toContain('Not a PilotDesk workspace file');
    expect(english.err[0]!.replace(path, '')).not.toMatch(cjk);

    const chinese = io('zh-CN');
    expect(await runCli(['tiers', '--workspace', path, '--week', '2026-W47'], chinese.recorded)).toBe(2);
    expect(chinese.err[0]).toContain('不是试验田工作台的工作区文件');
  });

  it('refuses a language it does not have', async () => {
    const recorded = io();
    expect(await runCli(['--lang', 'fr', 'tiers'], recorded.recorded)).toBe(1);
    expect(recorded.err[0]).toContain('--lang');
  });
});
