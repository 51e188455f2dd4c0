import { createContext, useContext } from "react";

// The CSP nonce of the response being rendered (set in entry.server from the load context). On the
// client it is empty: browsers hide nonces from the DOM, and scripts added after hydration are
// Remix's own modules, allowed by 'self'.
export const NonceContext = createContext<string>("");

export function useNonce(): string {
  return useContext(NonceContext);
}
