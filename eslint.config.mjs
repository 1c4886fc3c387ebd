// ESLint flat config: typescript-eslint, the Office add-in rules (round-trip discipline),
// Prettier, and the layering rules that keep src/core pure (see docs/ARCHITECTURE.md).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import prettierConfig from "eslint-config-prettier";

const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

const nodeBuiltins = [
  "fs",
  "path",
  "os",
  "child_process",
  "worker_threads",
  "stream",
  "zlib",
  "crypto",
  "util",
];

export default tseslint.config(
  {
    ignores: ["dist/**", "coverage/**", "test-output/**", "demo-output/**", "node_modules/**", "*.config.js"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettierConfig,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRules,
      "no-eval": "error",
      "no-implied-eval": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "No raw HTML in the pane.",
        },
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: "No innerHTML: build DOM nodes.",
        },
      ],
    },
  },
  {
    files: ["test/**/*.{ts,tsx}"],
    rules: { "no-control-regex": "off" },
  },
  {
    files: ["bin/**/*.js", "test/setup/*.js", "scripts/**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["scripts/**/*.{mjs,cjs}", "bin/**/*.js", "test/reporters/*.js", "test/setup/*.js"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        Buffer: "readonly",
      },
    },
  },
  {
    // The engine is pure: nothing of Office, the DOM, React, Node or our hosts.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...nodeBuiltins, "exceljs", "react", "react-dom", "fflate"].map((name) => ({
            name,
            message: "src/core must stay pure (no Node, DOM, React, Office or file formats).",
          })),
          patterns: [
            { group: ["node:*", "@fluentui/*"], message: "src/core must stay pure." },
            {
              group: [
                "**/host/**",
                "**/excel/**",
                "**/xlsx/**",
                "**/cli/**",
                "**/taskpane/**",
                "**/commands/**",
              ],
              message: "src/core imports nothing of ours outside src/core.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "Excel", "Office", "process", "require"],
    },
  },
  {
    // The pane and the ribbon commands reach Excel only through the WorkbookHost port.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Excel"],
    },
  },
);
