/** Prometheus metrics of the web app (`/metrics`). */
export { createMetrics, type KotaeMetrics, type MetricsSources } from './metrics';
export { metricsAccess, type MetricsAccess } from './access';
