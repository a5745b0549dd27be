// The floor every whole-process figure is compared with: start Node, open the same PGlite
// folder, close it. Nothing of tonghop is loaded.
import { PGlite } from '@electric-sql/pglite';

const dir = process.argv[2];
if (!dir) throw new Error('usage: floor.js <pgdata dir>');
const pg = await PGlite.create(dir);
await pg.query('SELECT 1');
await pg.close();
if (process.env.TONGHOP_REPORT_RSS) process.stderr.write(`tonghop-rss-kb=${process.resourceUsage().maxRSS}\n`);
