// Schema version 11 (the server's load run, issue #13 item 6): a typed save costs the server less,
// its stamps as exact as before.
//
// Profiled on a server (track_functions = all, one officer, backend CPU per save): ~40 % of a save
// went to migration 6's stamps. tonghop_stamp was a LANGUAGE sql function, parsed and planned
// anew at every call (PostgreSQL 15 keeps no plan of a SQL function between calls), and a save
// called it 3–4 times: the value's statement trigger, and the form's UPDATE trigger twice (new
// rows, then old rows). tonghop_officer (the change log's default) paid the same planning once a
// line. Now:
// - tonghop_stamp and tonghop_officer are plpgsql: their plans are kept for the session;
// - an UPDATE's trigger stamps the teams of its new and old rows in one call;
// - tonghop_save_field stamps its one team itself, once, after its writes, and the stamp
//   triggers of form and form_value skip the statements it runs (a transaction-local setting, set
//   around its writes and cleared before it returns; the triggers' WHEN tests it, so no trigger
//   function runs). Every write it makes is to that team's form or its values, so the team gets
//   its new stamp in the writer's transaction, as every other writer's teams still get from the
//   triggers (test/db/status-cache.test.ts, both engines).
const restamped = (table: string, teams: (rows: string) => string) => `
CREATE OR REPLACE FUNCTION tonghop_stamp_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM tonghop_stamp(ARRAY(${teams('new_rows')}));
  ELSIF TG_OP = 'DELETE' THEN PERFORM tonghop_stamp(ARRAY(${teams('old_rows')}));
  ELSE PERFORM tonghop_stamp(ARRAY(${teams('new_rows')} UNION ${teams('old_rows')}));
  END IF;
  RETURN NULL;
END $$;
`;

// The triggers of the tables a typed save writes, again, with the WHEN that lets the save stamp.
const SAVING = `current_setting('tonghop.save_stamps', true) IS DISTINCT FROM 'on'`;
const skippedBySave = (table: string) => `
DROP TRIGGER ${table}_stamp_ins ON ${table};
DROP TRIGGER ${table}_stamp_upd ON ${table};
DROP TRIGGER ${table}_stamp_del ON ${table};
CREATE TRIGGER ${table}_stamp_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT WHEN (${SAVING}) EXECUTE FUNCTION tonghop_stamp_${table}();
CREATE TRIGGER ${table}_stamp_upd AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT WHEN (${SAVING}) EXECUTE FUNCTION tonghop_stamp_${table}();
CREATE TRIGGER ${table}_stamp_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT WHEN (${SAVING}) EXECUTE FUNCTION tonghop_stamp_${table}();
ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${table}_stamp_ins, ENABLE ALWAYS TRIGGER ${table}_stamp_upd, ENABLE ALWAYS TRIGGER ${table}_stamp_del;
`;

export const stampsSql = `
CREATE OR REPLACE FUNCTION tonghop_stamp(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO team_stamp (team_id, stamp)
  SELECT id, nextval('data_stamp') FROM (SELECT DISTINCT id FROM unnest(ids) AS u(id) WHERE id IS NOT NULL) d
  ON CONFLICT (team_id) DO UPDATE SET stamp = EXCLUDED.stamp;
END $$;
CREATE OR REPLACE FUNCTION tonghop_officer() RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT officer FROM unit WHERE id = 1);
END $$;
${restamped('team', (r) => `SELECT id FROM ${r}`)}
${restamped('area', (r) => `SELECT t.id FROM team t WHERE t.area_id IN (SELECT id FROM ${r})`)}
${restamped('member', (r) => `SELECT team_id FROM ${r}`)}
${restamped('training', (r) => `SELECT m.team_id FROM member m WHERE m.id IN (SELECT member_id FROM ${r})`)}
${restamped('form', (r) => `SELECT team_id FROM ${r}`)}
${restamped('form_value', (r) => `SELECT f.team_id FROM form f WHERE f.id IN (SELECT form_id FROM ${r})`)}
`;

