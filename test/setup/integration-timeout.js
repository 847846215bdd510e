// Integration tests wait on a real broker, registry and Redis on a shared 2-core machine: a
// generous ceiling, so only a real hang fails a test. (`testTimeout` is not a per-project
// option in jest, hence this setup file.)
jest.setTimeout(120_000);
