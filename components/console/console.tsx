"use client";

export type ConsoleProps = {
  method?: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  title?: string;
};

export function Console({ method = "GET", path }: ConsoleProps) {
  return (
    <div data-testid="console">
      {method} {path}
    </div>
  );
}
