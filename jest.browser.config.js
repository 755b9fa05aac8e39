/**
 * The browser tests (test/browser/*.e2e.ts): the built task pane in Debian's Chromium. Run them
 * with `npm run test:browser`, which builds dist/ and dist-try/ first. One file at a time: each
 * drives its own browser, and this machine has two cores.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/browser"],
  testMatch: ["**/*.e2e.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  maxWorkers: 1,
  setupFilesAfterEnv: ["<rootDir>/test/support/moneyEquality.ts"],
  testTimeout: 180000,
};
