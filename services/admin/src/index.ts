/** The admin service: cases, order timelines and operator resolutions over HTTP (ADR 0014). */
export { startAdminFromEnv } from './service/start-from-env';
