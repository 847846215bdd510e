import { addressesFromEnv } from '../config/addresses';
import { httpStatus } from './http-probe';
import { kafkaServesMetadata } from './kafka-probe';
import { tcpReachable } from './tcp-probe';

// Against the stack `npm run infra:up` started (or the one the environment names).
describe('probes against the running infrastructure', () => {
  const addresses = addressesFromEnv(process.env);

  it('Kafka serves metadata on the client listener', async () => {
    await expect(kafkaServesMetadata(addresses.kafkaBrokers)).resolves.toBe(true);
  });

  it('the registry lists subjects through the Confluent API', async () => {
    const url = `${addresses.schemaRegistryUrl.href.replace(/\/$/, '')}/subjects`;
    await expect(httpStatus(url)).resolves.toBe(200);
  });

  it('nothing answers on a port where nothing listens', async () => {
    // Port 1 (tcpmux) is unassigned on these machines; a false here is what "down" looks like.
    await expect(kafkaServesMetadata([{ host: '127.0.0.1', port: 1 }], 1000)).resolves.toBe(false);
    await expect(tcpReachable('127.0.0.1', 1, 1000)).resolves.toBe(false);
    await expect(httpStatus('http://127.0.0.1:1/subjects', 1000)).resolves.toBeUndefined();
  });
});
