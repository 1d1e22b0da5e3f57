import { useCallback, useEffect, useState } from 'react';
import { api, onEvent } from '../../api/client';
import { announceDevice } from '../../api/device';
import { applyReadiness } from '../../stores/runtime';
import { useLanguage, useT, setLanguage } from '../../stores/ui';
import { LANGUAGES } from '../../../shared/i18n/index';
import { HoldBanner } from './HoldBanner';
import { IdentifyOverlay } from './IdentifyOverlay';
import './network.css';

/**
 * The department link's token, from /ready#<token>. In the fragment, the key never reaches the
 * host's or a proxy's request log, and the page's relative asset paths keep working.
 */
export function readyToken(): string | null {
  if (!/^\/ready\/?$/.test(window.location.pathname)) return null;
  const match = /^#([\w-]+)$/.exec(window.location.hash);
  return match ? match[1]! : '';
}

/** A department's link as the console shows it and a phone opens it. */
export const departmentUrl = (base: string, token: string) => `${base}/ready#${token}`;

type Mine = { name: string; ready: boolean };

/**
 * A department's phone: one large Ready / Not ready toggle, and the hold when the count waits.
 * Its link can do nothing else: it carries no control token, only its own.
 */
export function ReadyScreen({ token }: { token: string }) {
  const t = useT();
  const language = useLanguage();
  const [mine, setMine] = useState<Mine | null>(null);
  const [broken, setBroken] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.getMyDepartment({ token }).then(
      (value) => {
        setMine(value);
        applyReadiness(value.hold);
      },
      () => setBroken(true),
    );
  }, [token]);
  useEffect(() => {
    load();
    // Any board change (a hold, a rotation) is re-read through this link's own token.
    return onEvent('readiness', () => load());
  }, [load]);
  const departmentName = mine?.name ?? '';
  useEffect(() => announceDevice('department', { name: departmentName }), [departmentName]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const toggle = async () => {
    if (!mine) return;
    setBusy(true);
    try {
      setMine(await api.setMyReadiness({ token, ready: !mine.ready }));
    } catch {
      setBroken(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="ready-screen">
      <select aria-label={t('lang.label')} value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'ko')}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code}>{l.label}</option>
        ))}
      </select>
      {broken ? (
        <p role="alert">{t('ready.linkBroken')}</p>
      ) : mine ? (
        <>
          <h1>{t('ready.pageTitle', { name: mine.name })}</h1>
          <HoldBanner variant="phone" />
          <button type="button" className="ready-toggle" aria-pressed={mine.ready} disabled={busy} onClick={() => void toggle()}>
            {t(mine.ready ? 'ready.ready' : 'ready.notReady')}
          </button>
          <p className="ready-hint">{t('ready.pressToToggle')}</p>
        </>
      ) : null}
      <IdentifyOverlay />
    </main>
  );
}
