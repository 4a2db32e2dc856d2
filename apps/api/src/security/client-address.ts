/**
 * The address a request comes from: the socket's peer, or, when that peer is
 * a trusted proxy (the admin app's server, a load balancer), the nearest
 * untrusted address in `X-Forwarded-For`, read from the right so that a
 * client cannot pick its own address by sending the header itself.
 */
import { isIP } from 'node:net';

/** What Yoga hands plugins as the server context under Node's http server. */
export interface NodeServerContext {
  req?: { socket?: { remoteAddress?: string | undefined } };
}

const normalise = (address: string): string => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

export function clientAddress(
  request: Request,
  serverContext: NodeServerContext | undefined,
  trustedProxies: readonly string[],
): string {
  const peer = serverContext?.req?.socket?.remoteAddress;
  if (!peer) return 'unknown';
  const trusted = new Set(trustedProxies.map(normalise));
  let address = normalise(peer);
  if (!trusted.has(address)) return address;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '').split(',').map(normalise).filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = forwarded[i]!;
    if (isIP(hop) === 0) break;
    address = hop;
    if (!trusted.has(hop)) break;
  }
  return address;
}
