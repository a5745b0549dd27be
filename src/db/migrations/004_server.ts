// Schema version 4 (the server, issue #13): who made each change. On a server several officers
// write one database, so every line of the change log says which database role wrote it and the
// officer's name from the unit's settings at that moment. Set by column defaults, so every
// writer (typed values, imports, undo) records it without passing it; lines from before this
// version keep NULL (not known). And every statement that changes the forms, the log, the teams
// or the members tells the other programs on the server (NOTIFY on a channel of this schema), so
// their screens refresh; statement triggers, once per statement, none on form_value (the fast
// import copies it with triggers off). The row versions for optimistic concurrency are not here yet.
export const sql = `
CREATE FUNCTION tonghop_officer() RETURNS text LANGUAGE sql STABLE AS $$ SELECT officer FROM unit WHERE id = 1 $$;
ALTER TABLE value_change ADD COLUMN by_role text, ADD COLUMN by_officer text;
ALTER TABLE value_change ALTER COLUMN by_role SET DEFAULT current_user, ALTER COLUMN by_officer SET DEFAULT tonghop_officer();
CREATE FUNCTION tonghop_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tonghop_' || current_schema(), ''); -- one per transaction (PostgreSQL folds equal ones)
  RETURN NULL;
END $$;
CREATE TRIGGER form_changed AFTER INSERT OR UPDATE OR DELETE ON form FOR EACH STATEMENT EXECUTE FUNCTION tonghop_changed();
CREATE TRIGGER value_change_changed AFTER INSERT OR UPDATE OR DELETE ON value_change FOR EACH STATEMENT EXECUTE FUNCTION tonghop_changed();
CREATE TRIGGER team_changed AFTER INSERT OR UPDATE OR DELETE ON team FOR EACH STATEMENT EXECUTE FUNCTION tonghop_changed();
CREATE TRIGGER member_changed AFTER INSERT OR UPDATE OR DELETE ON member FOR EACH STATEMENT EXECUTE FUNCTION tonghop_changed();
`;
