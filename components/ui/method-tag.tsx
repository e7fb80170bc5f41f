import { type HttpMethod, isHttpMethod, METHOD_COLORS } from "@/lib/http/constants";

/** A method as a coloured tag, the same colour everywhere on the site. */
export function MethodTag({ method, size = "md" }: { method: string; size?: "sm" | "md" }) {
  const upper = method.toUpperCase();
  const color = METHOD_COLORS[isHttpMethod(upper) ? upper : ("OPTIONS" satisfies HttpMethod)];
  const box = size === "sm" ? "min-w-12 px-1 text-[0.625rem]" : "min-w-16 px-1.5 py-0.5 text-xs";
  return (
    <span
      className={`inline-block shrink-0 rounded text-center font-mono font-semibold ${box} ${color}`}
    >
      {upper}
    </span>
  );
}
