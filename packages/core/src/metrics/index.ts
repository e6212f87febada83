// Explicit named exports of this topic (owned by the module's author).
export {};
