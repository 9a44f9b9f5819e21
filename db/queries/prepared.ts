import { sqlite } from "@/db";

/**
 * A drizzle prepared statement built once per connection. Building a drizzle query costs about
 * a millisecond; running a prepared one costs a few microseconds more than the SQL itself, so the
 * public read paths prepare their statements once. Rebuilt if the connection is reopened.
 */
export function preparedOnce<T>(build: () => T): () => T {
  let connection: unknown = null;
  let statement: T;
  return () => {
    const current = sqlite();
    if (current !== connection) {
      statement = build();
      connection = current;
    }
    return statement;
  };
}

/** A list of ids as one bound parameter, read back with `json_each` (one statement for any length). */
export const idList = (ids: readonly number[]) => JSON.stringify(ids);
