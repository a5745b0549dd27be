// A PostgreSQL server's address as the officer types it: postgres://user:pass@host:port/db, with
// ?sslmode=, ?search_path= (or ?options=-c search_path=…). Parsed by pg's own connection-string
// parser (libpq's meaning of sslmode), shown without the password, and the password kept out of
// every text the program prints.
import { parse } from 'pg-connection-string';
import type { ClientConfig } from 'pg';

/** The URL is not one tonghop can use (exit 2: the command line is wrong). */
export class ServerUrlError extends Error {}

export interface ServerAddress {
  /** What pg connects with (no pool settings yet). */
  config: ClientConfig;
  /** user@host:port/db[ schema S], for messages: never the password. */
  label: string;
  /** The schema the tables live in: the first of search_path, else public. */
  schema: string;
  password: string | null;
}

const SCHEMES = /^postgres(?:ql)?:\/\//iu;
/** `-c search_path=a,b` inside the options parameter (the value may be quoted or escaped). */
const OPTIONS_SEARCH_PATH = /(?:^|\s)(?:-c\s*|--)search_path=((?:\\.|[^\s\\])+)/u;

function firstSchema(searchPath: string): string {
  const first = searchPath.replace(/\\(.)/gu, '$1').split(',')[0]!.trim();
  return /^".*"$/u.test(first) ? first.slice(1, -1).replace(/""/gu, '"') : first.toLowerCase();
}

/** A value inside libpq's options string: spaces and backslashes escaped. */
const optionValue = (v: string) => v.replace(/[\\\s]/gu, (c) => `\\${c}`);

export function parseServerUrl(url: string): ServerAddress {
  if (!SCHEMES.test(url.trim())) throw new ServerUrlError(`Địa chỉ máy chủ "${redactUrl(url)}" không hợp lệ: dùng dạng postgres://người_dùng:mật_khẩu@máy:cổng/tên_cơ_sở_dữ_liệu.`);
  let raw: Record<string, unknown>;
  try {
    raw = parse(url.trim(), { useLibpqCompat: true }) as unknown as Record<string, unknown>;
  } catch {
    throw new ServerUrlError(`Địa chỉ máy chủ "${redactUrl(url)}" không hợp lệ (kiểm tra tên máy, cổng, sslmode).`);
  }
  const { search_path: searchPath, options, ...rest } = raw as { search_path?: string; options?: string } & Record<string, unknown>;
  if (typeof rest.host !== 'string' || !rest.host) throw new ServerUrlError(`Địa chỉ máy chủ "${redactUrl(url)}" thiếu tên máy.`);
  if (rest.port !== undefined && rest.port !== '' && !/^\d+$/u.test(String(rest.port)))
    throw new ServerUrlError(`Địa chỉ máy chủ "${redactUrl(url)}": cổng "${String(rest.port)}" không hợp lệ.`);
  let opts = typeof options === 'string' ? options : '';
  if (searchPath) opts = `${opts} -c search_path=${optionValue(searchPath)}`.trim();
  const inOptions = OPTIONS_SEARCH_PATH.exec(opts)?.[1];
  const schema = inOptions ? firstSchema(inOptions) : 'public';
  // Fixed text forms whatever the server's defaults: ISO dates ('YYYY-MM-DD' reaches the program
  // as it is stored), full float precision, as PGlite has them.
  opts = `${opts} -c DateStyle=ISO,YMD -c IntervalStyle=postgres -c extra_float_digits=1`.trim();
  const port = rest.port === undefined || rest.port === '' ? 5432 : Number(rest.port);
  const password = typeof rest.password === 'string' && rest.password !== '' ? rest.password : null;
  if (password) known.add(password);
  const config = { ...rest, port, options: opts, password: password ?? undefined } as ClientConfig;
  const user = typeof rest.user === 'string' && rest.user ? `${rest.user}@` : '';
  const database = typeof rest.database === 'string' && rest.database ? rest.database : String(rest.user ?? '');
  const label = `${user}${rest.host}:${port}/${database}${schema === 'public' ? '' : ` (lược đồ ${schema})`}`;
  return { config, label, schema, password };
}

/** What to call the server of a URL in messages (user@host:port/db), even of a URL that does not parse. */
export function serverLabel(url: string): string {
  try {
    return parseServerUrl(url).label;
  } catch {
    return redactUrl(url);
  }
}

/** The password's place in the URL form the messages teach (not a secret). */
const PLACEHOLDER = 'mật_khẩu';

/** scheme://user:secret@host/db → scheme://user:***@host/db, and password=… (anywhere in a text). */
export function redactUrl(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*):([^@\s]*)@/giu, (all, head: string, secret: string) => (secret === PLACEHOLDER ? all : `${head}:***@`))
    .replace(/(password=)[^&\s]+/giu, '$1***');
}

/** Every password this process was given, so the last word before printing can hide them too. */
const known = new Set<string>();

/** A text with every form of the password (as typed, URL-encoded) and every URL's password hidden. */
export function redactSecret(text: string, password: string | null): string {
  let out = redactUrl(text);
  if (password && password.length >= 3) {
    for (const form of new Set([password, encodeURIComponent(password)])) out = out.split(form).join('***');
  }
  return out;
}

/** Any text about to be printed (messages, stack traces, logs): no URL's and no known password. */
export function redactSecrets(text: string): string {
  let out = redactUrl(text);
  for (const p of known) out = redactSecret(out, p);
  return out;
}
