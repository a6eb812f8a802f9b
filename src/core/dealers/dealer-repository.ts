import type { Dealer } from '../../shared/stores/store-schema';
import type { Database } from '../db/database';

const dealerSelect = `SELECT d.id, d.name,
  (SELECT count(*) FROM stores s WHERE s.dealer_id = d.id AND s.archived_at IS NULL) AS storeCount
  FROM dealers d`;

export function listDealers(db: Database): Dealer[] {
  return db.all<Dealer>(`${dealerSelect} WHERE d.archived_at IS NULL ORDER BY d.name`);
}

export function findDealer(db: Database, id: string): Dealer | undefined {
  return db.get<Dealer>(`${dealerSelect} WHERE d.id = ?`, [id]);
}

export function findDealerByName(db: Database, name: string): Dealer | undefined {
  return db.get<Dealer>(`${dealerSelect} WHERE d.name = ?`, [name]);
}

export function insertDealer(db: Database, id: string, name: string, at: string): void {
  db.run('INSERT INTO dealers (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)', [id, name, at, at]);
}
