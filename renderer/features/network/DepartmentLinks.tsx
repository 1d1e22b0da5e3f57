import { useCallback, useEffect, useState } from 'react';
import type { DepartmentLink } from '../../../shared/contract/readiness';
import { DEPARTMENT_NAME_MAX, DEPARTMENTS_MAX } from '../../../shared/contract/readiness';
import { api } from '../../api/client';
import { attempt } from '../../stores/data';
import { useReadiness } from '../../stores/runtime';
import { showToast, useT } from '../../stores/ui';
import { JoinCode } from './JoinCode';
import { useJoinBase } from './useJoinBase';
import { departmentUrl } from './ReadyScreen';

interface Draft {
  id?: number;
  name: string;
}

/** Departments: edit the list, and each one's link as a QR code, with a new link on demand. */
export function DepartmentLinks() {
  const t = useT();
  const board = useReadiness();
  const { base } = useJoinBase();
  const [links, setLinks] = useState<DepartmentLink[]>([]);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const load = useCallback(() => void api.listDepartmentLinks({}).then(setLinks, () => undefined), []);
  useEffect(load, [load, board?.departments.length]);

  const rotate = async (link: DepartmentLink) => {
    const fresh = await attempt(() => api.rotateDepartmentLink({ id: link.id }));
    if (!fresh) return;
    showToast('info', { key: 'ready.rotated', params: { name: link.name } });
    load();
  };
  const saveDrafts = async (list: Draft[]) => {
    const saved = await attempt(() => api.saveDepartments({ departments: list.map((d) => (d.id ? { id: d.id, name: d.name } : { name: d.name })) }));
    if (saved) {
      setDrafts(null);
      load();
    }
  };

  return (
    <section className="panel panel--wide" aria-labelledby="departments-title">
      <h2 id="departments-title">{t('ready.departments')}</h2>
      {drafts === null ? (
        <button type="button" onClick={() => setDrafts(links.map((l) => ({ id: l.id, name: l.name })))}>{t('ready.editDepartments')}</button>
      ) : (
        <form onSubmit={(e) => (e.preventDefault(), void saveDrafts(drafts))}>
          {drafts.map((d, i) => (
            <div className="department-row" key={d.id ?? `new-${i}`}>
              <input
                aria-label={t('ready.departmentName')}
                value={d.name}
                maxLength={DEPARTMENT_NAME_MAX}
                onChange={(e) => setDrafts(drafts.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
              />
              <button type="button" className="ghost" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
                {t('ready.remove', { name: d.name })}
              </button>
            </div>
          ))}
          <div className="department-row">
            <button type="button" disabled={drafts.length >= DEPARTMENTS_MAX} onClick={() => setDrafts([...drafts, { name: '' }])}>{t('ready.addDepartment')}</button>
            <button type="submit" className="primary">{t('ready.saveDepartments')}</button>
            <button type="button" onClick={() => setDrafts(null)}>{t('network.cancel')}</button>
          </div>
        </form>
      )}
      <div className="join-codes">
        {links.map((link) => (
          <div key={link.id} className="department-link">
            {base ? <JoinCode url={departmentUrl(base, link.token)} label={t('ready.link', { name: link.name })} /> : <strong>{link.name}</strong>}
            <button type="button" onClick={() => void rotate(link)}>{t('ready.rotate', { name: link.name })}</button>
          </div>
        ))}
      </div>
    </section>
  );
}
