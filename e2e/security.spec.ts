import http from "node:http";
import net, { type AddressInfo } from "node:net";
import type { APIResponse, Page } from "@playwright/test";
import { API_METHODS, edgeProblems, PROBLEM_CONTENT_TYPE } from "@/lib/http/edge-problem";
import { problemKinds } from "@/lib/http/problem";
import {
  API_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
} from "@/lib/http/security-headers";
import { problemDoc } from "@/lib/lessons/problem-types";
import { expect, FIRST, test } from "./fixtures";

type Problem = { type: string; title: string; status: number; detail: string; instance: string };

/** The lesson section a problem's `type` links to (its origin is the server's, not ours). */
const docOf = (type: string) => {
  const url = new URL(type);
  return `${url.pathname}${url.hash}`;
};

async function expectProblem(res: APIResponse, status: number): Promise<Problem> {
  expect(res.status()).toBe(status);
  expect(res.headers()["content-type"]).toBe(PROBLEM_CONTENT_TYPE);
  const body = (await res.json()) as Problem & { requestId: string };
  expect(body.status).toBe(status);
  expect(res.headers()["x-request-id"]).toBe(body.requestId);
  return body;
}

type RawResponse = { status: number; headers: Record<string, string>; body: string };

/** Sends a request line that no HTTP client library will send, straight over a socket. */
function rawRequest(baseURL: string, requestLine: string): Promise<RawResponse> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`${requestLine}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
    });
    let data = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => {
      data += chunk;
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(parseRaw(data)));
  });
}

function parseRaw(data: string): RawResponse {
  const split = data.indexOf("\r\n\r\n");
  const [statusLine = "", ...lines] = data.slice(0, split).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = data.slice(split + 4);
  if (headers["transfer-encoding"] === "chunked") {
    let decoded = "";
    for (let at = 0; ; ) {
      const lineEnd = body.indexOf("\r\n", at);
      const size = Number.parseInt(body.slice(at, lineEnd), 16);
      if (!size) break;
      decoded += body.slice(lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    body = decoded;
  }
  return { status: Number(statusLine.split(" ")[1]), headers, body };
}

function expectRawProblem(res: RawResponse, status: number): Problem {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toBe(PROBLEM_CONTENT_TYPE);
  const body = JSON.parse(res.body) as Problem;
  expect(body.status).toBe(status);
  return body;
}

test.describe("requests Next cannot route are client errors, as problem+json", () => {
  for (const { path, bad } of [
    { path: "/api/v1/todos/%zz", bad: "%zz" },
    { path: "/api/progress/%", bad: "%" },
    { path: "/api/v1/todos/%FF", bad: "%FF" },
  ]) {
    test(`GET ${path} is a 400 naming ${bad}`, async ({ request }) => {
      const body = await expectProblem(await request.get(path), 400);
      // The route kit's type for an unreadable request, with its title.
      expect(docOf(body.type)).toBe(problemDoc("malformed-request"));
      expect(body.title).toBe(problemKinds["malformed-request"].title);
      expect(body.detail).toContain(`"${bad}"`);
      expect(body.instance).toBe(path);
    });
  }

  test("a page with a bad escape is a 400 page, not a 500", async ({ request }) => {
    const res = await request.get("/learn/%");
    expect(res.status()).toBe(400);
    expect(res.headers()["content-type"]).toContain("text/html");
    expect(await res.text()).toContain("Back to the roadmap");
  });

  test("TRACE is a 501 problem: not implemented for any URL", async ({ request }) => {
    for (const path of ["/api/v1/todos", "/api/sandbox", "/"]) {
      const body = await expectProblem(await request.fetch(path, { method: "TRACE" }), 501);
      expect(docOf(body.type)).toBe(edgeProblems["method-not-implemented"].doc);
      expect(body.detail).toContain("TRACE");
    }
  });

  test("a method no API route implements is a 501 problem", async ({ request }) => {
    const body = await expectProblem(
      await request.fetch("/api/v1/todos", { method: "PROPFIND", data: "<propfind/>" }),
      501,
    );
    expect(body.title).toBe(edgeProblems["method-not-implemented"].title);
    expect(body.detail).toContain("PROPFIND");
  });

  test("CONNECT, and a method Node's parser does not know, are 501 problems", async ({
    baseURL,
  }) => {
    const origin = baseURL as string;
    const connect = expectRawProblem(
      await rawRequest(origin, "CONNECT /api/v1/todos HTTP/1.1"),
      501,
    );
    expect(connect.detail).toContain("CONNECT");
    const unknown = expectRawProblem(await rawRequest(origin, "FOO /api/v1/todos HTTP/1.1"), 501);
    expect(unknown.detail).toContain("FOO");
  });

  test("OPTIONS * answers for the whole server; other methods may not use *", async ({
    baseURL,
  }) => {
    const options = await rawRequest(baseURL as string, "OPTIONS * HTTP/1.1");
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe(API_METHODS.join(", "));
    const get = expectRawProblem(await rawRequest(baseURL as string, "GET * HTTP/1.1"), 400);
    expect(get.detail).toContain('"*"');
  });

  test("an absolute URL as the target is served here, not redirected to its host", async ({
    baseURL,
  }) => {
    const res = await rawRequest(baseURL as string, "GET http://evil.example/api/health HTTP/1.1");
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();
  });

  test("the seven methods still get the route's own 405 and Allow", async ({ request }) => {
    const res = await request.delete("/api/v1/todos");
    await expectProblem(res, 405);
    expect(res.headers().allow).toBe("GET, HEAD, POST, OPTIONS");
  });
});

test.describe("security headers", () => {
  const common = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  };

  test("pages carry the page policy", async ({ request }) => {
    for (const path of ["/", "/learn/todo-api", "/sandbox"]) {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      expect(res.headers()).toMatchObject({
        ...common,
        "content-security-policy": pageContentSecurityPolicy(false),
      });
    }
  });

  test("API answers, and the problems the proxy writes, carry the API policy", async ({
    request,
  }) => {
    for (const res of [
      await request.get("/api/health"),
      await request.get("/api/v1/todos"),
      await request.get("/api/v1/todos/%zz"),
      await request.fetch("/api/v1/todos", { method: "TRACE" }),
    ]) {
      expect(res.headers()).toMatchObject({
        ...common,
        "content-security-policy": API_CONTENT_SECURITY_POLICY,
      });
    }
  });

  test("another site cannot frame /sandbox", async ({ page, baseURL }) => {
    // A real server on another origin. (A page faked with page.route counts as public, and
    // Chrome refuses to let a public page frame a local server whatever our headers say.)
    const attacker = http.createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(`<!doctype html><iframe src="${baseURL}/sandbox" title="victim"></iframe>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    const { port } = attacker.address() as AddressInfo;
    try {
      const served = page.waitForResponse(`${baseURL}/sandbox`);
      await page.goto(`http://localhost:${port}/`);
      // The server answered the page; the browser refused to show it in the frame.
      expect((await served).status()).toBe(200);
      const child = () => page.frames().find((frame) => frame !== page.mainFrame());
      await expect.poll(() => child()?.url()).toMatch(/^chrome-error:/);
      const framed = page.frameLocator("iframe");
      await expect(framed.getByRole("heading", { name: "Your sandbox" })).toHaveCount(0);
    } finally {
      attacker.close();
    }
  });
});

/** Collects every CSP violation and script error a page reports. */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void })
        .reportViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      problems.push(message.text());
    }
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

test("the policy blocks nothing the portal itself does", async ({ page, lesson }) => {
  const violations = await watchViolations(page);

  await page.goto("/");
  await expect(page.getByTestId("lesson-link-todo-api")).toBeVisible();

  await lesson.open("todo-api");
  const panel = lesson.console(0);
  await panel.request("GET", "/api/v1/todos");
  await panel.send();
  await expect(panel.status()).toHaveText(/^200/, FIRST);

  await page.goto("/sandbox");
  await expect(page.getByTestId("sandbox-key")).toContainText("sbx_");
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByTestId("request-log-row").first()).toBeVisible();

  expect(violations).toEqual([]);
});
