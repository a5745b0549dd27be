// useLoaded: a reply for inputs that changed meanwhile is dropped; a success clears the error.
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { useLoaded } from '../../src/ui/components/useLoaded.js';
import { waitUntil } from '../support/ui.js';

type Pending = { resolve: (v: string) => void; reject: (e: Error) => void };

function Probe({ month, pending }: { month: string; pending: Map<string, Pending> }) {
  const { data, error } = useLoaded(() => new Promise<string>((resolve, reject) => pending.set(month, { resolve, reject })), [month], (m) => `lỗi: ${m}`);
  return <Text>{`${data ?? '—'} | ${error ?? '—'}`}</Text>;
}

describe('useLoaded', () => {
  it('keeps the current month when the previous one answers late', async () => {
    const pending = new Map<string, Pending>();
    const app = render(<Probe month="09" pending={pending} />);
    await waitUntil(() => pending.has('09'));
    app.rerender(<Probe month="10" pending={pending} />);
    await waitUntil(() => pending.has('10'));
    pending.get('10')!.resolve('tháng 10');
    await waitUntil(() => app.lastFrame()?.includes('tháng 10'));
    pending.get('09')!.resolve('tháng 9');
    await new Promise((r) => setTimeout(r, 20)); // let the late reply arrive; it must change nothing
    expect(app.lastFrame()).toBe('tháng 10 | —');
    app.unmount();
  });

  it('an error keeps the last data; the next success clears it', async () => {
    const pending = new Map<string, Pending>();
    const app = render(<Probe month="09" pending={pending} />);
    await waitUntil(() => pending.has('09'));
    pending.get('09')!.resolve('tháng 9');
    await waitUntil(() => app.lastFrame()?.includes('tháng 9'));
    app.rerender(<Probe month="10" pending={pending} />);
    await waitUntil(() => pending.has('10'));
    pending.get('10')!.reject(new Error('hỏng'));
    await waitUntil(() => app.lastFrame()?.includes('lỗi: hỏng'));
    expect(app.lastFrame()).toBe('tháng 9 | lỗi: hỏng');
    app.rerender(<Probe month="11" pending={pending} />);
    await waitUntil(() => pending.has('11'));
    pending.get('11')!.resolve('tháng 11');
    await waitUntil(() => app.lastFrame() === 'tháng 11 | —');
    app.unmount();
  });
});
