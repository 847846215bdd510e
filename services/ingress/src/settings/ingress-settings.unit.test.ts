import { DEFAULT_INGRESS_SETTINGS, loadIngressSettings } from './ingress-settings';

describe('loadIngressSettings', () => {
  it('defaults to a 256 KiB body limit and a dedupe window beyond two days', () => {
    const settings = loadIngressSettings({});

    expect(settings).toEqual(DEFAULT_INGRESS_SETTINGS);
    expect(settings.bodyLimitBytes).toBe(262_144);
    expect(settings.dedupeTtlSeconds).toBeGreaterThan(2 * 24 * 3600);
  });

  it('reads overrides', () => {
    expect(
      loadIngressSettings({
        INGRESS_BODY_LIMIT_BYTES: '4096',
        INGRESS_PUBLISH_TIMEOUT_MS: '1500',
        INGRESS_RETRY_AFTER_SECONDS: '5',
        INGRESS_DEDUPE_TTL_SECONDS: '259200',
        INGRESS_HEADERS_TIMEOUT_MS: '2000',
        INGRESS_REQUEST_TIMEOUT_MS: '8000',
        INGRESS_KEEP_ALIVE_TIMEOUT_MS: '3000',
        INGRESS_MAX_CONNECTIONS_PER_SOURCE: '16',
        INGRESS_MAX_CONNECTIONS: '1000',
        INGRESS_PRODUCER_LANES: '4',
      }),
    ).toEqual({
      bodyLimitBytes: 4096,
      publishTimeoutMs: 1500,
      retryAfterSeconds: 5,
      dedupeTtlSeconds: 259200,
      headersTimeoutMs: 2000,
      requestTimeoutMs: 8000,
      keepAliveTimeoutMs: 3000,
      maxConnectionsPerSource: 16,
      maxConnections: 1000,
      producerLanes: 4,
    });
  });

  it.each([
    ['INGRESS_BODY_LIMIT_BYTES', '10kb'],
    ['INGRESS_PUBLISH_TIMEOUT_MS', '0'],
    ['INGRESS_DEDUPE_TTL_SECONDS', '3600'],
    ['INGRESS_MAX_CONNECTIONS_PER_SOURCE', '0'],
    ['INGRESS_HEADERS_TIMEOUT_MS', '60000'],
  ])('rejects %s=%s naming the variable', (variable, value) => {
    expect(() => loadIngressSettings({ [variable]: value })).toThrow(
      expect.objectContaining({ code: 'config_invalid', variable }),
    );
  });
});
