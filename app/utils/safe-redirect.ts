const ORIGIN = "http://jiebang.invalid";
// Any C0 control, space or DEL. Browsers drop tabs and newlines inside URLs and trim the rest, so
// "/\t/evil.example" would become "//evil.example": such input is refused, never cleaned.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/;
const MAX_LENGTH = 2000;

// Escaped characters as a proxy or a second redirect may decode them ("/%2F/evil" → "//evil").
function decodedForms(path: string): string[] {
  const forms = [path];
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(forms[forms.length - 1]!);
    } catch {
      break;
    }
    if (next === forms[forms.length - 1]) break;
    forms.push(next);
  }
  return forms;
}

const leavesSite = (path: string) => path.startsWith("//") || path.startsWith("/\\") || path.includes("\\") || CONTROL_OR_SPACE.test(path);

/**
 * The one check for every redirect target that comes from a request (redirectTo, next, back links):
 * a path on this site, or the fallback. Anything that is not a plain local path — another origin,
 * a scheme, "//host", backslashes, whitespace or control characters (in the path also percent-encoded) — gets
 * the fallback. The result is the URL parser's own serialisation, so dot segments cannot turn it
 * into "//host" later.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return fallback;
  // The query and fragment cannot change the origin; only raw whitespace or controls are refused there.
  const path = to.split(/[?#]/, 1)[0]!;
  if (!to.startsWith("/") || CONTROL_OR_SPACE.test(to) || decodedForms(path).some(leavesSite)) return fallback;
  let url: URL;
  try {
    url = new URL(to, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  const local = `${url.pathname}${url.search}${url.hash}`;
  return decodedForms(url.pathname).some(leavesSite) ? fallback : local;
}
