import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST as createSandbox } from "@/app/api/sandbox/route";
import { parseEnv } from "@/lib/env";
import { instanceName, SERVED_BY_HEADER } from "@/lib/http/instance";
import { countVisit as countVisitOp, showInstance } from "@/lib/load-balancing/contract";
import { expectConforms } from "../contract";
import { call, expectPipelineHeaders, expectProblem, newSandboxKey } from "../harness";
import { countVisit, whoAnswered } from "./client";

describe("instance naming", () => {
  it("defaults to the host name and process id, stable for the process", () => {
    expect(instanceName()).toBe(`${hostname()}-${process.pid}`);
    expect(instanceName()).toBe(instanceName());
  });

  it("takes INSTANCE_NAME when it is a plain name, and refuses anything else", () => {
    expect(parseEnv({ INSTANCE_NAME: "web-2" }).INSTANCE_NAME).toBe("web-2");
    expect(() => parseEnv({ INSTANCE_NAME: "web 2; evil" })).toThrow(/INSTANCE_NAME/);
  });

  it("is in X-Served-By and the last span of every lesson API response, errors included", async () => {
    const key = await newSandboxKey();
    const ok = await whoAnswered(key);
    expect(ok.status).toBe(200);
    expectPipelineHeaders(ok);
    expect(ok.headers.get(SERVED_BY_HEADER)).toBe(instanceName());
    expect(ok.headers.get("server-timing")).toMatch(
      new RegExp(`, instance;dur=0;desc="Served by ${instanceName()}", total;dur=`),
    );
    // Browsers on other sites may read it (CORS).
    expect(ok.headers.get("access-control-expose-headers")).toContain(SERVED_BY_HEADER);
    const refused = await whoAnswered("sbx_not-a-key");
    await expectProblem(refused, "unauthorized");
    expect(refused.headers.get(SERVED_BY_HEADER)).toBe(instanceName());
  });

  it("is on the portal's own APIs too", async () => {
    const res = await call(createSandbox, "/api/sandbox", {}, { method: "POST" });
    expect(res.headers.get(SERVED_BY_HEADER)).toBe(instanceName());
  });
});

describe("GET /api/v1/instance and POST /api/v1/instance/visits", () => {
  it("names the instance and counts what only this process remembers", async () => {
    const key = await newSandboxKey();
    const first = await expectConforms(showInstance, await whoAnswered(key));
    const second = await expectConforms(showInstance, await whoAnswered(key));
    expect(first.instance).toBe(instanceName());
    expect(second.servedHere).toBe(first.servedHere + 1);
  });

  it("counts visits per sandbox in Postgres, naming who counted the one before", async () => {
    const [a, b] = [await newSandboxKey(), await newSandboxKey()];
    expect(await expectConforms(countVisitOp, await countVisit(a))).toEqual({
      visits: 1,
      countedBy: instanceName(),
      previousBy: null,
    });
    const again = await expectConforms(countVisitOp, await countVisit(a));
    expect(again).toEqual({ visits: 2, countedBy: instanceName(), previousBy: instanceName() });
    expect((await expectConforms(countVisitOp, await countVisit(b))).visits).toBe(1);
  });

  it("counts 20 simultaneous visits as 20", async () => {
    const key = await newSandboxKey();
    const answers = await Promise.all(Array.from({ length: 20 }, () => countVisit(key)));
    const counts = await Promise.all(answers.map(async (r) => (await r.json()).visits));
    expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe("GET /api/health", () => {
  it("says Postgres answers, and Redis when configured, and nothing more", async () => {
    const res = await call(health, "/api/health", {});
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      status: "ok",
      postgres: "up",
      redis: process.env.REDIS_URL ? "up" : "not configured",
    });
    expect(res.headers.get(SERVED_BY_HEADER)).toBe(instanceName());
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
