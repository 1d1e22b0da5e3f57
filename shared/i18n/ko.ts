import type { MessageKey } from './en';
import { AREAS } from './en';

export const ko = Object.assign({}, ...AREAS.map((a) => a.ko)) as Record<MessageKey, string>;
