import { isClawbackError } from '@clawback/errors';
import { USAGE, parseDemoArguments } from './cli/demo-arguments';
import { DemoError } from './demo-error';
import { logTail } from './processes/log-tail';
import { progressPrinter } from './progress';
import { runDemo } from './run-demo';
import { stopKeptRuns } from './stop-kept-runs';

/** `npm run demo [-- --keep-running | --stop]`; exits 0 on success, 1 with a reason otherwise. */
async function main(args: readonly string[]): Promise<void> {
  const command = parseDemoArguments(args);
  const progress = progressPrinter();
  switch (command.command) {
    case 'help':
      process.stdout.write(USAGE);
      return;
    case 'stop':
      return stopKeptRuns(progress);
    case 'run':
      return runDemo({ keepRunning: command.keepRunning, progress });
  }
}

function report(error: unknown): void {
  const code = isClawbackError(error) ? ` [${error.code}]` : '';
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\ndemo FAILED${code}: ${message}\n`);
  if (error instanceof DemoError && error.logFile) {
    process.stderr.write(`--- last lines of ${error.logFile} ---\n${logTail(error.logFile, 40)}\n`);
  } else if (!(error instanceof DemoError) && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
}

// Explicit exits: a client left open by a failed step must not keep the demo hanging.
main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    report(error);
    process.exit(1);
  },
);
