import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import {
  clientAddress,
  clientAddressFor,
  isHttps,
  isHttpsFor,
  limitKeyOf,
  UNKNOWN_ADDRESS,
} from "@/lib/http/client";
import { PEER_HEADER, stampPeer } from "@/lib/http/peer";

const PEER = "203.0.113.7";

/** A request as a route sees it; `peer` is what the server guard stamped from the socket. */
function request(headers: Record<string, string>, peer?: { address: string; https?: boolean }) {
  const all = new Headers(headers);
  if (peer) all.set(PEER_HEADER, stampPeer({ address: peer.address, https: peer.https ?? false }));
  return new Request("http://localhost:3000/api/sandbox", { headers: all });
}

/** Every header a client might invent to pass for someone else. */
const forged = {
  "x-forwarded-for": "198.51.100.1",
  "x-real-ip": "198.51.100.2",
  "x-vercel-forwarded-for": "198.51.100.3",
  "x-forwarded-proto": "https",
};

describe("TRUST_PROXY=none: the socket peer, whatever the headers say", () => {
  it("uses the address the guard saw on the socket", () => {
    expect(clientAddressFor(request({}, { address: PEER }), "none")).toBe(PEER);
  });

  it("ignores X-Forwarded-For, X-Real-IP and x-vercel-forwarded-for sent by the client", () => {
    expect(clientAddressFor(request(forged, { address: PEER }), "none")).toBe(PEER);
  });

  it("ignores X-Forwarded-For with several entries, right or left", () => {
    const req = request(
      { "x-forwarded-for": `198.51.100.9, ${PEER}, 198.51.100.8` },
      { address: PEER },
    );
    expect(clientAddressFor(req, "none")).toBe(PEER);
  });

  it("refuses a peer stamp the client wrote itself", () => {
    const req = request({ [PEER_HEADER]: "198.51.100.4;proto=http;sig=AAAA" });
    expect(clientAddressFor(req, "none")).toBe(UNKNOWN_ADDRESS);
  });

  it("refuses a real stamp with the address changed", () => {
    const stamp = stampPeer({ address: PEER, https: false });
    const req = request({ [PEER_HEADER]: stamp.replace(PEER, "198.51.100.5") });
    expect(clientAddressFor(req, "none")).toBe(UNKNOWN_ADDRESS);
  });

  it("answers the shared unknown address when the guard did not see the request", () => {
    expect(clientAddressFor(request(forged), "none")).toBe(UNKNOWN_ADDRESS);
  });

  it("writes an IPv4 peer seen through an IPv6 socket as plain IPv4", () => {
    expect(clientAddressFor(request({}, { address: "::ffff:127.0.0.1" }), "none")).toBe(
      "127.0.0.1",
    );
    expect(clientAddressFor(request({}, { address: "::1" }), "none")).toBe("::1");
  });

  it("knows HTTPS from the socket only, not X-Forwarded-Proto", () => {
    expect(isHttpsFor(request(forged, { address: PEER }), "none")).toBe(false);
    expect(isHttpsFor(request({}, { address: PEER, https: true }), "none")).toBe(true);
    expect(isHttpsFor(request(forged), "none")).toBe(false);
  });
});

describe("TRUST_PROXY=vercel: the headers Vercel's edge sets", () => {
  it("uses x-vercel-forwarded-for, not X-Forwarded-For", () => {
    const req = request({
      "x-vercel-forwarded-for": PEER,
      "x-forwarded-for": "198.51.100.1",
      "x-real-ip": PEER,
    });
    expect(clientAddressFor(req, "vercel")).toBe(PEER);
  });

  it("falls back to x-real-ip, then to the shared unknown address", () => {
    expect(clientAddressFor(request({ "x-real-ip": PEER }), "vercel")).toBe(PEER);
    expect(clientAddressFor(request({ "x-forwarded-for": "198.51.100.1" }), "vercel")).toBe(
      UNKNOWN_ADDRESS,
    );
  });

  it("does not take a value that is not an IP address", () => {
    expect(clientAddressFor(request({ "x-vercel-forwarded-for": "evil" }), "vercel")).toBe(
      UNKNOWN_ADDRESS,
    );
  });

  it("takes the scheme from X-Forwarded-Proto", () => {
    expect(isHttpsFor(request({ "x-forwarded-proto": "https" }), "vercel")).toBe(true);
    expect(isHttpsFor(request({ "x-forwarded-proto": "http" }), "vercel")).toBe(false);
  });
});

