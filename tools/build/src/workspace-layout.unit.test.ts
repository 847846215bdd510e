import { builtManifest } from './workspace-layout';

describe('builtManifest', () => {
  it('points main at the emitted JavaScript and drops types and devDependencies', () => {
    expect(
      builtManifest({
        name: '@clawback/kafka',
        main: 'src/index.ts',
        types: 'src/index.ts',
        dependencies: { kafkajs: '2.2.4' },
        devDependencies: { '@clawback/test-harness': '*' },
      }),
    ).toEqual({
      name: '@clawback/kafka',
      main: 'src/index.js',
      dependencies: { kafkajs: '2.2.4' },
    });
  });

  it('defaults main to src/index.js when the workspace names none', () => {
    expect(builtManifest({ name: '@clawback/x' })).toEqual({
      name: '@clawback/x',
      main: 'src/index.js',
    });
  });

  it('points every entry of exports at the emitted JavaScript (node reads exports before main)', () => {
    expect(
      builtManifest({
        name: '@clawback/providers',
        main: 'src/index.ts',
        exports: { '.': './src/index.ts', './testing': './src/fixtures/index.ts' },
      }),
    ).toEqual({
      name: '@clawback/providers',
      main: 'src/index.js',
      exports: { '.': './src/index.js', './testing': './src/fixtures/index.js' },
    });
  });
});
