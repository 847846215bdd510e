import { refuseUnlessPatchable } from './kafkajs-patch-guard';

describe('refuseUnlessPatchable', () => {
  it('given the kafkajs release written for, with the methods there, then it lets the patch install', () => {
    expect(() => refuseUnlessPatchable('a patch', 'broker.fetch', true)).not.toThrow();
  });

  it('given a kafkajs without the methods a patch replaces, then it refuses, naming the patch and what is missing', () => {
    expect(() =>
      refuseUnlessPatchable('offsets leader refresh', 'cluster.fetchTopicsOffset', false),
    ).toThrow(
      expect.objectContaining({
        code: 'kafka_client_incompatible',
        retriable: false,
        message: expect.stringMatching(
          /^the offsets leader refresh in @clawback\/kafka was written for kafkajs 2\.2\.4 \(cluster\.fetchTopicsOffset\); found kafkajs 2\.2\.4$/,
        ),
      }),
    );
  });
});
