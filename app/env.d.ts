/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  // Set by the web server for every request (app/server/remix-handler.ts).
  interface AppLoadContext {
    cspNonce?: string;
  }
}
