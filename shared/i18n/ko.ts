import type { MessageKey } from './en';
import type { Message } from './areas/area';
import { AREAS } from './en';

export const ko = Object.assign({}, ...AREAS.map((a) => a.ko)) as Record<MessageKey, Message>;
