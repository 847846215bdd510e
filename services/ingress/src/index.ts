export { startIngress } from './service/start-ingress';
