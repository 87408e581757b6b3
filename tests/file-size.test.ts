// No hand-written file grows past 300 lines (issue 13): a file that long does more than one thing.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const MAX_LINES = 300;
// Written by tools, not by hand: migrations, the generated PostgreSQL schema, the lock file, pictures.
const GENERATED = [/^prisma\/(postgres\/)?migrations\//, /^prisma\/postgres\/schema\.prisma$/, /^package-lock\.json$/, /\.(png|jpe?g|ico|svg)$/];

describe("file size", () => {
  it(`every hand-written file in the repository has at most ${MAX_LINES} lines`, () => {
    const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" })
      .split("\n")
      .filter((f) => f && !GENERATED.some((g) => g.test(f)));
    expect(files.length).toBeGreaterThan(100);
    const long = files.map((f) => ({ f, lines: readFileSync(f, "utf8").split("\n").length - 1 })).filter((x) => x.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
