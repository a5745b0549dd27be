// Schema version 4 (the server, issue #13): who made each change. On a server several officers
// write one database, so every line of the change log says which database role wrote it and the
// officer's name from the unit's settings at that moment. Set by column defaults, so every
// writer (typed values, imports, undo) records it without passing it; lines from before this
// version keep NULL (not known). The row versions for optimistic concurrency are not here yet.
export const sql = `
CREATE FUNCTION tonghop_officer() RETURNS text LANGUAGE sql STABLE AS $$ SELECT officer FROM unit WHERE id = 1 $$;
ALTER TABLE value_change ADD COLUMN by_role text, ADD COLUMN by_officer text;
ALTER TABLE value_change ALTER COLUMN by_role SET DEFAULT current_user, ALTER COLUMN by_officer SET DEFAULT tonghop_officer();
`;
