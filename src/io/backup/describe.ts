// Backups in words, for the command line, the Backup screen and the home screen. Pure.
import { formatDate, formatDecimal, formatInt, pad2, todayIso } from '../../domain/text.js';
import type { BackupHeader } from './format.js';

/** 1.234 B, 56,7 KB, 1,2 MB (Vietnamese decimal comma). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${formatInt(n)} B`;
  if (n < 1024 * 1024) return `${formatDecimal(n / 1024, 1)} KB`;
  return `${formatDecimal(n / (1024 * 1024), 1)} MB`;
}

/** "vừa xong", "5 phút trước", "3 giờ trước", "2 ngày trước". */
export function formatAge(created: Date, now: Date): string {
  const min = Math.floor((now.getTime() - created.getTime()) / 60_000);
  if (min < 1) return 'vừa xong';
  if (min < 60) return `${min} phút trước`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} giờ trước`;
  return `${formatInt(Math.floor(h / 24))} ngày trước`;
}

/** 23/11/2026 09:30 in local time. */
export function formatDateTime(d: Date): string {
  return `${formatDate(todayIso(d))} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** "15 tổ, 120 thành viên, 150 phiếu, 1.950 số liệu". */
export function describeCounts(header: BackupHeader): string {
  const c = header.counts;
  const parts: string[] = [];
  const add = (n: number | undefined, what: string) => n !== undefined && parts.push(`${formatInt(n)} ${what}`);
  add(c.team, 'tổ');
  add(c.member, 'thành viên');
  add(c.form, 'phiếu');
  add(c.form_value, 'số liệu');
  return parts.join(', ');
}

/** Home screen line: how old the newest backup is; a warning tone when there is none or it is old. */
export function backupAgeLine(newest: { created: Date } | null, now: Date): { text: string; stale: boolean } {
  if (!newest) return { text: 'Chưa có bản sao lưu nào', stale: true };
  const days = (now.getTime() - newest.created.getTime()) / 86_400_000;
  return { text: `Sao lưu gần nhất: ${formatAge(newest.created, now)}`, stale: days >= 2 };
}
