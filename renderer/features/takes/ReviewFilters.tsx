import { useEffect, useState } from 'react';
import { OUTCOMES } from '../../../shared/schemas';
import type { Outcome } from '../../../shared/schemas';
import { REHEARSAL_FILTERS } from '../../../shared/contract/takes';
import { usePeople, useVenues } from '../../stores/data';
import { useLanguage, useT } from '../../stores/ui';
import { nameIn, otherNameIn } from '../../../shared/script';
import { NO_FILTERS, setControls, useControls } from './reviewStore';

/** Typing pauses this long before the table is asked again, so each keystroke is not a query. */
const SEARCH_DELAY_MS = 250;

export function ReviewFilters() {
  const t = useT();
  const language = useLanguage();
  const controls = useControls();
  const artists = usePeople().filter((p) => p.roles.includes('artist'));
  const venues = useVenues();
  const [text, setText] = useState(controls.text);
  // The box follows the filter when something else changes it (Clear, a saved view), set during render.
  const [followed, setFollowed] = useState(controls.text);
  if (followed !== controls.text) {
    setFollowed(controls.text);
    setText(controls.text);
  }
  useEffect(() => {
    if (text === controls.text) return;
    const timer = setTimeout(() => setControls({ text }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, controls.text]);

  const idOrNull = (value: string) => (value === '' ? null : Number(value));
  return (
    <form className="review-filters no-print" aria-label={t('takes.filters')} role="search" onSubmit={(e) => e.preventDefault()}>
      <label className="review-search">
        {t('takes.filter')}
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        {t('takes.artistFilter')}
        <select value={controls.artistId ?? ''} onChange={(e) => setControls({ artistId: idOrNull(e.target.value) })}>
          <option value="">{t('takes.all')}</option>
          {artists.map((p) => (
            <option key={p.id} value={p.id}>{p.nameAlt ? `${p.name} (${p.nameAlt})` : p.name}</option>
          ))}
        </select>
      </label>
      <label>
        {t('takes.venueFilter')}
        <select value={controls.venueId ?? ''} onChange={(e) => setControls({ venueId: idOrNull(e.target.value) })}>
          <option value="">{t('takes.all')}</option>
          {venues.map((v) => (
            <option key={v.id} value={v.id}>{v.nameAlt ? `${nameIn(language, v)} (${otherNameIn(language, v)})` : v.name}</option>
          ))}
        </select>
      </label>
      <label>
        {t('takes.outcomeFilter')}
        <select value={controls.outcome} onChange={(e) => setControls({ outcome: e.target.value as Outcome | '' })}>
          <option value="">{t('takes.all')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>{t(`outcome.${o}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('takes.from')}
        <input type="date" value={controls.from} max={controls.to || undefined} onChange={(e) => setControls({ from: e.target.value })} />
      </label>
      <label>
        {t('takes.to')}
        <input type="date" value={controls.to} min={controls.from || undefined} onChange={(e) => setControls({ to: e.target.value })} />
      </label>
      <label>
        {t('takes.rehearsalFilter')}
        <select value={controls.rehearsal} onChange={(e) => setControls({ rehearsal: e.target.value as (typeof REHEARSAL_FILTERS)[number] })}>
          {REHEARSAL_FILTERS.map((r) => (
            <option key={r} value={r}>{t(`takes.rehearsal.${r}`)}</option>
          ))}
        </select>
      </label>
      <button type="button" className="ghost" onClick={() => setControls(NO_FILTERS)}>
        {t('takes.clearFilters')}
      </button>
    </form>
  );
}