export const savePathSql = `
${skippedBySave('form')}
${skippedBySave('form_value')}
-- Migration 9's function, with its stamp: 'tonghop.save_stamps' is on from before its first write
-- to after its last (transaction-local, and undone with a savepoint that rolls it back), and the
-- team is stamped once if anything was written.
CREATE OR REPLACE FUNCTION tonghop_save_field(p_team integer, p_month text, p_field text, p_value text, p_received_if_new date,
                                   p_checked boolean, p_shown_version bigint, p_shown text)
RETURNS TABLE (o_saved boolean, o_changed boolean, o_before bigint, o_version bigint,
               o_stored text, o_at timestamptz, o_by_role text, o_by_officer text, o_source text)
LANGUAGE plpgsql AS $$
DECLARE
  kind text := CASE p_field WHEN '_ngay_nhan' THEN 'received' WHEN '_ghi_chu' THEN 'note' ELSE 'value' END;
  fid integer;
  before_version bigint;
  found_version bigint;
  stored text;
  created boolean := false;
BEGIN
  FOR attempt IN 1..3 LOOP
    -- Lock first; read the figure in a statement of its own: its snapshot is taken after the lock
    -- is ours, so it sees what the writer we waited for committed (a subquery of the locking
    -- statement would read the figure as it was before the wait, and overwrite it unseen).
    SELECT f.id, f.version, CASE kind WHEN 'received' THEN f.received_on::text WHEN 'note' THEN f.note END
      INTO fid, found_version, stored
      FROM form f WHERE f.team_id = p_team AND f.month = p_month FOR UPDATE;
    IF kind = 'value' AND fid IS NOT NULL THEN
      SELECT v.value::text INTO stored FROM form_value v WHERE v.form_id = fid AND v.indicator = p_field;
    END IF;
    -- Refused: the form moved since shown and this field no longer holds what was shown (nor
    -- already what is typed). Another field's change is no conflict. Nothing written.
    IF p_checked AND NOT coalesce(found_version = p_shown_version, false)
       AND stored IS DISTINCT FROM p_shown AND stored IS DISTINCT FROM p_value THEN
      IF created THEN PERFORM tonghop_stamp(ARRAY[p_team]); END IF; -- the form this call made stays: stamped
      RETURN QUERY SELECT false, false, found_version, found_version, stored, c.at, c.by_role, c.by_officer, c.source
        FROM (SELECT 1) one LEFT JOIN LATERAL (
          SELECT l.at, l.by_role, l.by_officer, l.source FROM value_change l
          WHERE l.team_id = p_team AND l.month = p_month AND l.field IN (p_field, '_phieu') ORDER BY l.id DESC LIMIT 1) c ON true;
      RETURN;
    END IF;
    EXIT WHEN fid IS NOT NULL;
    -- No form yet: make it (another transaction making it meanwhile: then look again at theirs).
    PERFORM set_config('tonghop.save_stamps', 'on', true);
    INSERT INTO form (team_id, month, source, received_on)
      VALUES (p_team, p_month, 'typed', CASE kind WHEN 'received' THEN p_value::date ELSE p_received_if_new END)
      ON CONFLICT (team_id, month) DO NOTHING RETURNING id INTO fid;
    PERFORM set_config('tonghop.save_stamps', '', true);
    IF fid IS NOT NULL THEN
      created := true;
      INSERT INTO value_change (team_id, month, field, old_value, new_value, source) VALUES (p_team, p_month, '_phieu', NULL, 'tạo phiếu', 'typed');
      fid := NULL; -- and lock it
    END IF;
  END LOOP;
  IF fid IS NULL THEN RAISE EXCEPTION 'tonghop_save_field: form % % neither found nor made', p_team, p_month; END IF;
  before_version := CASE WHEN created THEN NULL ELSE found_version END;
  IF stored IS DISTINCT FROM p_value THEN
    PERFORM set_config('tonghop.save_stamps', 'on', true);
    IF kind = 'value' THEN
      IF p_value IS NULL THEN
        DELETE FROM form_value v WHERE v.form_id = fid AND v.indicator = p_field;
      ELSIF stored IS NULL THEN
        INSERT INTO form_value (form_id, indicator, value) VALUES (fid, p_field, p_value::integer);
      ELSE
        UPDATE form_value v SET value = p_value::integer WHERE v.form_id = fid AND v.indicator = p_field;
      END IF;
      UPDATE form f SET updated_at = now() WHERE f.id = fid RETURNING f.version INTO found_version;
    ELSIF kind = 'received' THEN
      UPDATE form f SET received_on = p_value::date, updated_at = now() WHERE f.id = fid RETURNING f.version INTO found_version;
    ELSE
      UPDATE form f SET note = p_value, updated_at = now() WHERE f.id = fid RETURNING f.version INTO found_version;
    END IF;
    PERFORM set_config('tonghop.save_stamps', '', true);
    INSERT INTO team_stamp (team_id, stamp) VALUES (p_team, nextval('data_stamp'))
      ON CONFLICT (team_id) DO UPDATE SET stamp = EXCLUDED.stamp;
    INSERT INTO value_change (team_id, month, field, old_value, new_value, source) VALUES (p_team, p_month, p_field, stored, p_value, 'typed');
    RETURN QUERY SELECT true, true, before_version, found_version, NULL::text, NULL::timestamptz, NULL::text, NULL::text, NULL::text;
    RETURN;
  END IF;
  IF created THEN
    INSERT INTO team_stamp (team_id, stamp) VALUES (p_team, nextval('data_stamp'))
      ON CONFLICT (team_id) DO UPDATE SET stamp = EXCLUDED.stamp;
  END IF;
  RETURN QUERY SELECT true, created, before_version, found_version, NULL::text, NULL::timestamptz, NULL::text, NULL::text, NULL::text;
END $$;
`;

export const sql = stampsSql + savePathSql;
