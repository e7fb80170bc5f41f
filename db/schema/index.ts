export * from "./sandboxes";
export * from "./todo-api";
