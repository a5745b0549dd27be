import { describe, expect, it } from 'vitest';
import { bundleVerb } from '../../src/cli/commands/bundle.js';
import { runCliInProcess } from '../support/cli.js';

describe('export bundle / import bundle reach their own commands', () => {
  it('finds the verb whatever the options around it', () => {
    expect(bundleVerb(['export', 'bundle', '--period', '2026-Q3'])).toBe('export');
    expect(bundleVerb(['--data-dir', 'bundle', 'import', 'bundle', 'a.gz'])).toBe('import');
    expect(bundleVerb(['import', '--dry-run', 'bundle', 'a.gz', 'b.gz'])).toBe('import');
    expect(bundleVerb(['export', '--period', 'bundle', 'report'])).toBeNull();
    expect(bundleVerb(['import', 'figures', 'bundle'])).toBeNull();
    expect(bundleVerb(['status'])).toBeNull();
  });
  it('says how to use them; the other kinds point to them', async () => {
    const r = await runCliInProcess(['import', 'bundle', '--help'], { asGiven: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--force');
    const e = await runCliInProcess(['export', '--help'], { asGiven: true });
    expect(e.stdout).toContain('tonghop export bundle');
    const missing = await runCliInProcess(['export', 'bundle'], { asGiven: true });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--period');
  });
});
