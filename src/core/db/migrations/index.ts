import { migration0001 } from './0001-init';
import { migration0002 } from './0002-imports';
import { migration0003 } from './0003-tiers';
import { migration0004 } from './0004-review';
import { migration0005 } from './0005-import-written';
import { migration0006 } from './0006-fact-indexes';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. Add new ones at the end; never edit or reorder landed ones. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
];

export const latestSchemaVersion = migrations.length;
