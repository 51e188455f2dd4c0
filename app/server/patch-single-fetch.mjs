// Run after `npm install` (package.json's postinstall), beside patch-route-matching.mjs. Two edits
// in the installed @remix-run/server-runtime, each removing per-request work that does not depend on
// the request (ADR 018):
// - encodeViaTurboStream: loader data of plain values is written by plainTurboStreamText, in one
//   JSON.stringify, instead of through turbo-stream's encoder (with its stream, text encoder, abort
//   controller and 5-second timer per request). The stream it returns carries the text under a
//   registered symbol, so the document render takes it without reading the stream back. Anything
//   else (a deferred promise, an error) goes through turbo-stream as before.
// - stripIndexParam / stripDataParam / stripRoutesParam: each built a new Request for every loader
//   and action, to remove a search parameter that is almost never there. Without the parameter
//   the loader now gets the request itself.
import { patchInstalled } from "./patch-installed.mjs";
import { HANDOFF_TEXT, plainTurboStreamText } from "./plain-turbo-stream.mjs";

const MARKER = "/* jiebang: plain single-fetch data, v1 */";

const plainEncoding = [
  {
    find: "function encodeViaTurboStream(data, requestSignal, streamTimeout, serverMode) {\n",
    replace: `${MARKER}
${plainTurboStreamText.toString()}
function encodeViaTurboStream(data, requestSignal, streamTimeout, serverMode) {
  const plainText = plainTurboStreamText(data, SingleFetchRedirectSymbol);
  if (plainText !== null) {
    // Encoded to bytes only when someone reads the stream (highWaterMark 0: nothing is pulled ahead).
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode(plainText));
        controller.close();
      },
    }, { highWaterMark: 0 });
    stream[Symbol.for(${JSON.stringify(HANDOFF_TEXT.description)})] = plainText;
    return stream;
  }
`,
  },
];

const strip = (name, param) => ({
  find: `function ${name}(request) {\n  let url = new URL(request.url);\n`,
  replace: `function ${name}(request) {\n  let url = new URL(request.url);\n  if (!url.searchParams.has(${JSON.stringify(param)})) return request;\n`,
});
const requestsKept = [
  { find: "// TODO: Document these search params better\n", replace: `${MARKER}\n// TODO: Document these search params better\n` },
  strip("stripIndexParam", "index"),
  strip("stripDataParam", "_data"),
  strip("stripRoutesParam", "_routes"),
];

const PACKAGES = [
  { name: "@remix-run/server-runtime", version: "2.17.5", files: [["dist/single-fetch.js", plainEncoding], ["dist/data.js", requestsKept]] },
];

patchInstalled({ marker: MARKER, what: "the plain single-fetch encoding", script: "app/server/patch-single-fetch.mjs", packages: PACKAGES });
