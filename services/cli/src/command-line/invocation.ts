import type { CommandName } from './commands';

/** A case status the API filters by. */
export type CaseStatusFilter = 'open' | 'resolved' | 'dismissed';

/** What a command asks of the admin API. */
export type Request =
  | { readonly command: 'order'; readonly orderKey: string }
  | {
      readonly command: 'cases';
      readonly filter: {
        readonly reason?: string;
        readonly merchant?: string;
        readonly status?: CaseStatusFilter;
        readonly orderKey?: string;
      };
    }
  | { readonly command: 'case'; readonly caseId: string }
  | {
      readonly command: 'resolve';
      readonly caseId: string;
      readonly resolution: 'apply' | 'attach' | 'dismiss';
      /** The attach target; absent for apply and dismiss. */
      readonly orderKey?: string;
      readonly reason: string;
      readonly timeoutMs: number;
    }
  | { readonly command: 'dlq'; readonly queue?: 'raw' | 'cancellations' }
  | { readonly command: 'redrive'; readonly deadLetterId: string; readonly reason: string };

/** Where and as whom to call the API, and how to print. */
export interface Connection {
  readonly baseUrl: string;
  /** Absent: the request goes without one and the API answers 401. */
  readonly token: string | undefined;
  readonly json: boolean;
}

/** A parsed command line: a request to run, or a usage text to print. */
export type Invocation =
  | { readonly kind: 'help'; readonly command: CommandName | undefined }
  | { readonly kind: 'run'; readonly request: Request; readonly connection: Connection };
