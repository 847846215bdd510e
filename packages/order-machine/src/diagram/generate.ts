/**
 * Regenerates the state diagram in docs/order-lifecycle.md from the machine definition
 * (`npm run docs:machine`). A unit test fails while the committed diagram is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { orderMachine } from '../machine/order-machine';
import { machineSection, replaceMachineSection } from './doc-section';
import { ORDER_LIFECYCLE_DOC } from './doc-path';

const before = readFileSync(ORDER_LIFECYCLE_DOC, 'utf8');
const after = replaceMachineSection(before, machineSection(orderMachine));
if (after !== before) writeFileSync(ORDER_LIFECYCLE_DOC, after);
process.stdout.write(`${after === before ? 'unchanged' : 'updated'}: ${ORDER_LIFECYCLE_DOC}\n`);
