// Schema version 5: units with codes, and provinces. The unit row says which level it is
// (a commune database: xã/phường; a province database: tỉnh/thành phố) and carries the 5-digit
// code of QĐ 19/2025/QĐ-TTg. A province keeps each commune it receives in a schema of its own
// (unit_<code>, built by these same migrations); received_unit lists them, with the bundle held.
export const sql = `
ALTER TABLE unit ADD COLUMN unit_code text CONSTRAINT unit_code_shape CHECK (unit_code ~ '^[0-9]{5}$');
ALTER TABLE unit ADD COLUMN level text NOT NULL DEFAULT 'commune' CONSTRAINT unit_level_known CHECK (level IN ('commune', 'province'));
ALTER TABLE unit DROP CONSTRAINT unit_kind_check;
ALTER TABLE unit ADD CONSTRAINT unit_kind_check
  CHECK ((level = 'commune' AND kind IN ('xa', 'phuong')) OR (level = 'province' AND kind IN ('tinh', 'thanh_pho')));

CREATE TABLE received_unit (
  unit_code text PRIMARY KEY CHECK (unit_code ~ '^[0-9]{5}$'),
  name text NOT NULL,
  plan_id text NOT NULL,
  period text NOT NULL,
  period_end text NOT NULL CHECK (period_end ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  bundle_created timestamptz NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  received_at timestamptz NOT NULL DEFAULT now()
);
`;
