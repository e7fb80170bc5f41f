/** Writes content/lessons/index.generated.ts from the lesson folders; returns their slugs. */
export function generateLessonRegistry(): string[];
