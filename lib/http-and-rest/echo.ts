import { SANDBOX_COOKIE, SANDBOX_HEADER } from "@/lib/sandbox/keys";

export type Echo = {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
  bodyBytes: number;
};

const SECRET = "(hidden: your sandbox key)";

/** Headers as the server received them, with the sandbox key masked. */
function echoHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    if (name === SANDBOX_HEADER) out[name] = SECRET;
    else if (name === "cookie")
      out[name] = value.replace(
        new RegExp(`${SANDBOX_COOKIE}=[^;]+`, "g"),
        `${SANDBOX_COOKIE}=${SECRET}`,
      );
    else out[name] = value;
  }
  return out;
}

function echoQuery(url: URL): Echo["query"] {
  const out: Echo["query"] = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    out[name] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return out;
}

/** The request as data. A JSON body is parsed when it parses; anything else is echoed as text. */
export function describeRequest(req: Request, bodyText: string): Echo {
  const url = new URL(req.url);
  let body: unknown = bodyText === "" ? null : bodyText;
  if (bodyText !== "" && req.headers.get("content-type")?.includes("json")) {
    try {
      body = JSON.parse(bodyText);
    } catch {
      body = bodyText;
    }
  }
  return {
    method: req.method,
    path: url.pathname,
    query: echoQuery(url),
    headers: echoHeaders(req.headers),
    body,
    bodyBytes: Buffer.byteLength(bodyText),
  };
}

/** The request written the way it travels: request line, headers, blank line, body. */
export function echoAsText(echo: Echo, search: string): string {
  const lines = [`${echo.method} ${echo.path}${search} HTTP/1.1`];
  for (const [name, value] of Object.entries(echo.headers)) lines.push(`${name}: ${value}`);
  const body =
    echo.body === null
      ? ""
      : typeof echo.body === "string"
        ? echo.body
        : JSON.stringify(echo.body, null, 2);
  return `${lines.join("\n")}\n\n${body}`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function echoAsHtml(echo: Echo, search: string): string {
  const rows = Object.entries(echo.headers)
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(echo.method)} ${escapeHtml(echo.path)}</title></head><body><h1>${escapeHtml(`${echo.method} ${echo.path}${search}`)}</h1><table>${rows}</table><pre>${escapeHtml(echoAsText(echo, search).split("\n\n").slice(1).join("\n\n"))}</pre></body></html>`;
}
