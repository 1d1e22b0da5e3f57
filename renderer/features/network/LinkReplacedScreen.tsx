import { useSyncExternalStore } from 'react';
import { onOperatorLinkReplaced, operatorLinkReplaced } from '../../api/client';
import { useT } from '../../stores/ui';

/** True once the host closed this console's socket because its operator link was replaced. */
export const useOperatorLinkReplaced = () => useSyncExternalStore(onOperatorLinkReplaced, operatorLinkReplaced);

/** Instead of a console that looks alive but can change nothing: say why, and what to do. */
export function LinkReplacedScreen() {
  const t = useT();
  return (
    <main className="screen link-replaced" role="alert" aria-labelledby="link-replaced-title">
      <h1 id="link-replaced-title">{t('operator.replacedTitle')}</h1>
      <p>{t('operator.replacedBody')}</p>
    </main>
  );
}
