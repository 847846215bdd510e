export {
  startIngress,
  type RunningIngress,
  type StartIngressOptions,
} from './service/start-ingress';
export { buildIngress, type IngressDependencies } from './http/build-ingress';
export { IngressError, STATUS_OF, type IngressErrorCode } from './errors/ingress-error';
export {
  DEFAULT_INGRESS_SETTINGS,
  loadIngressSettings,
  type IngressSettings,
} from './settings/ingress-settings';
export { NO_DEDUPE, type EdgeDedupe } from './dedupe/edge-dedupe';
export {
  publishedKey,
  redisEdgeDedupe,
  type RedisEdgeDedupeOptions,
} from './dedupe/redis-edge-dedupe';
export type {
  NotificationPublisher,
  RawNotificationRecord,
} from './publish/notification-publisher';
export {
  kafkaNotificationPublisher,
  type KafkaNotificationPublisherOptions,
} from './publish/kafka-notification-publisher';
