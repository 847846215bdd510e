import { textTable } from '@clawback/text-table';
import type { DeadLetter } from '../client/wire';

const MESSAGE_WIDTH = 60;

const whenOf = (at: number | string): string =>
  typeof at === 'number' && Number.isFinite(at) ? new Date(at).toISOString() : String(at);

/** `clawback dlq`: one row per dead letter; the message is cut so rows stay one line. */
export function deadLettersTable(deadLetters: readonly DeadLetter[]): string {
  if (deadLetters.length === 0) return 'no dead letters\n';
  const table = textTable(
    [
      { header: 'id', align: 'left' },
      { header: 'queue', align: 'left' },
      { header: 'case', align: 'left' },
      { header: 'order', align: 'left' },
      { header: 'error', align: 'left' },
      { header: 'dead-lettered at', align: 'left' },
      { header: 'message', align: 'left' },
    ],
    deadLetters.map((d) => [
      d.id,
      d.queue,
      d.caseId ?? '',
      d.orderKey,
      d.errorCode,
      whenOf(d.deadLetteredAt),
      d.errorMessage.length > MESSAGE_WIDTH
        ? `${d.errorMessage.slice(0, MESSAGE_WIDTH - 1)}…`
        : d.errorMessage,
    ]),
    { headerRule: true },
  );
  return `${table}\n${deadLetters.length} dead letter${deadLetters.length === 1 ? '' : 's'}\n`;
}
