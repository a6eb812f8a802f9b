import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** Client-generated ids (ULID): sortable by creation and unique across offline machines. */
export function newId(): string {
  return nextUlid();
}
