import type { PilotWave, Store, StoreRecordValues } from '../../shared/stores/store-schema';
import type { Database } from '../db/database';

const storeColumns = `
  s.id, s.code, s.name, s.region, s.city, s.store_type AS storeType, s.dealer_id AS dealerId,
  d.name AS dealerName, s.pilot_wave AS pilotWave, s.opened_on AS openedOn,
  CASE WHEN s.archived_at IS NULL THEN 'active' ELSE 'archived' END AS status,
  (SELECT count(*) FROM guides g
    WHERE g.store_id = s.id AND g.archived_at IS NULL AND g.employment = 'active') AS activeGuides,
  s.created_at AS createdAt, s.updated_at AS updatedAt`;

const storeSelect = `SELECT ${storeColumns} FROM stores s LEFT JOIN dealers d ON d.id = s.dealer_id`;

export function listStores(db: Database): Store[] {
  return db.all<Store>(`${storeSelect} ORDER BY s.code`);
}

export function findStore(db: Database, id: string): Store | undefined {
  return db.get<Store>(`${storeSelect} WHERE s.id = ?`, [id]);
}

export function findStoreByCode(db: Database, code: string): Store | undefined {
  return db.get<Store>(`${storeSelect} WHERE s.code = ?`, [code]);
}

export function insertStore(db: Database, id: string, values: StoreRecordValues, at: string): void {
  db.run(
    `INSERT INTO stores (id, code, name, region, city, store_type, dealer_id, pilot_wave, opened_on, created_at, updated_at)
     VALUES (@id, @code, @name, @region, @city, @storeType, @dealerId, @pilotWave, @openedOn, @at, @at)`,
    { id, ...values, at },
  );
}

export function updateStore(db: Database, id: string, values: StoreRecordValues, at: string): void {
  db.run(
    `UPDATE stores SET code = @code, name = @name, region = @region, city = @city,
       store_type = @storeType, dealer_id = @dealerId, pilot_wave = @pilotWave,
       opened_on = @openedOn, updated_at = @at
     WHERE id = @id`,
    { id, ...values, at },
  );
}

export function setStoreArchived(db: Database, id: string, archivedAt: string | null, at: string): void {
  db.run('UPDATE stores SET archived_at = ?, updated_at = ? WHERE id = ?', [archivedAt, at, id]);
}

export interface ActiveStore {
  id: string;
  code: string;
  name: string;
  region: string;
  pilotWave: PilotWave;
}

/** Archived stores leave the figures, the medians and the tier map. */
export function activeStores(db: Database): ActiveStore[] {
  return db.all<ActiveStore>(
    'SELECT id, code, name, region, pilot_wave AS pilotWave FROM stores WHERE archived_at IS NULL ORDER BY code',
  );
}

export function setStorePilotWave(db: Database, id: string, pilotWave: PilotWave, at: string): void {
  db.run('UPDATE stores SET pilot_wave = ?, updated_at = ? WHERE id = ?', [pilotWave, at, id]);
}

export function countActiveStores(db: Database): number {
  return db.get<{ n: number }>('SELECT count(*) AS n FROM stores WHERE archived_at IS NULL')?.n ?? 0;
}

/** A store as its table holds it, column by column: what an import keeps to undo and compares later. */
export type StoreRow = Record<string, unknown> & {
  id: string;
  code: string;
  name: string;
  archived_at: string | null;
  updated_at: string;
};

const storeRowColumns = new Set([
  'code',
  'name',
  'region',
  'city',
  'store_type',
  'dealer_id',
  'pilot_wave',
  'opened_on',
  'archived_at',
  'created_at',
  'updated_at',
]);

export function storeRow(db: Database, id: string): StoreRow | undefined {
  return db.get<StoreRow>('SELECT * FROM stores WHERE id = ?', [id]);
}

/** Writes the given stored columns back as they were (undo). */
export function putStoreColumns(db: Database, id: string, columns: Record<string, unknown>): void {
  const names = Object.keys(columns);
  if (names.length === 0) return;
  const unknown = names.find((name) => !storeRowColumns.has(name));
  if (unknown) throw new Error(`stores has no column ${unknown} to put back`);
  db.run(`UPDATE stores SET ${names.map((name) => `${name} = @${name}`).join(', ')} WHERE id = @id`, {
    ...columns,
    id,
  });
}

/** Removes a store nothing refers to (undo of the import that created it). */
export function deleteStore(db: Database, id: string): void {
  db.run('DELETE FROM stores WHERE id = ?', [id]);
}
