import { type Draft, row } from "./request";

/**
 * The Auth tab's view of the Authorization header row, which stays the one source of truth: the
 * tab reads the row and writes it back, so the Headers tab always shows what is sent.
 */
export type AuthState =
  | { scheme: "none" }
  | { scheme: "bearer"; token: string }
  | { scheme: "basic"; username: string; password: string }
  /** A value the tab cannot edit (another scheme, Basic that is not base64 of UTF-8 text). */
  | { scheme: "other"; value: string };

export type AuthScheme = AuthState["scheme"];

const isAuthorization = (key: string) => key.trim().toLowerCase() === "authorization";

/** UTF-8 text as base64 (RFC 7617 §2.1 names UTF-8 for Basic). */
export function toBase64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** base64 of UTF-8 text back to the text; null when it is neither. */
export function fromBase64(encoded: string): string | null {
  try {
    const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** `Basic base64(username:password)`. */
export function basicValue(username: string, password: string): string {
  return `Basic ${toBase64(`${username}:${password}`)}`;
}

/** What the Authorization row says (its first one, if several). */
export function authOf(draft: Pick<Draft, "headers">): AuthState {
  const header = draft.headers.find((h) => isAuthorization(h.key));
  if (!header) return { scheme: "none" };
  const value = header.value.trim();
  const bearer = /^bearer(?:\s+(.*))?$/i.exec(value);
  if (bearer) return { scheme: "bearer", token: bearer[1] ?? "" };
  const basic = /^basic(?:\s+(\S*))?$/i.exec(value);
  if (basic) {
    const decoded = fromBase64(basic[1] ?? "");
    const colon = decoded?.indexOf(":") ?? -1;
    if (decoded !== null && (colon !== -1 || decoded === ""))
      return colon === -1
        ? { scheme: "basic", username: "", password: "" }
        : {
            scheme: "basic",
            username: decoded.slice(0, colon),
            password: decoded.slice(colon + 1),
          };
  }
  return { scheme: "other", value: header.value };
}

/** The Authorization value for a state; null for none. */
export function authValue(state: AuthState): string | null {
  switch (state.scheme) {
    case "none":
      return null;
    case "bearer":
      return `Bearer ${state.token}`;
    case "basic":
      return basicValue(state.username, state.password);
    case "other":
      return state.value;
  }
}

/**
 * The draft with its Authorization row set to `state`: the row is changed where it is, added at
 * the end, or removed for none.
 */
export function withAuth(draft: Draft, state: AuthState): Draft {
  const value = authValue(state);
  const at = draft.headers.findIndex((h) => isAuthorization(h.key));
  if (value === null)
    return { ...draft, headers: draft.headers.filter((h) => !isAuthorization(h.key)) };
  if (at === -1) return { ...draft, headers: [...draft.headers, row("Authorization", value)] };
  return {
    ...draft,
    headers: draft.headers.map((h, i) => (i === at ? { ...h, value } : h)),
  };
}

/**
 * What choosing a scheme in the tab starts from: a Bearer token defaults to `{{accessToken}}`
 * when the console has that variable.
 */
export function startScheme(scheme: AuthScheme, hasAccessToken: boolean): AuthState {
  switch (scheme) {
    case "bearer":
      return { scheme, token: hasAccessToken ? "{{accessToken}}" : "" };
    case "basic":
      return { scheme, username: "", password: "" };
    case "other":
      return { scheme, value: "" };
    default:
      return { scheme: "none" };
  }
}
