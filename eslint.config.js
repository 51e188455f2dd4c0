import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "app/generated/**", "node_modules/**", ".data*/**", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
    },
  },
  { files: ["**/*.d.ts"], rules: { "@typescript-eslint/triple-slash-reference": "off" } },
  // Playwright fixtures use `use()` and `({}, use)` by design; they are not React hooks.
  { files: ["tests/e2e/**"], rules: { "react-hooks/rules-of-hooks": "off", "no-empty-pattern": "off" } },
  // The browser build empties only app/'s .server modules: search/'s are bundled for the search
  // routes as they are, so code they run at import runs in the browser too, against emptied imports
  // (it stopped the search pages' scripts once). Make such things on first use instead.
  {
    files: ["search/**/*.server.ts"],
    rules: {
      "no-restricted-syntax": ["error", ...["Program > VariableDeclaration", "Program > ExportNamedDeclaration > VariableDeclaration", "Program > ExpressionStatement"]
        .flatMap((top) => ["CallExpression", "NewExpression:not([callee.name=/^(Map|Set|WeakMap|WeakSet)$/])", "AwaitExpression"].map((kind) => ({
          selector: `${top} ${kind}:not(:function *)`,
          message: "search/ modules reach the browser build as they are: do not run code at import; make it on first use (see search/department-names.server.ts).",
        })))],
    },
  },
  {
    files: ["search/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [
        { name: "pg", message: "search/ modules reach the browser build as they are, and the driver cannot be bundled for it: import it from app/utils/pg.server.ts." },
      ] }],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly" } },
  },
);
