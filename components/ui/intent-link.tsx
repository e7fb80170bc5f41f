"use client";

import Link from "next/link";
import { type ComponentProps, useState } from "react";

type Props = Omit<ComponentProps<typeof Link>, "prefetch">;

/**
 * A link that prefetches its page only once the learner shows they may follow it (pointer over
 * it, focus, or a touch), not as soon as it is on screen. For links to pages whose prefetch is
 * heavy: a lesson or the API reference is prerendered whole, so Next.js would fetch and parse
 * its full payload (200–600 KB) while the page showing the link is still loading.
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: Props) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
