import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  preferencesSchema,
  type Preferences,
  type PreferencesPatch,
} from '../../shared/preferences/preferences-schema';
import type { RecentWorkspace } from '../../shared/workspace/workspace-schema';

const maxRecent = 8;

/**
 * Per-user preferences in a JSON file in the app's data folder. A damaged file falls back to
 * defaults rather than stopping the app; writes go through a temporary file and a rename so a
 * crash never leaves half a file.
 */
export class PreferencesFile {
  private cached: Preferences | null = null;

  constructor(readonly path: string) {}

  static inDataDir(dataDir: string): PreferencesFile {
    return new PreferencesFile(join(dataDir, 'preferences.json'));
  }

  read(): Preferences {
    if (this.cached) return this.cached;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      raw = {};
    }
    const parsed = preferencesSchema.safeParse(raw);
    this.cached = parsed.success ? parsed.data : preferencesSchema.parse({});
    return this.cached;
  }

  update(patch: PreferencesPatch): Preferences {
    return this.write({ ...this.read(), ...patch });
  }

  rememberWorkspace(entry: Omit<RecentWorkspace, 'openedAt'>, at: Date): Preferences {
    const current = this.read();
    const recent = [
      { ...entry, openedAt: at.toISOString() },
      ...current.recentWorkspaces.filter((item) => item.path !== entry.path),
    ].slice(0, maxRecent);
    return this.write({ ...current, recentWorkspaces: recent, lastWorkspacePath: entry.path });
  }

  forgetLastWorkspace(): Preferences {
    return this.write({ ...this.read(), lastWorkspacePath: null });
  }

  private write(next: Preferences): Preferences {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(next, null, 2));
    renameSync(temporary, this.path);
    this.cached = next;
    return next;
  }
}
