// A source's `name`, derived from its display name by the original's rules: under 50 characters,
// lowercase letters, digits, `_` or `$`; made unique in the account by a numeric suffix.
export const NAME_MAX = 49;

export function baseName(displayName: string): string {
  const ascii = displayName.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const name = ascii.replace(/[^a-z0-9_$]+/g, "_").replace(/^_+|_+$/g, "");
  return (name || "source").slice(0, NAME_MAX);
}

// The n-th candidate (n = 1 is the base name itself), still within the length limit.
export function candidateName(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = `_${n}`;
  return base.slice(0, NAME_MAX - suffix.length) + suffix;
}

// Names a destination schema may not take (PostgreSQL's own schemas and the job queue's): why, or null when free.
export function reservedName(name: string): string | null {
  if (name === "public" || name === "information_schema" || name === "pgboss") return `"${name}" is a reserved schema name`;
  if (name.startsWith("pg_")) return `names starting with "pg_" are reserved by PostgreSQL`;
  return null;
}
