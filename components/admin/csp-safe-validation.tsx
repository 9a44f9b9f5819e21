"use client";

import { config } from "zod";

// zod probes for `new Function` the first time a form validates in the browser, to speed up
// parsing with generated code; the admin's Content-Security-Policy rightly forbids that, and the
// probe would show up as a violation. Turned off once for the admin's client code, which this
// module joins by being rendered in the admin layout.
config({ jitless: true });

export function CspSafeValidation() {
  return null;
}
