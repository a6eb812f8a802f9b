import { migration0001 } from './0001-init';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. Add new ones at the end; never edit or reorder landed ones. */
export const migrations: readonly Migration[] = [migration0001];

export const latestSchemaVersion = migrations.length;
