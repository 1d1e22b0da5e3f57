import { useT } from '../stores/ui';

/**
 * A form's Save and Cancel. Without `onSave`, Save submits the form it stands in. While saving, Save
 * is disabled and says so: a change shows as saved only once the host has committed it.
 */
export function SaveCancel(props: { saving: boolean; onSave?: () => void; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="form-actions">
      <button type={props.onSave ? 'button' : 'submit'} className="primary" disabled={props.saving} onClick={props.onSave}>
        {props.saving ? t('common.saving') : t('common.save')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
