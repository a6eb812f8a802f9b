import type { Database } from '../db/database';
import { listGuides } from '../guides/guide-repository';
import { listStores } from '../stores/store-repository';

interface GuideRecord {
  id: string;
  staffNo: string;
  name: string;
  storeId: string;
  wecomAccount: string | null;
}

interface StoreRecord {
  id: string;
  code: string;
  name: string;
  archived: number;
}

export type GuideMatch =
  | { kind: 'found'; guideId: string; storeId: string }
  | { kind: 'unknownGuide'; label: string }
  | { kind: 'ambiguousGuide'; label: string; candidates: number }
  | { kind: 'unknownStore'; label: string };

export type StoreMatch =
  { kind: 'found'; storeId: string } | { kind: 'unknownStore'; label: string } | { kind: 'none' };

/** What a row says about who it is: any of these may be missing. */
export interface RowIdentity {
  staffNo?: string | null;
  wecomAccount?: string | null;
  guideName?: string | null;
  storeCode?: string | null;
  storeName?: string | null;
  /** The last segment of a WeCom department path: a store's name, but only a hint of it. */
  department?: string | null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The workspace's guides and stores, indexed once per import. A guide is matched by 工号, else
 * WeCom account, else name within the named store; a name alone matches only when it is unique
 * in the workspace. Nothing is ever merged by guess: ambiguity is reported.
 */
export class IdentityIndex {
  private readonly byStaffNo = new Map<string, GuideRecord>();
  private readonly byAccount = new Map<string, GuideRecord[]>();
  private readonly byName = new Map<string, GuideRecord[]>();
  private readonly storeByCode = new Map<string, StoreRecord>();
  private readonly storesByName = new Map<string, StoreRecord[]>();
  private readonly storeById = new Map<string, StoreRecord>();

  constructor(db: Database) {
    // Read through the owners: the guides and stores modules say what a guide and a store are.
    for (const guide of listGuides(db)) {
      if (guide.status === 'archived') continue;
      this.byStaffNo.set(guide.staffNo, guide);
      if (guide.wecomAccount) push(this.byAccount, guide.wecomAccount.toLowerCase(), guide);
      push(this.byName, guide.name, guide);
    }
    for (const { id, code, name, status } of listStores(db)) {
      const store = { id, code, name, archived: status === 'archived' ? 1 : 0 };
      this.storeByCode.set(store.code, store);
      this.storeById.set(store.id, store);
      push(this.storesByName, store.name, store);
    }
  }

  /** The store a row names by code or by name (a department path's last segment counts as a name). */
  matchStore(identity: RowIdentity): StoreMatch {
    if (identity.storeCode) {
      const store = this.storeByCode.get(identity.storeCode);
      return store ? { kind: 'found', storeId: store.id } : { kind: 'unknownStore', label: identity.storeCode };
    }
    const storeName = identity.storeName ?? identity.department;
    if (storeName) {
      const stores = this.storesByName.get(storeName) ?? [];
      return stores.length === 1
        ? { kind: 'found', storeId: stores[0]!.id }
        : { kind: 'unknownStore', label: storeName };
    }
    return { kind: 'none' };
  }

  matchGuide(identity: RowIdentity): GuideMatch {
    const store = this.matchStore(identity);
    const label = identity.guideName ?? identity.staffNo ?? identity.wecomAccount ?? '?';
    // A store column naming a store we do not know is refused even for a known guide: moving the
    // figure to the guide's own store would be a guess. A department path is only a hint.
    if (store.kind === 'unknownStore' && (identity.storeCode || identity.storeName)) return store;
    if (identity.staffNo) {
      const guide = this.byStaffNo.get(identity.staffNo);
      if (!guide)
        return {
          kind: 'unknownGuide',
          label: identity.guideName ? `${identity.guideName}（${identity.staffNo}）` : identity.staffNo,
        };
      return { kind: 'found', guideId: guide.id, storeId: store.kind === 'found' ? store.storeId : guide.storeId };
    }
    if (identity.wecomAccount) {
      const guides = this.byAccount.get(identity.wecomAccount.toLowerCase()) ?? [];
      if (guides.length === 1) {
        const guide = guides[0]!;
        return { kind: 'found', guideId: guide.id, storeId: store.kind === 'found' ? store.storeId : guide.storeId };
      }
    }
    if (store.kind === 'unknownStore') return store;
    if (!identity.guideName) return { kind: 'unknownGuide', label };
    const named = this.byName.get(identity.guideName) ?? [];
    const candidates = store.kind === 'found' ? named.filter((guide) => guide.storeId === store.storeId) : named;
    if (candidates.length === 1) {
      const guide = candidates[0]!;
      return { kind: 'found', guideId: guide.id, storeId: store.kind === 'found' ? store.storeId : guide.storeId };
    }
    if (candidates.length > 1) return { kind: 'ambiguousGuide', label, candidates: candidates.length };
    return { kind: 'unknownGuide', label };
  }

  storeCodeOf(storeId: string): string | null {
    return this.storeById.get(storeId)?.code ?? null;
  }

  storeIsArchived(storeId: string): boolean {
    return this.storeById.get(storeId)?.archived === 1;
  }

  /** Remembers a store created during this import (roster with "create missing"). */
  addStore(store: { id: string; code: string; name: string }): void {
    const record = { ...store, archived: 0 };
    this.storeByCode.set(store.code, record);
    this.storeById.set(store.id, record);
    push(this.storesByName, store.name, record);
  }
}
