import type { Admin } from 'kafkajs';

/**
 * A readiness check for `/readyz`: true when a broker answers a metadata request within
 * `timeoutMs`. The admin client must have been connected once; kafkajs reconnects it.
 */
export function kafkaReadiness(admin: Admin, timeoutMs = 3000): () => Promise<boolean> {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const check = admin.describeCluster().then(
      (cluster) => cluster.brokers.length > 0,
      () => false,
    );
    try {
      return await Promise.race([check, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
