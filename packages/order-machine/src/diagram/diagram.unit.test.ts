import { readFileSync } from 'node:fs';
import { orderMachine } from '../machine/order-machine';
import { machineSection, replaceMachineSection } from './doc-section';
import { ORDER_LIFECYCLE_DOC } from './doc-path';
import { renderStateDiagram } from './mermaid';

describe('generated state diagram', () => {
  it('docs/order-lifecycle.md holds the diagram of the current machine (run npm run docs:machine)', () => {
    const committed = readFileSync(ORDER_LIFECYCLE_DOC, 'utf8');
    expect(replaceMachineSection(committed, machineSection(orderMachine))).toBe(committed);
  });

  it('draws every state and the guarded refund transitions', () => {
    const diagram = renderStateDiagram(orderMachine);
    for (const state of Object.keys(orderMachine.root.states)) expect(diagram).toContain(state);
    expect(diagram).toContain('paid --> refunded : refund [refundCompletesOrder] / applyRefund');
  });

  it('refuses a document without markers rather than appending blindly', () => {
    expect(() => replaceMachineSection('# nothing here', 'x')).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });
});
