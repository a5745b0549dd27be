import type { Month } from '../../domain/period.js';
import { useLayout } from '../context.js';
import { CommuneView } from './CommuneView.js';
import { useCommune } from './useCommune.js';

export function CommuneScreen({ asOf }: { asOf: Month }) {
  const c = useCommune(asOf);
  const layout = useLayout();
  return <CommuneView model={c.model} asOf={c.asOf} error={c.error} lines={c.lines} offset={c.offset} bodyRows={layout.bodyRows} />;
}
