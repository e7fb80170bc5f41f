import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("the AI provider's variables, validated at start", () => {
  it("need nothing: no provider is the offline model", () => {
    expect(parseEnv({}).AI_PROVIDER).toBeUndefined();
  });

  it("stop start naming the variable to set", () => {
    expect(() => parseEnv({ AI_PROVIDER: "openai" })).toThrow(
      /OPENAI_API_KEY: is required when AI_PROVIDER is openai/,
    );
    expect(() => parseEnv({ AI_PROVIDER: "anthropic" })).toThrow(/ANTHROPIC_API_KEY/);
    expect(() => parseEnv({ AI_PROVIDER: "openai-compatible", AI_MODEL: "llama3.1" })).toThrow(
      /AI_BASE_URL/,
    );
    expect(() =>
      parseEnv({ AI_PROVIDER: "openai-compatible", AI_BASE_URL: "http://127.0.0.1:11434/v1" }),
    ).toThrow(/AI_MODEL/);
    expect(() => parseEnv({ AI_PROVIDER: "gemini" })).toThrow(/AI_PROVIDER/);
    expect(() => parseEnv({ AI_MODEL: "llama3.1" })).toThrow(/AI_PROVIDER: is unset/);
    expect(() => parseEnv({ AI_CHAT_LIMIT: "0" })).toThrow(/AI_CHAT_LIMIT/);
  });

  it("accept each provider with what it needs", () => {
    expect(parseEnv({ AI_PROVIDER: "openai", OPENAI_API_KEY: "sk-test" }).AI_PROVIDER).toBe(
      "openai",
    );
    expect(
      parseEnv({ AI_PROVIDER: "anthropic", ANTHROPIC_API_KEY: "sk-ant-test" }).AI_PROVIDER,
    ).toBe("anthropic");
    const local = parseEnv({
      AI_PROVIDER: "openai-compatible",
      AI_BASE_URL: "http://127.0.0.1:11434/v1",
      AI_MODEL: "llama3.1",
    });
    expect([local.AI_BASE_URL, local.AI_MODEL, local.AI_CHAT_LIMIT]).toEqual([
      "http://127.0.0.1:11434/v1",
      "llama3.1",
      60,
    ]);
  });
});
