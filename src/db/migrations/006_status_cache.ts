// Schema version 6 (speed, #16 item 2): stored evaluations, so `status` reads what changed, not
// every value of the plan window. Every statement that changes what a team's evaluation reads
// (its row, its area, members, trainings, forms, values) gives that team a new stamp from one
// sequence, in the writer's own transaction. A team's stored result is good while its stamp is
// the one it was computed at; the whole `status --json` text is good while the sum of all stamps
// is (stamps only grow and their rows are never deleted, so any committed change moves the sum,
// whatever order concurrent writers commit in). Statement triggers (once per statement, set-based
// on the transition tables), ENABLE ALWAYS so the fast import's session_replication_role = replica
// fires them too. The tables are derived data: backups leave them out (catalog.ts).
const stamped = (table: string, teams: (rows: string) => string) => `
CREATE FUNCTION tonghop_stamp_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM tonghop_stamp(ARRAY(${teams('new_rows')})); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM tonghop_stamp(ARRAY(${teams('old_rows')})); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ${table}_stamp_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tonghop_stamp_${table}();
CREATE TRIGGER ${table}_stamp_upd AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tonghop_stamp_${table}();
CREATE TRIGGER ${table}_stamp_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tonghop_stamp_${table}();
ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${table}_stamp_ins, ENABLE ALWAYS TRIGGER ${table}_stamp_upd, ENABLE ALWAYS TRIGGER ${table}_stamp_del;
`;

export const sql = `
CREATE SEQUENCE data_stamp;
CREATE TABLE team_stamp (team_id integer PRIMARY KEY, stamp bigint NOT NULL);
INSERT INTO team_stamp (team_id, stamp) SELECT id, nextval('data_stamp') FROM team;
CREATE FUNCTION tonghop_stamp(ids integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO team_stamp (team_id, stamp)
  SELECT id, nextval('data_stamp') FROM (SELECT DISTINCT id FROM unnest(ids) AS u(id) WHERE id IS NOT NULL) d
  ON CONFLICT (team_id) DO UPDATE SET stamp = EXCLUDED.stamp
$$;
${stamped('team', (r) => `SELECT id FROM ${r}`)}
${stamped('area', (r) => `SELECT t.id FROM team t WHERE t.area_id IN (SELECT id FROM ${r})`)}
${stamped('member', (r) => `SELECT team_id FROM ${r}`)}
${stamped('training', (r) => `SELECT m.team_id FROM member m WHERE m.id IN (SELECT member_id FROM ${r})`)}
${stamped('form', (r) => `SELECT team_id FROM ${r}`)}
${stamped('form_value', (r) => `SELECT f.team_id FROM form f WHERE f.id IN (SELECT form_id FROM ${r})`)}

-- One team's evaluation (TeamStatus as JSON, 'null' when not evaluated then) per key: as-of
-- month, plan, indicators' aggregation, thresholds and the arithmetic's version (a hash).
CREATE TABLE eval_cache (
  key text NOT NULL,
  team_id integer NOT NULL,
  stamp bigint NOT NULL,
  result text NOT NULL,
  PRIMARY KEY (key, team_id)
);
-- Each key in use; with the whole \`status --json\` text (gzip), good while the stamps sum to \`stamps\`.
CREATE TABLE status_cache (
  key text PRIMARY KEY,
  stamps numeric,
  json_gz bytea,
  used_at timestamptz NOT NULL DEFAULT now()
);
`;
