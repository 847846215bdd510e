/** The admin service: cases, order timelines, operator resolutions and the console (ADR 0014, 0018). */
export { parseTokens } from './auth/tokens';
export { startAdmin, type RunningAdmin } from './service/start-admin';
export { startAdminFromEnv } from './service/start-from-env';
