// What goes wrong with a server, said in Vietnamese: down, wrong port or host, wrong password,
// no such database, too old, connection lost. Any other error of the driver keeps its code (a
// repository may test it) but loses the password from its texts.
import type { ServerAddress } from './server-url.js';

/** The server cannot be used (not reachable, refused us, too old): exit 1 with this message. */
export class ServerConnectError extends Error {}

export class ServerVersionError extends ServerConnectError {
  constructor(label: string, versionNum: number) {
    const v = versionNum >= 100000 ? `${Math.floor(versionNum / 10000)}.${versionNum % 10000}` : String(versionNum);
    super(`Máy chủ ${label} chạy PostgreSQL ${v}, cũ quá: tonghop cần PostgreSQL 15 trở lên. Hãy nhờ người quản trị nâng cấp máy chủ.`);
  }
}

const TLS_TRUST = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID']);

function why(e: { code?: string; message?: string }, a: ServerAddress): string | null {
  const host = String(a.config.host ?? '');
  const user = String(a.config.user ?? '');
  const msg = e.message ?? '';
  switch (e.code) {
    case 'ECONNREFUSED':
      return `máy ${host} không nhận kết nối ở cổng ${a.config.port} (máy chủ PostgreSQL chưa chạy, hoặc sai cổng)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `không tìm thấy máy "${host}" (kiểm tra tên máy và mạng)`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `không tới được máy ${host} (kiểm tra mạng, tường lửa)`;
    case 'ECONNRESET':
    case '57P01':
    case '57P02':
      return 'mất kết nối với máy chủ (máy chủ vừa tắt hoặc khởi động lại); hãy thử lại';
    case '57P03':
      return 'máy chủ đang khởi động hoặc đang tắt; hãy thử lại sau ít phút';
    case '28P01':
      return `sai tên người dùng hoặc mật khẩu (người dùng "${user}")`;
    case '28000':
      return `máy chủ không cho người dùng "${user}" kết nối từ máy này (pg_hba.conf)`;
    case '3D000':
      return `không có cơ sở dữ liệu "${a.config.database}" trên máy chủ; hãy nhờ người quản trị tạo (CREATE DATABASE … OWNER ${user || '…'})`;
    case '53300':
      return 'máy chủ đã đủ số kết nối cho phép; hãy thử lại sau';
  }
  if (e.code && TLS_TRUST.has(e.code))
    return `chứng chỉ SSL của máy chủ không được tin cậy (${e.code}); dùng sslmode=verify-full với sslrootcert=…, hoặc sslmode=require để mã hoá mà không kiểm tra chứng chỉ`;
  if (/does not support SSL/iu.test(msg)) return 'máy chủ không hỗ trợ SSL; bỏ sslmode khỏi địa chỉ, hoặc dùng sslmode=disable';
  if (/timeout/iu.test(msg) && /connect/iu.test(msg)) return 'máy chủ không trả lời (quá thời gian chờ kết nối)';
  if (/Connection terminated|Client has encountered a connection error|connection is closed/iu.test(msg)) return 'mất kết nối với máy chủ; hãy thử lại';
  return null;
}

/** The driver's error as the program may show it. */
export function serverError(e: unknown, a: ServerAddress, redact: (text: string, password: string | null) => string): Error {
  if (e instanceof ServerConnectError) return e;
  const err = e instanceof Error ? e : new Error(String(e));
  const reason = why(err as { code?: string; message?: string }, a);
  if (reason) return new ServerConnectError(`Không dùng được máy chủ ${a.label}: ${reason}.`);
  err.message = redact(err.message, a.password);
  if (err.stack) err.stack = redact(err.stack, a.password);
  const d = err as { detail?: unknown; hint?: unknown };
  if (typeof d.detail === 'string') d.detail = redact(d.detail, a.password);
  if (typeof d.hint === 'string') d.hint = redact(d.hint, a.password);
  return err;
}
