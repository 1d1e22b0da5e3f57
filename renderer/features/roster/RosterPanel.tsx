import { useId, useState } from 'react';
import type { Person, Venue } from '../../../shared/schemas';
import { useCanControl, usePeople, useVenues } from '../../stores/data';
import { useT } from '../../stores/ui';
import { Dialog } from '../../components/Dialog';
import { PersonEditor } from './PersonEditor';
import { VenueEditor } from './VenueEditor';

type Editing = { kind: 'person'; person?: Person } | { kind: 'venue'; venue?: Venue } | null;

/** The reusable people and venues, each editable in a dialog; reached from the Plans screen. */
export function RosterPanel() {
  const t = useT();
  const people = usePeople();
  const venues = useVenues();
  const canControl = useCanControl();
  const [editing, setEditing] = useState<Editing>(null);
  const ids = { panel: useId(), people: useId(), venues: useId(), dialog: useId() };
  const close = () => setEditing(null);
  const editButton = (name: string, onClick: () => void) =>
    canControl && (
      <button type="button" className="ghost" aria-label={t('roster.edit', { name })} onClick={onClick}>
        {t('plans.edit')}
      </button>
    );

  return (
    <section className="panel roster-panel" aria-labelledby={ids.panel}>
      <h2 id={ids.panel}>{t('roster.title')}</h2>
      <div className="roster-columns">
        <section aria-labelledby={ids.people}>
          <div className="roster-head">
            <h3 id={ids.people}>{t('roster.people')}</h3>
            {canControl && <button type="button" onClick={() => setEditing({ kind: 'person' })}>{t('roster.addPerson')}</button>}
          </div>
          {people.length === 0 ? (
            <p className="empty">{t('roster.empty')}</p>
          ) : (
            <table className="roster-table">
              <thead>
                <tr>
                  <th scope="col">{t('roster.name')}</th>
                  <th scope="col">{t('roster.nameAlt')}</th>
                  <th scope="col">{t('roster.roles')}</th>
                  <th scope="col">{t('roster.contact')}</th>
                  <th scope="col"><span className="visually-hidden">{t('plans.edit')}</span></th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.id}>
                    <td>{p.name}</td>
                    <td>{p.nameAlt}</td>
                    <td>{p.roles.map((r) => t(`roster.role.${r}`)).join(', ')}</td>
                    <td className="pre-wrap">{p.contact}</td>
                    <td>{editButton(p.name, () => setEditing({ kind: 'person', person: p }))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby={ids.venues}>
          <div className="roster-head">
            <h3 id={ids.venues}>{t('roster.venues')}</h3>
            {canControl && <button type="button" onClick={() => setEditing({ kind: 'venue' })}>{t('roster.addVenue')}</button>}
          </div>
          {venues.length === 0 ? (
            <p className="empty">{t('roster.empty')}</p>
          ) : (
            <table className="roster-table">
              <thead>
                <tr>
                  <th scope="col">{t('roster.name')}</th>
                  <th scope="col">{t('roster.nameAlt')}</th>
                  <th scope="col">{t('roster.area')}</th>
                  <th scope="col">{t('roster.address')}</th>
                  <th scope="col">{t('roster.venueNotes')}</th>
                  <th scope="col"><span className="visually-hidden">{t('plans.edit')}</span></th>
                </tr>
              </thead>
              <tbody>
                {venues.map((v) => (
                  <tr key={v.id}>
                    <td>{v.name}</td>
                    <td>{v.nameAlt}</td>
                    <td>{v.area}</td>
                    <td>{v.address}</td>
                    <td className="pre-wrap">{v.notes}</td>
                    <td>{editButton(v.name, () => setEditing({ kind: 'venue', venue: v }))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      {editing && (
        <Dialog className="plans-dialog" labelledBy={ids.dialog} onClose={close}>
          {editing.kind === 'person' ? (
            <PersonEditor titleId={ids.dialog} person={editing.person} onDone={close} />
          ) : (
            <VenueEditor titleId={ids.dialog} venue={editing.venue} onDone={close} />
          )}
        </Dialog>
      )}
    </section>
  );
}
