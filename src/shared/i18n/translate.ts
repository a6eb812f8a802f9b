import type { FieldError } from '../api/result';
import type { Locale } from '../preferences/preferences-schema';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-cn';

export type { MessageKey };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Looks a key up and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = dictionaries[locale][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}

/** A field error as a sentence: the rule's text, with its parameters filled in. */
export function describeFieldError(locale: Locale, error: FieldError): string {
  const key = `rules.${error.rule}`;
  return isMessageKey(key) ? translate(locale, key, error.params) : error.rule;
}

/** Which form a field error belongs to, so `name` reads 门店名称 for a store and 姓名 for a guide. */
export type FieldOwner = 'store' | 'guide' | 'workspace' | 'dealer';

const sharedLabels: Record<string, MessageKey> = {
  code: 'store.code',
  region: 'store.region',
  city: 'store.city',
  storeType: 'store.storeType',
  dealerId: 'store.dealer',
  newDealerName: 'store.dealer',
  pilotWave: 'store.pilotWave',
  openedOn: 'store.openedOn',
  staffNo: 'guide.staffNo',
  storeId: 'guide.store',
  role: 'guide.role',
  hireDate: 'guide.hireDate',
  phone: 'guide.phone',
  wecomAccount: 'guide.wecomAccount',
  employment: 'guide.employment',
  leftOn: 'guide.leftOn',
  timeZone: 'workspace.timeZone',
};

const nameLabels: Record<FieldOwner, MessageKey> = {
  store: 'store.name',
  guide: 'guide.name',
  workspace: 'workspace.name',
  dealer: 'store.dealer',
};

export function fieldLabel(locale: Locale, field: string, owner?: FieldOwner): string {
  const key = field === 'name' && owner ? nameLabels[owner] : sharedLabels[field];
  return key ? translate(locale, key) : field;
}

/** "工号：已被「张三」使用" — the one-line form used by the CLI and error toasts. */
export function describeFieldErrors(locale: Locale, errors: FieldError[], owner?: FieldOwner): string {
  return errors
    .map(
      (error) =>
        `${fieldLabel(locale, error.field, owner)}${locale === 'zh-CN' ? '：' : ': '}${describeFieldError(locale, error)}`,
    )
    .join(locale === 'zh-CN' ? '；' : '; ');
}

/** The form an operation's fields belong to, from its namespace (`guides.create` → guide). */
export function fieldOwnerOf(operation: string): FieldOwner | undefined {
  const namespace = operation.split('.')[0];
  const owners: Record<string, FieldOwner> = {
    stores: 'store',
    guides: 'guide',
    workspace: 'workspace',
    dealers: 'dealer',
  };
  return namespace ? owners[namespace] : undefined;
}
