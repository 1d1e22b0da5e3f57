import { useId } from 'react';
import type { Person, Role } from '../../../shared/schemas';
import { useT } from '../../stores/ui';
import { RosterHint } from '../roster/RosterHint';

/** An ordered list of names picked from the roster (autocomplete shows the other-script name) or typed new. */
export function PeopleField(props: {
  legend: string;
  addLabel: string;
  role: Role;
  names: string[];
  people: Person[];
  onChange: (names: string[]) => void;
}) {
  const t = useT();
  const listId = useId();
  const { names, onChange } = props;
  const setAt = (i: number, value: string) => onChange(names.map((n, j) => (j === i ? value : n)));
  return (
    <fieldset className="people-field">
      <legend>{props.legend}</legend>
      <datalist id={listId}>
        {props.people.map((p) => (
          <option key={p.id} value={p.name}>
            {p.nameAlt}
          </option>
        ))}
      </datalist>
      {names.map((name, i) => (
        <div className="people-row" key={i}>
          <div className="people-input">
            <input aria-label={`${props.legend} ${i + 1}`} list={listId} value={name} onChange={(e) => setAt(i, e.target.value)} />
            <button type="button" className="ghost" aria-label={t('plan.remove', { name: name || `${i + 1}` })} onClick={() => onChange(names.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
          <RosterHint kind="person" name={name} role={props.role} onPicked={(picked) => setAt(i, picked)} />
        </div>
      ))}
      <button type="button" className="ghost" onClick={() => onChange([...names, ''])}>
        {props.addLabel}
      </button>
    </fieldset>
  );
}
