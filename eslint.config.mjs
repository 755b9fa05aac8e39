import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import engineBoundary from "./eslint/engineBoundary.js";

const ub = { rules: { "engine-boundary": engineBoundary } };

export default tseslint.config(
  { ignores: ["dist/", "dist-try/", "lib/", "node_modules/", "coverage/", "demo/out/", ".tmp/"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The engine is pure: decimal.js and itself; no clock, randomness, console or DOM (STYLE.md 1).
    files: ["src/engine/**/*.ts"],
    plugins: { ub },
    rules: {
      "ub/engine-boundary": "error",
      "no-restricted-globals": [
        "error",
        { name: "Date", message: "The engine takes dates as input (dates/civilDate.ts); it never reads the clock." },
        { name: "console", message: "The engine reports problems as values, not log lines." },
        { name: "window", message: "The engine has no DOM." },
        { name: "document", message: "The engine has no DOM." },
        { name: "Office", message: "The engine knows nothing of Office." },
        { name: "Excel", message: "The engine knows nothing of Excel." },
        { name: "setTimeout", message: "The engine is synchronous and deterministic." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "The engine is deterministic; ids come in as input." },
        { object: "Decimal", property: "set", message: "Use the project's clone (engine/decimal.ts), never the global Decimal." },
      ],
    },
  },
  {
    // Thin layers: no arithmetic libraries or storage in function wrappers; no Office in the CLI.
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: ["dexie", "exceljs", "react"], patterns: ["decimal.js"] }],
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: ["src/cli/**/*.ts", "src/workbook/**/*.ts", "src/adapters/xlsx/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "Office.js lives only in src/adapters/excel and src/taskpane." },
        { name: "Excel", message: "Office.js lives only in src/adapters/excel." },
      ],
    },
  },
  {
    files: ["src/adapters/excel/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    // The fake Office.js builds proxies with object-literal getters and setters that close over the proxy.
    files: ["src/fakes/**/*.ts"],
    rules: { "@typescript-eslint/no-this-alias": "off" },
  },
  {
    files: ["test/**/*.ts", "test/**/*.tsx"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
