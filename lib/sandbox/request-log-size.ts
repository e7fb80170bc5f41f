/** Entries kept per sandbox; older ones are pruned as new ones arrive. */
export const REQUEST_LOG_KEEP = 200;
