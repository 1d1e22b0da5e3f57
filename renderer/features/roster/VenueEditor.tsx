import { useState } from 'react';
import type { Venue } from '../../../shared/schemas';
import { api } from '../../api/client';
import { useT } from '../../stores/ui';
import { SaveCancel } from '../../components/SaveCancel';
import { useEditorSave } from './editorError';
import { saveOnEnter } from './PersonEditor';

/** Adds or edits a venue: name, address, area, and notes such as a curfew. */
export function VenueEditor(props: { titleId: string; venue?: Venue; initialName?: string; onDone: (saved: Venue | null) => void }) {
  const t = useT();
  const { venue } = props;
  const [fields, setFields] = useState({
    name: venue?.name ?? props.initialName ?? '',
    nameAlt: venue?.nameAlt ?? '',
    address: venue?.address ?? '',
    area: venue?.area ?? '',
    notes: venue?.notes ?? '',
  });
  const set = (key: keyof typeof fields, value: string) => setFields((f) => ({ ...f, [key]: value }));
  const fieldError = (field: 'name' | 'nameAlt') =>
    error?.field === field ? (
      <span className="field-error" role="alert">
        {error.taken ? t('roster.venueTaken', { name: fields[field] }) : error.message}
      </span>
    ) : null;
  const { save, saving, error } = useEditorSave(
    () => (venue ? api.updateVenue({ id: venue.id, venue: fields }) : api.createVenue(fields)),
    props.onDone,
  );

  return (
    <div role="group" aria-labelledby={props.titleId} className="roster-editor" onKeyDown={saveOnEnter(() => void save())}>
      <h3 id={props.titleId}>{venue ? t('roster.editVenue') : t('roster.newVenue')}</h3>
      <div className="form-grid">
        <label>
          {t('roster.name')}
          <input value={fields.name} aria-invalid={error?.field === 'name'} onChange={(e) => set('name', e.target.value)} />
          {fieldError('name')}
        </label>
        <label>
          {t('roster.nameAlt')}
          <input value={fields.nameAlt} aria-invalid={error?.field === 'nameAlt'} onChange={(e) => set('nameAlt', e.target.value)} />
          {fieldError('nameAlt')}
        </label>
        <label>
          {t('roster.area')}
          <input value={fields.area} onChange={(e) => set('area', e.target.value)} />
        </label>
        <label className="wide">
          {t('roster.address')}
          <input value={fields.address} onChange={(e) => set('address', e.target.value)} />
        </label>
      </div>
      <label className="wide">
        {t('roster.venueNotes')}
        <textarea rows={2} value={fields.notes} onChange={(e) => set('notes', e.target.value)} />
      </label>
      {error && error.field !== 'name' && error.field !== 'nameAlt' && <p className="field-error" role="alert">{error.message}</p>}
      <SaveCancel saving={saving} onSave={() => void save()} onCancel={() => props.onDone(null)} />
    </div>
  );
}
