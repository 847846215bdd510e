import type { Component } from '../component';
import { startBatches } from './up';

const component = (name: string, group?: string): Component => ({
  name,
  ...(group !== undefined && { group }),
  address: name,
  local: true,
  probe: () => Promise.resolve(true),
  prepare: () => Promise.resolve(),
  startCommand: () => {
    throw new Error('not started in this test');
  },
});

describe('startBatches', () => {
  it('starts the nodes of a cluster together and everything else alone, in order', () => {
    const batches = startBatches([
      component('redis'),
      component('kafka-1', 'kafka'),
      component('kafka-2', 'kafka'),
      component('kafka-3', 'kafka'),
      component('registry'),
    ]);
    expect(batches.map((batch) => batch.map((c) => c.name))).toEqual([
      ['redis'],
      ['kafka-1', 'kafka-2', 'kafka-3'],
      ['registry'],
    ]);
  });
});
