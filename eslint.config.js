import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/*.js", "!eslint.config.js", "artifacts/**", "bench/out/**", "scratch/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ["./tsconfig.test.json"], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The web app type-checks with its own configs (DOM and JSX for src, Node for its build and e2e files).
  {
    files: ["packages/web/src/**/*.ts", "packages/web/src/**/*.tsx"],
    languageOptions: { parserOptions: { project: ["./packages/web/tsconfig.json"], tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ["packages/web/e2e/**/*.ts", "packages/web/*.config.ts"],
    languageOptions: { parserOptions: { project: ["./packages/web/tsconfig.node.json"], tsconfigRootDir: import.meta.dirname } },
  },
  { files: ["eslint.config.js"], ...tseslint.configs.disableTypeChecked },
  prettier,
);
