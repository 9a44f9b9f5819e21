import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Modules marked server-only are exercised here on the server side, as in production.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next*/**"],
    environment: "node",
    setupFiles: ["./vitest.setup.ts"],
    pool: "forks",
    testTimeout: 20_000,
  },
});
