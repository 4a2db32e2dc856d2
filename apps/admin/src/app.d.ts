// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Viewer } from '$lib/server/api';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in user (from the API), or null. */
      viewer: Viewer | null;
      /** The session token from the HttpOnly cookie, sent to the API as a bearer token. */
      token: string | null;
    }
    interface Error {
      message: string;
    }
  }
}

export {};
