// `export bundle`: the commune's period as one file for upward e-mail, named by unit code, unit,
// period and kind, never over an earlier file (-2, -3…), written to a temp name and renamed.
import type { DbRunner } from '../../db/database.js';
import { readBundleContent } from '../../db/bundle.js';
import { type Period, currentMonth, periodCode, periodLastMonth, periodMonths } from '../../domain/period.js';
import { DEFAULT_EXPORTS_DIR } from '../../paths.js';
import { slug, writeExportFile } from '../export/files.js';
import { type BundleHeader, encodeBundle } from './format.js';

export class BundleExportRefused extends Error {}

export function bundleFileName(code: string, unitName: string, period: string): string {
  return `${code}_${slug(unitName)}_${period}_bundle.gz`;
}

export async function exportBundle(db: DbRunner, period: Period, opts: { outDir?: string; now: Date }): Promise<{ path: string; header: BundleHeader }> {
  if (periodMonths(period)[0]! > currentMonth(opts.now))
    throw new BundleExportRefused(`Kỳ ${periodCode(period)} chưa bắt đầu: chỉ gửi được kỳ đã bắt đầu.`);
  const content = await db.transaction((tx) => readBundleContent(tx, periodLastMonth(period)));
  if (!content)
    throw new BundleExportRefused(
      'Chưa có mã đơn vị (5 chữ số theo QĐ 19/2025/QĐ-TTg): tỉnh nhận tệp theo mã này. Đặt mã bằng "tonghop init --unit-code MÃ" hoặc trên màn hình Kế hoạch rồi xuất lại.',
    );
  const { header, bytes } = await encodeBundle(content, periodCode(period), opts.now);
  const path = writeExportFile(opts.outDir ?? DEFAULT_EXPORTS_DIR, bundleFileName(header.unit_code, header.unit, header.period), bytes);
  return { path, header };
}
