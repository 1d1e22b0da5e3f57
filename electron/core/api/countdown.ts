import type { countdownMethods } from '../../../shared/contract/countdown';
import type { ApiDeps, AreaApi } from './deps';

export function countdownApi({ countdown }: ApiDeps): AreaApi<keyof typeof countdownMethods> {
  return {
    getCountdown: () => countdown.snapshot(),
    countdownCommand: (input) => countdown.command(input),
    setStageMessage: (input) => {
      countdown.setMessage(input.text);
      return { ok: true };
    },
  };
}
