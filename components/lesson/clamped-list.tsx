"use client";

import { Children, useId, useState } from "react";

/**
 * A list that shows its first two items on a phone and its first six from md up, with a button
 * for the rest, so a lesson's first console stays within the first screens of either.
 */
export function ClampedList({
  noun,
  className,
  children,
}: {
  /** What the items are, for the button: "Show all 8 objectives". */
  noun: string;
  className?: string;
  children: React.ReactNode;
}) {
  const [all, setAll] = useState(false);
  const id = useId();
  const count = Children.count(children);
  return (
    <>
      <ul
        id={id}
        className={`${className ?? ""} ${all ? "" : "max-md:[&>li:nth-child(n+3)]:hidden md:[&>li:nth-child(n+7)]:hidden"}`}
      >
        {children}
      </ul>
      {count > 2 && (
        <button
          type="button"
          aria-expanded={all}
          aria-controls={id}
          onClick={() => setAll((was) => !was)}
          className={`mt-2 text-sm font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400 ${count > 6 ? "" : "md:hidden"}`}
        >
          {all ? "Show fewer" : `Show all ${count} ${noun}`}
        </button>
      )}
    </>
  );
}
