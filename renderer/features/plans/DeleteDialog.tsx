import { useId } from 'react';
import { useT } from '../../stores/ui';
import { Dialog } from '../../components/Dialog';
import { confirmDelete, planName } from './planActions';
import { askToDelete, usePlansUi } from './plansUi';

/** The confirmation before a delete; a plan with takes is archived instead, and the dialog says so. */
export function DeleteDialog() {
  const t = useT();
  const plan = usePlansUi((s) => s.deleting);
  const ids = { title: useId(), body: useId() };
  if (!plan) return null;
  const name = planName(plan);
  const archives = plan.takeCount > 0;
  return (
    <Dialog role="alertdialog" className="plans-dialog" labelledBy={ids.title} describedBy={ids.body} onClose={() => askToDelete(null)}>
      <h2 id={ids.title}>{t(archives ? 'plans.delete.archiveTitle' : 'plans.delete.title', { name })}</h2>
      <p id={ids.body}>{t(archives ? 'plans.delete.archiveBody' : 'plans.delete.body')}</p>
      <div className="form-actions">
        <button type="button" className="danger" onClick={() => void confirmDelete(plan)}>
          {t(archives ? 'plans.delete.archive' : 'plans.delete.confirm')}
        </button>
        <button type="button" data-autofocus onClick={() => askToDelete(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
