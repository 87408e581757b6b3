// Source tables of bench/replication.ts, generated in the database: a narrow one and a 30-column wide one
// (text, jsonb, numeric, timestamps…), and the updates and inserts before the incremental run.
const NARROW_ROW = `g, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second', 'customer ' || g, (g % 100000) * 1.25, g % 1000`;

const WIDE_ROW = `g, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second',
  md5(g::text), 'name ' || g, repeat(chr(97 + g % 26), 40), E'line\\twith tab ' || g, 'ünïcödé ' || g, md5((g * 7)::text) || md5((g * 3)::text),
  NULLIF('s' || (g % 10), 's0'), 'const',
  g * 1.000001, (g % 997) * 12345.678901, g::numeric / 7, 12345678901234567890.123456789 + g, -g * 0.01,
  timestamptz '2020-01-01 00:00:00+00' + g * interval '17 seconds', timestamptz '2021-06-01 12:00:00.123456+00' + g * interval '1 minute',
  now() - g * interval '1 hour', timestamp '2022-01-01 00:00:00' + g * interval '3 seconds',
  jsonb_build_object('id', g, 'name', 'n' || g, 'tags', jsonb_build_array('a', 'b', g % 5)), jsonb_build_object('nested', jsonb_build_object('x', g * 0.5, 'y', null)),
  CASE WHEN g % 3 = 0 THEN 'null'::jsonb WHEN g % 3 = 1 THEN NULL ELSE to_jsonb(g) END, to_jsonb(ARRAY[g, g + 1, g + 2]),
  g % 100000, g % 32000, g * 3, g % 2 = 0, g % 3 = 0, date '2000-01-01' + (g % 9000), g * 1.1::float8`;

const WIDE_COLUMNS = `id bigint PRIMARY KEY, updated_at timestamptz NOT NULL,
  t1 text, t2 text, t3 text, t4 text, t5 text, t6 text, t7 text, t8 text,
  n1 numeric(18,6), n2 numeric(18,6), n3 numeric, n4 numeric, n5 numeric(12,2),
  ts1 timestamptz, ts2 timestamptz, ts3 timestamptz, ts4 timestamp,
  j1 jsonb, j2 jsonb, j3 jsonb, j4 jsonb,
  i1 int, i2 smallint, i3 bigint, b1 boolean, b2 boolean, d1 date, f1 double precision`;

// The narrow table: 5 columns.
export const NARROW_SQL = (rows: number) => `
  CREATE TABLE narrow (id bigint PRIMARY KEY, updated_at timestamptz NOT NULL, name text, amount numeric(12,2), qty int);
  INSERT INTO narrow SELECT ${NARROW_ROW} FROM generate_series(1, ${rows}) g;
  CREATE INDEX ON narrow (updated_at); ANALYZE narrow;`;

// The wide table: 30 columns.
export const WIDE_SQL = (rows: number) => `
  CREATE TABLE wide (${WIDE_COLUMNS});
  INSERT INTO wide SELECT ${WIDE_ROW} FROM generate_series(1, ${rows}) g;
  CREATE INDEX ON wide (updated_at); ANALYZE wide;`;

// `changes` updates of existing rows and `changes` inserts, all with a newer updated_at.
export function changeSql(table: string, rows: number, changes: number): string {
  const step = Math.max(1, Math.floor(rows / changes));
  const row = table === "narrow" ? NARROW_ROW : WIDE_ROW;
  const touched = table === "narrow" ? "name = name || ' (updated)'" : "t2 = t2 || ' (updated)', j1 = j1 || '{\"updated\": true}'";
  return `
    UPDATE ${table} SET updated_at = updated_at + interval '100 years', ${touched} WHERE id % ${step} = 0 AND id <= ${step * changes};
    INSERT INTO ${table} SELECT ${row.replace(/^g, timestamptz '2024-01-01 00:00:00\+00' \+ g \* interval '1 second'/, "g, timestamptz '2200-01-01 00:00:00+00' + g * interval '1 second'")}
      FROM generate_series(${rows + 1}, ${rows + changes}) g;`;
}
