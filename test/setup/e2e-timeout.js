// End-to-end suites start several services; see integration-timeout.js.
jest.setTimeout(300_000);
