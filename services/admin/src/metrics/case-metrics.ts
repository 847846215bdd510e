import { Gauge, type Registry } from '@clawback/observability';
import type { CaseBook } from '../cases/case-book';

/**
 * `clawback_cases_open{reason}` and `clawback_cases_oldest_open_age_seconds`, computed from the
 * book when scraped, plus whether the projection has caught up.
 */
export function registerCaseMetrics(
  registry: Registry,
  source: {
    readonly cases: CaseBook;
    readonly caughtUp: () => boolean;
    readonly now: () => number;
  },
): void {
  let figures = source.cases.figures(source.now());
  new Gauge({
    name: 'clawback_cases_open',
    help: 'Open operator cases by reason code (rejections, overdue notifications, dead letters).',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      figures = source.cases.figures(source.now());
      this.reset();
      for (const [reason, count] of figures.openByReason) this.set({ reason }, count);
    },
  });
  new Gauge({
    name: 'clawback_cases_oldest_open_age_seconds',
    help: 'Seconds since the oldest open case was written to the log (0 without open cases).',
    registers: [registry],
    collect() {
      this.set(source.cases.figures(source.now()).oldestOpenAgeSeconds);
    },
  });
  new Gauge({
    name: 'clawback_admin_projection_caught_up',
    help: '1 once the admin projection has read the topics up to their end offsets at start.',
    registers: [registry],
    collect() {
      this.set(source.caughtUp() ? 1 : 0);
    },
  });
}
