import type { FieldError } from '../api/result';
import type { Locale } from '../preferences/preferences-schema';
import { dictionaries, type MessageKey } from './dictionary';
import type { MessageParam, MessageParams } from './message-ref';

export type { MessageKey };

function renderParam(locale: Locale, param: MessageParam): string {
  return typeof param === 'object' ? translate(locale, param.key, param.params) : String(param);
}

/** Looks a key up and fills `{name}` placeholders (a parameter may be a key of its own). */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  // A key this build does not know (a newer core) reads as the key rather than as nothing.
  const text = dictionaries[locale][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const param = params[name];
    return param === undefined ? whole : renderParam(locale, param);
  });
}

export function isMessageKey(key: string): key is MessageKey {
  return key in dictionaries['zh-CN'];
}

/** The separator between a label and its text: full-width in Chinese. */
export function colon(locale: Locale): string {
  return locale === 'zh-CN' ? '：' : ': ';
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
    .map((error) => `${fieldLabel(locale, error.field, owner)}${colon(locale)}${describeFieldError(locale, error)}`)
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

/** The key of an error that is only its fields: the sentence is the fields, named for their form. */
export const fieldErrorsKey = 'errors.fields' satisfies MessageKey;

interface KeyedError {
  code: string;
  key: string;
  params?: MessageParams;
  fields?: FieldError[];
}

function isKeyedError(error: unknown): error is KeyedError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as KeyedError).code === 'string' &&
    typeof (error as KeyedError).key === 'string'
  );
}

/**
 * Any failure as one sentence in the user's language: an `ApiError` or a `PilotDeskError` from its
 * key and parameters (field errors named for their form), anything else by its own message.
 * The CLI prints this; the renderer puts the code's headline before it.
 */
export function describeError(locale: Locale, error: unknown): string {
  const keyed = isKeyedError(error)
    ? error
    : isKeyedError((error as { error?: unknown })?.error)
      ? (error as { error: KeyedError }).error
      : null;
  if (keyed) {
    const params = keyed.params ?? {};
    if (keyed.key === fieldErrorsKey && keyed.fields?.length) {
      const owner = typeof params.owner === 'string' ? (params.owner as FieldOwner) : undefined;
      return describeFieldErrors(locale, keyed.fields, owner);
    }
    return isMessageKey(keyed.key) ? translate(locale, keyed.key, params) : keyed.key;
  }
  return error instanceof Error ? error.message : String(error);
}
