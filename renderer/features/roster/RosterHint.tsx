import { useId, useState } from 'react';
import type { Role } from '../../../shared/schemas';
import { usePeople, useVenues } from '../../stores/data';
import { useT } from '../../stores/ui';
import { PersonEditor } from './PersonEditor';
import { VenueEditor } from './VenueEditor';
import { findPerson, findVenue, withAlt } from './rosterMatch';

/**
 * Under a name field in the plan form: who the name means (with the other-script name), or that
 * it is new, with an inline editor to add its details without leaving the plan.
 */
export function RosterHint(props: { kind: 'person' | 'venue'; name: string; role?: Role; onPicked: (name: string) => void }) {
  const t = useT();
  const people = usePeople();
  const venues = useVenues();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const name = props.name.trim();
  if (!name) return null;
  const done = (saved: { name: string } | null) => {
    setOpen(false);
    if (saved) props.onPicked(saved.name);
  };
  if (props.kind === 'person') {
    const person = findPerson(people, name);
    if (person && !open) return <span className="roster-hint">{t('roster.known', { name: withAlt(person) })}</span>;
  } else {
    const venue = findVenue(venues, name);
    if (venue && !open) return <span className="roster-hint">{t('roster.known', { name: [withAlt(venue), venue.area].filter(Boolean).join(' · ') })}</span>;
  }
  return (
    <div className="roster-hint roster-hint--new">
      {!open && <span>{t(props.kind === 'person' ? 'roster.isNew' : 'roster.isNewVenue')}</span>}
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('roster.addDetails', { name })}
      </button>
      {open &&
        (props.kind === 'person' ? (
          <PersonEditor titleId={titleId} initialName={name} initialRole={props.role} onDone={done} />
        ) : (
          <VenueEditor titleId={titleId} initialName={name} onDone={done} />
        ))}
    </div>
  );
}
