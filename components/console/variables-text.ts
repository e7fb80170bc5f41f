import { stepCapturing } from "@/components/lesson/lesson-steps";

/**
 * Why a request cannot be sent yet: the variables it uses that are not set, and which of the
 * page's consoles saves each one (`{{accessToken}}`: "Alice logs in").
 */
export function missingMessage(names: readonly string[]): string {
  const bySender = new Map<string, string[]>();
  for (const name of names) {
    const sender = stepCapturing(name);
    if (sender) bySender.set(sender, [...(bySender.get(sender) ?? []), name]);
  }
  const list = names.map((n) => `{{${n}}}`).join(", ");
  const one = names.length === 1;
  const senders = [...bySender];
  const [first] = senders;
  const send =
    senders.length === 1 && first && first[1].length === names.length
      ? `send “${first[0]}” first (its response saves ${one ? "it" : "them"}), or `
      : senders.length
        ? `send ${senders.map(([s, saved]) => `“${s}” (it saves ${saved.join(", ")})`).join(" and ")} first, or `
        : "";
  return `This request uses ${list}, which ${one ? "is" : "are"} not set yet: ${send}set ${one ? "it" : "them"} in the Vars tab.`;
}
