/**
 * Shell commands from a lesson, made to work as pasted: the lesson's variables filled in with the
 * learner's own values, and `#` comments dropped (zsh, macOS's default shell, does not treat `#`
 * as a comment at an interactive prompt unless told to, and would pass it to the command).
 */

/** The languages a code block may be written in to be run in a terminal. */
const SHELLS = new Set(["bash", "sh", "shell", "zsh"]);

export function isShell(language: string | undefined): boolean {
  return language !== undefined && SHELLS.has(language);
}

/** The variables a lesson's commands use: the site's address and the learner's key. */
export type ShellValues = { BMJ?: string; KEY?: string };

const NAME = /^(?:\{(BMJ|KEY)\}|(BMJ|KEY)(?![\w]))/;

/** Whether the commands use $KEY (so copying them needs the learner's sandbox). */
export function usesKey(text: string): boolean {
  return /\$(?:\{KEY\}|KEY(?!\w))/.test(text);
}

/**
 * The commands with `$BMJ`/`${BMJ}` and `$KEY`/`${KEY}` replaced by their values where the shell
 * would expand them (not inside single quotes, not after a backslash), and comments removed.
 * Variables without a value are left as they are.
 */
export function pasteable(text: string, values: ShellValues): string {
  let out = "";
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      out += c;
      if (c === "'") quote = null;
      continue;
    }
    if (c === "\\" && i + 1 < text.length) {
      out += c + text[i + 1];
      i++;
      continue;
    }
    if (c === "$") {
      const match = NAME.exec(text.slice(i + 1));
      const name = (match?.[1] ?? match?.[2]) as keyof ShellValues | undefined;
      const value = name ? values[name] : undefined;
      if (match && value !== undefined) {
        out += value;
        i += match[0].length;
        continue;
      }
    }
    if (quote === null && c === "#" && (i === 0 || /\s/.test(text[i - 1] as string))) {
      // A comment runs to the end of the line; the spaces before it go too, and a line that was
      // only a comment goes with its line break.
      const end = text.indexOf("\n", i);
      out = out.replace(/[ \t]+$/, "");
      const whole = out === "" || out.endsWith("\n");
      i = end < 0 ? text.length : whole ? end : end - 1;
      continue;
    }
    if (c === '"') quote = quote === '"' ? null : '"';
    else if (c === "'" && quote === null) quote = "'";
    out += c;
  }
  return out;
}

/** The lesson's terminal setup as pasted: the two variables, then the command that uses them. */
export function setupCommands(origin: string, key: string, command: string): string {
  return [`export BMJ="${origin}"`, `export KEY="${key}"`, command].join("\n");
}
