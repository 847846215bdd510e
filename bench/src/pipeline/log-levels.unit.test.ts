import { createLogger } from '@clawback/logging';
import { countingLog } from './log-levels';

describe('countingLog', () => {
  it('forwards every line and counts those at error level or above', () => {
    const written: string[] = [];
    const log = countingLog((line) => written.push(line));
    const logger = createLogger({ service: 'test', level: 'info', destination: log.destination });
    logger.info('started');
    logger.warn('slow');
    logger.error('broken');
    logger.fatal('gone');
    expect(written).toHaveLength(4);
    expect(log.errorLines()).toBe(2);
  });
});
