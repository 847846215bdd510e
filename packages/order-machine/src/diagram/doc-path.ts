import { join } from 'node:path';

/** docs/order-lifecycle.md, found from this package's location in the repository. */
export const ORDER_LIFECYCLE_DOC = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'docs',
  'order-lifecycle.md',
);
