// Schema version 1. Dates are `date` (read back as 'YYYY-MM-DD' text), months 'YYYY-MM' text.
// A blank figure is a missing form_value row: blank stays distinct from 0.
export const sql = `
CREATE TABLE unit (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('xa', 'phuong')),
  province text,
  agency text NOT NULL,
  officer text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The plan in force: the preset it came from and its definition (validated by planSchema).
CREATE TABLE plan (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  preset_id text NOT NULL,
  definition jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE indicator (
  code text PRIMARY KEY,
  label text NOT NULL,
  unit text NOT NULL,
  aggregation text NOT NULL CHECK (aggregation IN ('sum', 'last')),
  position integer NOT NULL
);

CREATE TABLE setting (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE area (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  kind text,
  urban boolean NOT NULL DEFAULT false,
  households integer CHECK (households >= 0),
  adults integer CHECK (adults >= 0)
);

CREATE TABLE team (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  area_id integer REFERENCES area (id),
  level text NOT NULL CHECK (level IN ('area', 'commune')),
  decision_no text,
  decision_date date,
  dissolved_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE member (
  id serial PRIMARY KEY,
  team_id integer NOT NULL REFERENCES team (id),
  full_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('to_truong', 'to_pho', 'thanh_vien')),
  organisation text,
  birth_year integer,
  phone text,
  joined_on date,
  left_on date,
  moved_from integer REFERENCES member (id)
);
CREATE INDEX member_team ON member (team_id);

CREATE TABLE training (
  id serial PRIMARY KEY,
  member_id integer NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  held_on date NOT NULL,
  topic text NOT NULL
);
CREATE INDEX training_member ON training (member_id);

CREATE TABLE form (
  id serial PRIMARY KEY,
  team_id integer NOT NULL REFERENCES team (id),
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  received_on date,
  note text,
  source text NOT NULL CHECK (source IN ('typed', 'csv')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team_id, month)
);
CREATE INDEX form_month ON form (month);

CREATE TABLE form_value (
  form_id integer NOT NULL REFERENCES form (id) ON DELETE CASCADE,
  indicator text NOT NULL REFERENCES indicator (code),
  value integer NOT NULL CHECK (value BETWEEN 0 AND 1000000),
  PRIMARY KEY (form_id, indicator)
);

-- Every change to a figure, the received date or the note: old, new, when; undo walks it back.
CREATE TABLE value_change (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  team_id integer NOT NULL REFERENCES team (id),
  month text NOT NULL,
  field text NOT NULL,
  old_value text,
  new_value text,
  source text NOT NULL,
  undone boolean NOT NULL DEFAULT false
);
CREATE INDEX value_change_form ON value_change (team_id, month);
`;
