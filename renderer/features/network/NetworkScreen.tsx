import { useT } from '../../stores/ui';
import { DevicesPanel } from './DevicesPanel';
import { ReadinessPanel } from './ReadinessPanel';
import { DepartmentLinks } from './DepartmentLinks';
import { JoinPanel } from './JoinPanel';
import { OperatorLinkPanel } from './OperatorLinkPanel';
import './network.css';

/** The set network from the console: who is watching, in sync or not. */
export function NetworkScreen() {
  const t = useT();
  return (
    <main className="screen network-screen">
      <header className="screen-header">
        <h1>{t('network.title')}</h1>
      </header>
      <div className="network-grid">
        <DevicesPanel />
        <ReadinessPanel />
        <JoinPanel />
        <DepartmentLinks />
        <OperatorLinkPanel />
      </div>
    </main>
  );
}
