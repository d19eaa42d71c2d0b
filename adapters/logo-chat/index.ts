export { createLogoChat, type LogoChat, type LogoChatDeps, type LogoChatSettings } from './create-logo-chat';
export type { LogoHealth, LogoState } from './health';
export type { LogoEventReceiver, RelayRequest, RelayResponse } from './relay-receiver';
export {
  sign as signRelayBody,
  signedHeaders as signedRelayHeaders,
  SIGNATURE_HEADERS,
  type RelayKey,
} from './relay-signature';
export type { RelayOutbound } from './relay-events';
export type { Backoff } from './backoff';
