/**
 * A document's bytes, kept on its Response so that the HTTP edge writes them in one call rather than
 * reading them back out of the body's stream (ADR 015). A page's Response has no body of its own
 * (document-response.server.tsx): whoever reads a page reads it here. The edge and the Remix build
 * are separate bundles: hence a registered symbol rather than a map in one module.
 */
const WHOLE_BODY = Symbol.for("jiebang.wholeBody");

type WithWholeBody = Response & { [WHOLE_BODY]?: Buffer };

export function keepWholeBody(response: Response, body: Buffer): Response {
  (response as WithWholeBody)[WHOLE_BODY] = body;
  return response;
}

export function wholeBodyOf(response: Response): Buffer | undefined {
  return (response as WithWholeBody)[WHOLE_BODY];
}
