import { useEffect, useState } from 'react';
import type { JoinInfo } from '../../../shared/contract/network';
import { api } from '../../api/client';

/** Where phones reach the host: its first set-network address, or this page's own origin. */
export function useJoinBase(): { base: string; info: JoinInfo | null } {
  const [info, setInfo] = useState<JoinInfo | null>(null);
  useEffect(() => {
    void api.getJoinInfo({}).then(setInfo, () => undefined);
  }, []);
  const own = window.location.protocol.startsWith('http') ? window.location.origin : '';
  return { base: info?.addresses[0] ?? own, info };
}
