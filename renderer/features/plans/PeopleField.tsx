import { useId } from 'react';
import type { Person } from '../../../shared/schemas';
import { useT } from '../../stores/ui';

/** An ordered list of names picked from the roster (autocomplete) or typed new. */
export function PeopleField(props: {
  legend: string;
  addLabel: string;
  names: string[];
  people: Person[];
  onChange: (names: string[]) => void;
}) {
  const t = useT();
  const listId = useId();
  const { names, onChange } = props;
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
          <input
            aria-label={`${props.legend} ${i + 1}`}
            list={listId}
            value={name}
            onChange={(e) => onChange(names.map((n, j) => (j === i ? e.target.value : n)))}
          />
          <button type="button" className="ghost" aria-label={t('plan.remove', { name: name || `${i + 1}` })} onClick={() => onChange(names.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="ghost" onClick={() => onChange([...names, ''])}>
        {props.addLabel}
      </button>
    </fieldset>
  );
}
