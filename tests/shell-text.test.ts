import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isShell, pasteable, setupCommands, usesKey } from "@/components/lesson/shell-text";

const SITE = "http://127.0.0.1:3917";
const KEY = "sbx_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const values = { BMJ: SITE, KEY };

/** Runs text in a shell with only PATH (and `vars`) in its environment; what it printed. */
function sh(text: string, vars: Record<string, string> = {}): string {
  const env = { PATH: process.env.PATH, ...vars } as unknown as NodeJS.ProcessEnv;
  return execFileSync("sh", ["-c", text], { env }).toString();
}

describe("pasteable: a lesson's shell commands as they should be pasted", () => {
  it("fills in $BMJ and $KEY where the shell would expand them", () => {
    expect(pasteable('curl -i "$BMJ/api/v1/todos" -H "X-Sandbox-Key: $KEY"', values)).toBe(
      `curl -i "${SITE}/api/v1/todos" -H "X-Sandbox-Key: ${KEY}"`,
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax, not a template
    expect(pasteable("echo ${BMJ}/x $KEY", values)).toBe(`echo ${SITE}/x ${KEY}`);
  });

  it("leaves single-quoted text, escaped dollars and longer names alone", () => {
    const text = `echo '$KEY' \\$KEY $KEYS $BMJX`;
    expect(pasteable(text, values)).toBe(text);
  });

  it("leaves a variable without a value as it is", () => {
    expect(pasteable('curl "$BMJ" -H "k: $KEY"', { BMJ: SITE })).toBe(
      `curl "${SITE}" -H "k: $KEY"`,
    );
  });

  it("drops comments, whole-line ones with their line, and keeps # that is not one", () => {
    const text = [
      "# make a todo",
      'curl -i "$BMJ/a#b"   # the 303',
      "curl -i $BMJ/x#y '# not a comment'",
      "",
      "echo $#",
    ].join("\n");
    expect(pasteable(text, values)).toBe(
      [`curl -i "${SITE}/a#b"`, `curl -i ${SITE}/x#y '# not a comment'`, "", "echo $#"].join("\n"),
    );
  });

  it("what it writes is what a shell runs: the variables as if exported", () => {
    const text = 'printf "%s|%s" "$BMJ/api" "$KEY"  # both';
    const filled = pasteable(text, values);
    expect(sh(filled)).toBe(sh(text, { BMJ: SITE, KEY }));
    expect(sh(filled)).toBe(`${SITE}/api|${KEY}`);
  });

  it("knows which commands need the learner's key, and which blocks are shell", () => {
    expect(usesKey('curl "$BMJ" -H "X-Sandbox-Key: $KEY"')).toBe(true);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax, not a template
    expect(usesKey("curl ${KEY}")).toBe(true);
    expect(usesKey('curl -X POST "$BMJ/api/sandbox" $KEYS')).toBe(false);
    expect(["bash", "sh", "shell", "zsh"].every(isShell)).toBe(true);
    expect([undefined, "http", "json", "ts"].some(isShell)).toBe(false);
  });

  it("the setup block runs as pasted", () => {
    const text = setupCommands(SITE, KEY, 'printf "%s %s" "$BMJ" "$KEY"');
    expect(sh(text)).toBe(`${SITE} ${KEY}`);
  });
});
