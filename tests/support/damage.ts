import { closeSync, openSync, writeSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Overwrites the start of a table's root page, as a failing disk or a bad copy would, so SQLite
 * can no longer walk that table. From the page's own header: further in, a root page may be free
 * space, where garbage goes unnoticed by quick_check. The file must be closed by every connection.
 */
export function damageTableRoot(path: string, table: string, bytes = 64): void {
  const db = new BetterSqlite3(path, { readonly: true });
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as {
    rootpage: number;
  };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(bytes, 0x5a), 0, bytes, (rootpage - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}
