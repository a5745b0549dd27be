// The first-run wizard: no database yet. Hook → view (outside the app shell: its own size).
import { serverLabel } from '../../db/engines/server-url.js';
import { useTerminalSize } from '../useTerminalSize.js';
import { WizardView } from './WizardView.js';
import { type WizardProps, useWizard } from './useWizard.js';

export type { WizardProps } from './useWizard.js';

export function Wizard(props: WizardProps) {
  const w = useWizard(props);
  const { columns } = useTerminalSize();
  return <WizardView state={w.state} presets={w.presets} preset={w.preset} where={props.databaseUrl ? `máy chủ ${serverLabel(props.databaseUrl)}` : props.dataDir} columns={columns} />;
}
