import type { Database } from '../db/database';
import { referencesToRow } from '../db/references';
import { deleteGuide, guideRow, insertGuide, putGuideColumns, updateGuide } from '../guides/guide-repository';
import { deleteStore, insertStore, putStoreColumns, storeRow, updateStore } from '../stores/store-repository';
import type { PlannedWrite, RosterWrite } from './planned-write';

export type RosterTable = 'guides' | 'stores';

/** How an import reads and puts back a guide or store row: always through the table's owner. */
interface RowOwner {
  row(db: Database, id: string): Record<string, unknown> | undefined;
  put(db: Database, id: string, columns: Record<string, unknown>): void;
  remove(db: Database, id: string): void;
}

const owners: Record<RosterTable, RowOwner> = {
  guides: { row: guideRow, put: putGuideColumns, remove: deleteGuide },
  stores: { row: storeRow, put: putStoreColumns, remove: deleteStore },
};

export function isRosterTable(table: string): table is RosterTable {
  return table === 'guides' || table === 'stores';
}

export function rosterRow(db: Database, table: RosterTable, id: string): Record<string, unknown> | undefined {
  return owners[table].row(db, id);
}

export function putRosterColumns(db: Database, table: RosterTable, id: string, columns: Record<string, unknown>): void {
  owners[table].put(db, id, columns);
}

/** Archives the row, keeping an earlier archive date. */
export function archiveRosterRow(db: Database, table: RosterTable, id: string, stamp: string): void {
  const archivedAt = (owners[table].row(db, id)?.archived_at as string | null | undefined) ?? stamp;
  owners[table].put(db, id, { archived_at: archivedAt, updated_at: stamp });
}

/**
 * Removes a row an import created, unless anything refers to it: then it is archived, so nothing
 * that uses it breaks. What refers to it is found from the schema's foreign keys, whatever table
 * holds them; a cascading key counts too, since deleting would take someone's data with it.
 */
export function removeRosterRow(db: Database, table: RosterTable, id: string, stamp: string): void {
  if (referencesToRow(db, table, id).length > 0) {
    owners[table].put(db, id, { archived_at: stamp, updated_at: stamp });
    return;
  }
  owners[table].remove(db, id);
}

export function isRosterWrite(write: PlannedWrite): write is RosterWrite {
  return isRosterTable(write.table);
}

/** A roster write through the owner's prepared statements, stamped with the commit's time. */
export function writeRosterRow(db: Database, write: RosterWrite, stamp: string): void {
  if (write.table === 'guides') {
    if (write.previous) updateGuide(db, write.rowId, write.values, stamp);
    else insertGuide(db, write.rowId, write.values, stamp);
  } else if (write.previous) {
    updateStore(db, write.rowId, write.values, stamp);
  } else {
    insertStore(db, write.rowId, write.values, stamp);
  }
}
