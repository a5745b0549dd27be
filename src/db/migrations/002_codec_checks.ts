// Schema version 2: the database guarantees the shapes the packed-rows codec (db/packed.ts) and
// the import rely on — codes and months never hold a space or a comma. Every write path already
// validates them (zod schemas), so an existing database passes; a hostile restore does not.
export const sql = `
ALTER TABLE indicator ADD CONSTRAINT indicator_code_shape CHECK (code ~ '^[a-z0-9_]+$');
-- teamCodeSchema: A-Z, 0-9, then also _ . -; at most 20 characters.
ALTER TABLE team ADD CONSTRAINT team_code_shape CHECK (code ~ '^[A-Z0-9][A-Z0-9_.-]*$' AND char_length(code) <= 20);
ALTER TABLE value_change ADD CONSTRAINT value_change_month_shape CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
`;
