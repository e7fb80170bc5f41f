"use client";

import dynamic from "next/dynamic";

/**
 * The support agent's chat panel, as lessons use it. Its code (the AI SDK and zod, 55 KB gzip)
 * loads only on a page that shows it: imported directly, it joined the chunk every lesson
 * page's client components share.
 */
export const SupportChat = dynamic(() => import("./support-chat").then((m) => m.SupportChat));
