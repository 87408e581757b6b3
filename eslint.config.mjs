import next from "eslint-config-next/core-web-vitals";
import ts from "eslint-config-next/typescript";

const config = [
  ...next,
  ...ts,
  { ignores: ["node_modules/**", ".next/**", "prisma/generated/**", ".tmp/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      // Omitting fields by destructuring (`const { secret: _secret, ...rest } = row`) is intended.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true, varsIgnorePattern: "^_" }],
    },
  },
  {
    // The domain knows nothing of Next, React, pages or components (CONVENTIONS.md); lib/auth is the one adapter
    // (next-auth options, the session and membership checks pages and actions call).
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/auth/**"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react/*", "react-dom", "react-dom/*"], message: "lib/ is the domain: no Next or React (CONVENTIONS.md)." },
          { group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*"], message: "lib/ never imports pages or components." },
        ],
      }],
    },
  },
  {
    // Components render what pages and actions give them: they never reach the database themselves.
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          {
            group: ["@/lib/db", "@/lib/db/*", "@/lib/db-client", "**/lib/db", "**/lib/db/*", "**/lib/db-client", "**/prisma/generated/*", "@prisma/*", "pg", "pg-boss"],
            message: "Components never import the database: load data in a page (through lib/) and pass it down.",
          },
        ],
      }],
    },
  },
];

export default config;
