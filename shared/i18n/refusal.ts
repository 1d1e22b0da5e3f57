import type { ApiError } from '../api';
import type { Language, MessageKey } from './index';
import { en, translate } from './index';

export type RefusalKey = Extract<MessageKey, `err.${string}`>;
export type RefusalParams = Record<string, string | number>;

function isRefusalKey(key: string | undefined): key is RefusalKey {
  return key !== undefined && key.startsWith('err.') && Object.hasOwn(en, key);
}

/** A refusal in a language; `what` names a kind of thing ("plan") and is worded too. */
export function refusalText(language: Language, key: RefusalKey, params: RefusalParams = {}): string {
  const what = typeof params.what === 'string' && isRefusalKey(`err.what.${params.what}`) ? translate(language, `err.what.${params.what}` as RefusalKey) : params.what;
  return translate(language, key, what === undefined ? params : { ...params, what });
}

/** What a screen shows for a refused call: the host's reason in the screen's language when it has a key. */
export function describeRefusal(language: Language, error: ApiError): string {
  return isRefusalKey(error.key) ? refusalText(language, error.key, error.params) : error.message;
}
