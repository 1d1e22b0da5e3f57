/**
 * The one Content-Security-Policy for the renderer, sent by the desktop app's protocol handler and
 * by the headless host's static file server alike. No wildcard hosts: 'self' also covers the
 * host's own WebSocket (ws:/wss: on the same host and port, per CSP Level 3).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
