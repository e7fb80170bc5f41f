import { beforeEach, describe, expect, it, vi } from "vitest";

/** What postgres.js throws when nothing listens at DATABASE_URL, as Auth.js passes it on. */
const refused = () =>
  Object.assign(new Error("Read more at https://errors.authjs.dev#callbackrouteerror"), {
    cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
    }),
  });

/** What the mocked Auth.js sign-in throws. */
const failure = vi.hoisted(() => ({ make: (): Error => new Error("not set") }));

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {} }),
  headers: async () => new Headers({ host: "bmj.test" }),
}));
vi.mock("@/lib/accounts/auth", () => ({
  signIn: async () => {
    throw failure.make();
  },
  signOut: async () => {},
}));
vi.mock("@/lib/accounts/users", async (original) => ({
  ...(await original<typeof import("@/lib/accounts/users")>()),
  registerAccount: async () => {
    throw refused();
  },
}));
vi.mock("@/lib/accounts/session", async (original) => ({
  ...(await original<typeof import("@/lib/accounts/session")>()),
  signedInUser: async () => {
    throw refused();
  },
}));

const { deleteMyAccount, signInWithPassword, signUpWithPassword } = await import(
  "@/lib/accounts/actions"
);
const { DATABASE_DOWN } = await import("@/lib/accounts/messages");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("the account forms while the database cannot be reached", () => {
  beforeEach(() => {
    failure.make = refused;
  });

  it("sign-in says so and keeps the email, instead of an error page", async () => {
    const state = await signInWithPassword(
      {},
      form({ email: "ada@example.com", password: "correct horse battery" }),
    );
    expect(state).toEqual({ message: DATABASE_DOWN, values: { email: "ada@example.com" } });
  });

  it("sign-up says so and keeps the name and email", async () => {
    const state = await signUpWithPassword(
      {},
      form({ name: "Ada", email: "ada@example.com", password: "correct horse battery" }),
    );
    expect(state).toEqual({
      message: DATABASE_DOWN,
      values: { name: "Ada", email: "ada@example.com" },
    });
  });

  it("deleting the account says so, and nothing was deleted", async () => {
    const state = await deleteMyAccount({}, form({ confirm: "correct horse battery" }));
    expect(state).toEqual({ message: DATABASE_DOWN });
  });

  it("any other failure is not disguised as the database being down", async () => {
    failure.make = () => new Error("a bug in sign-in");
    await expect(
      signInWithPassword({}, form({ email: "ada@example.com", password: "x" })),
    ).rejects.toThrow("a bug in sign-in");
  });
});
