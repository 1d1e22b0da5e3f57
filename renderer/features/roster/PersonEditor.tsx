import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { ROLES, type Person, type Role } from '../../../shared/schemas';
import { api } from '../../api/client';
import { useT } from '../../stores/ui';
import { SaveCancel } from '../../components/SaveCancel';
import { useEditorSave } from './editorError';

/** Enter saves the editor, not the plan form it may sit in (an editor is a group, never a nested form). */
export function saveOnEnter(save: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type !== 'checkbox') {
      event.preventDefault();
      save();
    }
  };
}

/** Adds or edits a person: name, name in the other script, roles, contact note. */
export function PersonEditor(props: { titleId: string; person?: Person; initialName?: string; initialRole?: Role; onDone: (saved: Person | null) => void }) {
  const t = useT();
  const { person } = props;
  const [name, setName] = useState(person?.name ?? props.initialName ?? '');
  const [nameAlt, setNameAlt] = useState(person?.nameAlt ?? '');
  const [roles, setRoles] = useState<Role[]>(person?.roles ?? (props.initialRole ? [props.initialRole] : []));
  const [contact, setContact] = useState(person?.contact ?? '');
  const { save, saving, error } = useEditorSave(() => {
    const input = { name, nameAlt, roles, contact };
    return person ? api.updatePerson({ id: person.id, person: input }) : api.createPerson(input);
  }, props.onDone);
  const fieldError = (field: 'name' | 'nameAlt', value: string) =>
    error?.field === field ? (
      <span className="field-error" role="alert">
        {error.taken ? t('roster.nameTaken', { name: value }) : error.message}
      </span>
    ) : null;

  return (
    <div role="group" aria-labelledby={props.titleId} className="roster-editor" onKeyDown={saveOnEnter(() => void save())}>
      <h3 id={props.titleId}>{person ? t('roster.editPerson') : t('roster.newPerson')}</h3>
      <div className="form-grid">
        <label>
          {t('roster.name')}
          <input value={name} aria-invalid={error?.field === 'name'} onChange={(e) => setName(e.target.value)} />
          {fieldError('name', name)}
        </label>
        <label>
          {t('roster.nameAlt')}
          <input value={nameAlt} aria-invalid={error?.field === 'nameAlt'} onChange={(e) => setNameAlt(e.target.value)} />
          {fieldError('nameAlt', nameAlt)}
        </label>
      </div>
      <fieldset className="roles">
        <legend>{t('roster.roles')}</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
            />
            {t(`roster.role.${role}`)}
          </label>
        ))}
      </fieldset>
      <label className="wide">
        {t('roster.contact')}
        <textarea rows={2} value={contact} onChange={(e) => setContact(e.target.value)} />
      </label>
      {error && error.field !== 'name' && error.field !== 'nameAlt' && (
        <p className="field-error" role="alert">{error.message}</p>
      )}
      <SaveCancel saving={saving} onSave={() => void save()} onCancel={() => props.onDone(null)} />
    </div>
  );
}
