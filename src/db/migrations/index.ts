// Numbered migrations, applied in order, each in its own transaction with its version row.
import { sql as v1 } from './001_init.js';
import { sql as v2 } from './002_codec_checks.js';
import { sql as v3 } from './003_import_batches.js';
import { sql as v4 } from './004_server.js';
import { sql as v5 } from './005_province.js';
import { sql as v6 } from './006_status_cache.js';
import { sql as v7 } from './007_row_versions.js';
import { sql as v8 } from './008_roster_changes.js';
import { sql as v9 } from './009_one_trip_save.js';
import { sql as v10 } from './010_status_fragments.js';
import { sql as v11 } from './011_cheaper_save.js';
import { sql as v12 } from './012_home_rows.js';
import { sql as v13 } from './013_home_snapshot.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', sql: v1 },
  { version: 2, name: 'codec_checks', sql: v2 },
  { version: 3, name: 'import_batches', sql: v3 },
  { version: 4, name: 'server', sql: v4 },
  { version: 5, name: 'province', sql: v5 },
  { version: 6, name: 'status_cache', sql: v6 },
  { version: 7, name: 'row_versions', sql: v7 },
  { version: 8, name: 'roster_changes', sql: v8 },
  { version: 9, name: 'one_trip_save', sql: v9 },
  { version: 10, name: 'status_fragments', sql: v10 },
  { version: 11, name: 'cheaper_save', sql: v11 },
  { version: 12, name: 'home_rows', sql: v12 },
  { version: 13, name: 'home_snapshot', sql: v13 },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
