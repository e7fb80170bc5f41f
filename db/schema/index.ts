export * from "./sandboxes";
export * from "./todos";
