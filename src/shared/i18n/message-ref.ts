import type { MessageKey } from './dictionary';

/**
 * A sentence still to be written: a key and its parameters. A parameter may itself be a
 * reference ("a PNG image" inside "this file is not a spreadsheet"), rendered in the same language.
 */
export interface MessageRef {
  key: MessageKey;
  params?: MessageParams;
}

export type MessageParam = string | number | MessageRef;
export type MessageParams = { [name: string]: MessageParam };

export function messageRef(key: MessageKey, params?: MessageParams): MessageRef {
  return params ? { key, params } : { key };
}
