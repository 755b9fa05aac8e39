/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: {
    "\\.(css|png|svg)$": "<rootDir>/test/support/fileStub.js",
  },
  testTimeout: 60000,
  // Money holds cents or a decimal: jest compares two amounts by value (test/support/moneyEquality.ts).
  setupFilesAfterEnv: ["<rootDir>/test/support/moneyEquality.ts"],
};