describe("TRUST_PROXY=N: the entry our outermost proxy appended", () => {
  it("one proxy: the rightmost X-Forwarded-For entry, whatever the client put before it", () => {
    const req = request({ "x-forwarded-for": `198.51.100.1, 198.51.100.2, ${PEER}` });
    expect(clientAddressFor(req, 1)).toBe(PEER);
  });

  it("two proxies: the second entry from the right", () => {
    const req = request({ "x-forwarded-for": `198.51.100.1, ${PEER}, 10.0.0.2` });
    expect(clientAddressFor(req, 2)).toBe(PEER);
  });

  it("a forged entry cannot move the client's own entry", () => {
    const honest = request({ "x-forwarded-for": `${PEER}, 10.0.0.2` });
    const forging = request({ "x-forwarded-for": `198.51.100.1, 198.51.100.2, ${PEER}, 10.0.0.2` });
    expect(clientAddressFor(honest, 2)).toBe(PEER);
    expect(clientAddressFor(forging, 2)).toBe(PEER);
  });

  it("with fewer entries than proxies, only the socket peer counts", () => {
    const req = request({ "x-forwarded-for": "198.51.100.1" }, { address: PEER });
    expect(clientAddressFor(req, 2)).toBe(PEER);
    expect(clientAddressFor(request({ "x-forwarded-for": "198.51.100.1" }), 2)).toBe(
      UNKNOWN_ADDRESS,
    );
  });

  it("ignores X-Real-IP and x-vercel-forwarded-for", () => {
    const req = request({ ...forged, "x-forwarded-for": `198.51.100.1, ${PEER}` });
    expect(clientAddressFor(req, 1)).toBe(PEER);
  });

  it("strips a port a proxy wrote, and refuses an entry that is not an address", () => {
    expect(clientAddressFor(request({ "x-forwarded-for": `${PEER}:51234` }), 1)).toBe(PEER);
    expect(clientAddressFor(request({ "x-forwarded-for": "[2001:db8::1]:443" }), 1)).toBe(
      "2001:db8::1",
    );
    expect(clientAddressFor(request({ "x-forwarded-for": `${PEER}, unknown` }), 1)).toBe(
      UNKNOWN_ADDRESS,
    );
  });

  it("takes the scheme our proxy wrote, appended or overwritten", () => {
    expect(isHttpsFor(request({ "x-forwarded-proto": "http, https" }), 1)).toBe(true);
    expect(isHttpsFor(request({ "x-forwarded-proto": "https, http" }), 1)).toBe(false);
    expect(isHttpsFor(request({ "x-forwarded-proto": "https" }), 2)).toBe(true);
  });
});

/** Shaped like a PKCS #8 PEM, which is all parseEnv checks. */
const PEM = "-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----";

describe("TRUST_PROXY setting", () => {
  it("defaults to none, and to vercel on Vercel", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe("none");
    expect(
      parseEnv({ VERCEL: "1", DATABASE_URL: "postgres://u@h/db", JWT_PRIVATE_KEY: PEM })
        .TRUST_PROXY,
    ).toBe("vercel");
  });

  it("takes a hop count; 0 means none", () => {
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe("none");
  });

  it("says what to set when the value is wrong", () => {
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrow(
      'TRUST_PROXY: must be "none", "vercel" or how many proxies',
    );
    expect(() => parseEnv({ TRUST_PROXY: "11" })).toThrow("TRUST_PROXY: at most 10 proxies");
  });

  it("refuses vercel off Vercel, where anyone could send x-vercel-forwarded-for", () => {
    expect(() => parseEnv({ TRUST_PROXY: "vercel" })).toThrow("TRUST_PROXY: is vercel but");
  });

  it("drives clientAddress and isHttps (the tests run as one proxy: TRUST_PROXY=1)", () => {
    const req = request({
      "x-forwarded-for": `198.51.100.1, ${PEER}`,
      "x-forwarded-proto": "https",
    });
    expect(clientAddress(req)).toBe(PEER);
    expect(isHttps(req)).toBe(true);
  });
});

describe("limitKeyOf: what a per-client limit counts", () => {
  it("is the address itself for IPv4", () => {
    expect(limitKeyOf("203.0.113.7")).toBe("203.0.113.7");
  });

  it("is the /64 network for IPv6, however the address is written", () => {
    expect(limitKeyOf("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(limitKeyOf("2001:0db8:0001:0002:ffff:0:0:9")).toBe("2001:db8:1:2::/64");
    expect(limitKeyOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitKeyOf("::1")).toBe("0:0:0:0::/64");
    expect(limitKeyOf("fe80::1:2:3:4")).toBe("fe80:0:0:0::/64");
    expect(limitKeyOf("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("is the shared unknown address when there is none", () => {
    expect(limitKeyOf(UNKNOWN_ADDRESS)).toBe(UNKNOWN_ADDRESS);
  });
});
