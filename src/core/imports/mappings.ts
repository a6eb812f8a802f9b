import type { ImportKind } from '../../shared/imports/import-kinds';
import { channels, type Channel } from '../../shared/metrics/channels';
import type { Database } from '../db/database';

/** Headers users mapped before, per kind (normalised header → field), for header detection. */
export function loadSavedMappings(db: Database): Partial<Record<ImportKind, Record<string, string>>> {
  const result: Partial<Record<ImportKind, Record<string, string>>> = {};
  for (const row of db.all<{ kind: ImportKind; header: string; field: string }>(
    'SELECT kind, header, field FROM import_mappings WHERE field IS NOT NULL',
  )) {
    (result[row.kind] ??= {})[row.header] = row.field;
  }
  return result;
}

export function saveHeaderMappings(
  db: Database,
  kind: ImportKind,
  mappings: { header: string; field: string | null }[],
  at: string,
): void {
  for (const mapping of mappings) {
    db.run(
      `INSERT INTO import_mappings (kind, header, field, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, header) DO UPDATE SET field = excluded.field, updated_at = excluded.updated_at`,
      [kind, mapping.header, mapping.field, at],
    );
  }
}

export function loadChannelMappings(db: Database): Record<string, Channel> {
  const known = new Set<string>(channels);
  const result: Record<string, Channel> = {};
  for (const row of db.all<{ name: string; channel: string }>('SELECT name, channel FROM channel_mappings')) {
    if (known.has(row.channel)) result[row.name] = row.channel as Channel;
  }
  return result;
}

export function saveChannelMappings(db: Database, mappings: Record<string, Channel>, at: string): void {
  for (const [name, channel] of Object.entries(mappings)) {
    db.run(
      `INSERT INTO channel_mappings (name, channel, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET channel = excluded.channel, updated_at = excluded.updated_at`,
      [name, channel, at],
    );
  }
}
