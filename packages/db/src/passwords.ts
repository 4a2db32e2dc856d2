/**
 * Password hashing with Argon2id (memory-hard), through @node-rs/argon2:
 * a maintained native binding shipped as prebuilt registry packages, far
 * faster than a WebAssembly or pure-JS build. Parameters follow OWASP's
 * Argon2id guidance (19 MiB, 2 iterations, 1 lane).
 */
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** True when `password` matches `passwordHash`; false for a malformed hash rather than throwing. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
