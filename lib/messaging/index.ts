// Messaging between the content script, the framed sidebar and the background: one route for Chrome and Firefox.
export { openChannel, type Channel, type ChannelDeps, type PortLike } from './channel';
export { createRelay, type Relay, type RelayDeps, type RelayPort } from './relay';
