// Three kinds of test, told apart by file suffix (see docs/contributing.md):
//   *.unit.test.ts  pure, beside the code;  *.int.test.ts  real Kafka/registry/Redis;
//   test/**/*.e2e.test.ts  end-to-end through the running services;
//   test/cluster/**/*.cluster.test.ts  on a three-broker cluster of their own, brokers killed.
const transform = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };
// dist/ (npm run build) mirrors every workspace's package.json: jest must not see it twice.
const common = {
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,services,infra,bench,tools}/**/*.unit.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{packages,services,infra,tools}/**/*.int.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/integration-timeout.js'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/e2e-timeout.js'],
    },
    // Suites that start Kafka clusters of their own and kill brokers: run apart, after the
    // others (`npm run test:cluster`), never in parallel with each other.
    {
      ...common,
      displayName: 'cluster',
      testMatch: ['<rootDir>/test/cluster/**/*.cluster.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/e2e-timeout.js'],
    },
  ],
};
