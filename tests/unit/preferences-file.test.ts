import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PreferencesFile } from '../../src/core/preferences/preferences-file';
import { callError, callOk, createTestCore, fixedNow } from './helpers/test-core';
import { tempDir } from './helpers/temp-dir';

const defaults = {
  locale: 'zh-CN',
  theme: 'light',
  changeColors: 'upGreen',
  hiddenColumns: {},
  lastWorkspacePath: null,
  recentWorkspaces: [],
};

function minutesLater(minutes: number): Date {
  return new Date(fixedNow.getTime() + minutes * 60_000);
}

describe('preferences', () => {
  it('starts in Chinese, light, up green, with no workspaces, without writing a file', () => {
    const dir = tempDir();
    expect(PreferencesFile.inDataDir(dir).read()).toEqual(defaults);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps a change for the next launch', () => {
    const dir = tempDir();
    PreferencesFile.inDataDir(dir).update({ locale: 'en', theme: 'dark', hiddenColumns: { stores: ['city'] } });
    expect(PreferencesFile.inDataDir(dir).read()).toEqual({
      ...defaults,
      locale: 'en',
      theme: 'dark',
      hiddenColumns: { stores: ['city'] },
    });
  });

  it('changes only what the update names', () => {
    const dir = tempDir();
    const file = PreferencesFile.inDataDir(dir);
    file.update({ locale: 'en' });
    file.update({ changeColors: 'upRed' });
    expect(PreferencesFile.inDataDir(dir).read()).toMatchObject({
      locale: 'en',
      changeColors: 'upRed',
      theme: 'light',
    });
  });

  it('creates the data folder when it does not exist yet', () => {
    const dir = join(tempDir(), 'PilotDesk', 'nested');
    PreferencesFile.inDataDir(dir).update({ theme: 'dark' });
    expect(JSON.parse(readFileSync(join(dir, 'preferences.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
    expect(readdirSync(dir)).toEqual(['preferences.json']);
  });

  it.each([
    ['half-written JSON', '{"locale": "en", "theme"'],
    ['a value from no known version', '{"locale": "fr-FR"}'],
    ['not an object', '[1, 2, 3]'],
    ['an empty file', ''],
  ])('falls back to defaults when the file holds %s', (_label, text) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'preferences.json'), text);
    expect(PreferencesFile.inDataDir(dir).read()).toEqual(defaults);
  });

  it('recovers from a damaged file on the next change', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'preferences.json'), '{ broken');
    PreferencesFile.inDataDir(dir).update({ theme: 'dark' });
    expect(PreferencesFile.inDataDir(dir).read()).toEqual({ ...defaults, theme: 'dark' });
  });

  it('lists recent workspaces newest first, once each, and remembers the last one', () => {
    const dir = tempDir();
    const file = PreferencesFile.inDataDir(dir);
    file.rememberWorkspace({ path: '/w/a.pilotdesk', name: 'A', isDemo: false }, minutesLater(1));
    file.rememberWorkspace({ path: '/w/b.pilotdesk', name: 'B', isDemo: true }, minutesLater(2));
    file.rememberWorkspace({ path: '/w/a.pilotdesk', name: 'A 改名', isDemo: false }, minutesLater(3));

    const read = PreferencesFile.inDataDir(dir).read();
    expect(read.recentWorkspaces).toEqual([
      { path: '/w/a.pilotdesk', name: 'A 改名', isDemo: false, openedAt: minutesLater(3).toISOString() },
      { path: '/w/b.pilotdesk', name: 'B', isDemo: true, openedAt: minutesLater(2).toISOString() },
    ]);
    expect(read.lastWorkspacePath).toBe('/w/a.pilotdesk');
  });

  it('keeps a bounded list of recent workspaces, dropping the oldest', () => {
    const file = PreferencesFile.inDataDir(tempDir());
    for (let i = 1; i <= 20; i += 1) {
      file.rememberWorkspace({ path: `/w/${i}.pilotdesk`, name: `W${i}`, isDemo: false }, minutesLater(i));
    }
    const recent = file.read().recentWorkspaces.map((entry) => entry.name);
    expect(recent.length).toBeGreaterThanOrEqual(5);
    expect(recent.length).toBeLessThan(20);
    expect(recent[0]).toBe('W20');
    expect(recent).toEqual([...recent].sort((a, b) => Number(b.slice(1)) - Number(a.slice(1))));
    expect(recent.at(-1)).toBe(`W${21 - recent.length}`);
  });

  it('forgets the last workspace but keeps it in the recent list', () => {
    const dir = tempDir();
    const file = PreferencesFile.inDataDir(dir);
    file.rememberWorkspace({ path: '/w/a.pilotdesk', name: 'A', isDemo: false }, fixedNow);
    file.forgetLastWorkspace();
    const read = PreferencesFile.inDataDir(dir).read();
    expect(read.lastWorkspacePath).toBeNull();
    expect(read.recentWorkspaces.map((entry) => entry.path)).toEqual(['/w/a.pilotdesk']);
  });

  it('leaves no temporary file behind after writing', () => {
    const dir = tempDir();
    PreferencesFile.inDataDir(dir).update({ theme: 'dark' });
    expect(readdirSync(dir)).toEqual(['preferences.json']);
  });
});

describe('preferences through the core', () => {
  it('updates through preferences.update and reads back through preferences.get', async () => {
    const core = createTestCore();
    expect(await callOk(core, 'preferences.update', { locale: 'en' })).toMatchObject({ locale: 'en' });
    expect(await callOk(core, 'preferences.get')).toMatchObject({ locale: 'en', theme: 'light' });
  });

  it('does not let preferences.update rewrite the recent list or the last workspace', async () => {
    const core = createTestCore();
    await core.dispatcher.call('preferences.update', { lastWorkspacePath: '/etc/passwd', recentWorkspaces: [] });
    const info = await callOk(core, 'workspace.create', { name: '现存', region: '华东' });
    await core.dispatcher.call('preferences.update', { lastWorkspacePath: '/etc/passwd', recentWorkspaces: [] });
    const read = await callOk(core, 'preferences.get');
    expect(read.lastWorkspacePath).toBe(info.path);
    expect(read.recentWorkspaces.map((entry) => entry.path)).toEqual([info.path]);
  });

  it('refuses a theme that does not exist', async () => {
    const core = createTestCore();
    expect((await callError(core, 'preferences.update', { theme: 'neon' })).fields).toEqual([
      { field: 'theme', rule: 'invalidOption' },
    ]);
    expect(existsSync(join(core.dataDir, 'preferences.json'))).toBe(false);
  });

  it('lists only recent workspaces whose files still exist', async () => {
    const core = createTestCore();
    const info = await callOk(core, 'workspace.create', { name: '现存', region: '华东' });
    mkdirSync(join(core.dataDir, 'gone'));
    core.preferences.rememberWorkspace(
      { path: join(core.dataDir, 'gone', 'old.pilotdesk'), name: '已删除', isDemo: false },
      fixedNow,
    );
    expect((await callOk(core, 'workspace.recent')).map((entry) => entry.path)).toEqual([info.path]);
  });
});
