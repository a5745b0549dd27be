// Schema version 7 (the server, issue #13): optimistic concurrency. Every form row carries a
// version, taken from one sequence and renewed by every UPDATE of the row (trigger: no writer can
// forget it); a new row takes a fresh one. Every write of a figure also updates its form (the
// typed save, the import, undo), so the form's version moves with any change to the form or its
// values. One sequence, not a counter per row: a form removed and made again never comes back
// with a version a screen still holds. The screens keep the version they showed and a save
// checks it (db/form-versions.ts). Versions are not data: backups leave them out (catalog.ts),
// so a restore gives every row a new one.
export const sql = `
CREATE SEQUENCE form_version;
ALTER TABLE form ADD COLUMN version bigint NOT NULL DEFAULT nextval('form_version');
CREATE FUNCTION tonghop_form_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := nextval(quote_ident(TG_TABLE_SCHEMA) || '.form_version'); -- the table's own schema (a province's communes)
  RETURN NEW;
END $$;
CREATE TRIGGER form_version BEFORE UPDATE ON form FOR EACH ROW EXECUTE FUNCTION tonghop_form_version();
`;
