// Schema version 9 (the server's load run, issue #13): a typed save in one statement, and the
// refresh announcement out of the writer's durable commit.
//
// tonghop_save_field is the whole typed save of one field (db/form-versions.ts, forms.ts
// enterField): lock the form, compare the field with what the screen showed (p_checked), make the
// form if there is none, write the field, renew the form's version, log the change. Measured on a
// server under 20 officers: the row locks were held while ~8 statements went to and fro between
// client and server, and saves of one form queued behind each other's round trips; one statement
// holds them only for its own work and the commit. On PGlite it is the same code, with fewer calls.
//
// tonghop_changed (migration 4) called pg_notify in the writer's transaction. PostgreSQL takes one
// cluster-wide lock for a transaction that notifies and holds it through its commit, WAL flush
// included: every saving transaction on the server committed one after another, each waiting its
// own fsync (measured: "Lock:object" waits). Now a transaction run by our server adapter
// (tonghop.announce = 'after_commit', set by it for that transaction) only notes the channel in a
// session setting — undone with the transaction if it aborts — and the adapter announces it right
// after the commit, in the same message, in a transaction of its own that need not reach the disk
// (a lost announcement costs a refresh, never data). Any other writer notifies as before.
export const sql = `
CREATE OR REPLACE FUNCTION tonghop_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  channel text := 'tonghop_' || current_schema();
  pending text := coalesce(current_setting('tonghop.changed', true), '');
BEGIN
  IF current_setting('tonghop.announce', true) IS DISTINCT FROM 'after_commit' THEN
    PERFORM pg_notify(channel, ''); -- one per transaction (PostgreSQL folds equal ones)
  ELSIF NOT channel = ANY (string_to_array(pending, ',')) THEN
    PERFORM set_config('tonghop.changed', concat_ws(',', nullif(pending, ''), channel), false);
  END IF;
  RETURN NULL;
END $$;

-- Values travel as text: an indicator's integer, the received date 'YYYY-MM-DD', the note.
-- One row: saved or refused; changed; the form's version found (null: this save made the form)
-- and now; when refused, the value stored and the newest logged change of the field or the form.
CREATE FUNCTION tonghop_save_field(p_team integer, p_month text, p_field text, p_value text, p_received_if_new date,
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
      RETURN QUERY SELECT false, false, found_version, found_version, stored, c.at, c.by_role, c.by_officer, c.source
        FROM (SELECT 1) one LEFT JOIN LATERAL (
          SELECT l.at, l.by_role, l.by_officer, l.source FROM value_change l
          WHERE l.team_id = p_team AND l.month = p_month AND l.field IN (p_field, '_phieu') ORDER BY l.id DESC LIMIT 1) c ON true;
      RETURN;
    END IF;
    EXIT WHEN fid IS NOT NULL;
    -- No form yet: make it (another transaction making it meanwhile: then look again at theirs).
    INSERT INTO form (team_id, month, source, received_on)
      VALUES (p_team, p_month, 'typed', CASE kind WHEN 'received' THEN p_value::date ELSE p_received_if_new END)
      ON CONFLICT (team_id, month) DO NOTHING RETURNING id INTO fid;
    IF fid IS NOT NULL THEN
      created := true;
      INSERT INTO value_change (team_id, month, field, old_value, new_value, source) VALUES (p_team, p_month, '_phieu', NULL, 'tạo phiếu', 'typed');
      fid := NULL; -- and lock it
    END IF;
  END LOOP;
  IF fid IS NULL THEN RAISE EXCEPTION 'tonghop_save_field: form % % neither found nor made', p_team, p_month; END IF;
  before_version := CASE WHEN created THEN NULL ELSE found_version END;
  IF stored IS DISTINCT FROM p_value THEN
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
    INSERT INTO value_change (team_id, month, field, old_value, new_value, source) VALUES (p_team, p_month, p_field, stored, p_value, 'typed');
    RETURN QUERY SELECT true, true, before_version, found_version, NULL::text, NULL::timestamptz, NULL::text, NULL::text, NULL::text;
    RETURN;
  END IF;
  RETURN QUERY SELECT true, created, before_version, found_version, NULL::text, NULL::timestamptz, NULL::text, NULL::text, NULL::text;
END $$;
`;
