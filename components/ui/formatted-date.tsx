const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** A `<time>` with the machine-readable instant and a reader-friendly date (in UTC, so cached pages agree). */
export function FormattedDate({ iso, withTime = false, className }: { iso: string; withTime?: boolean; className?: string }) {
  const date = new Date(iso);
  return (
    // An absent className is left out rather than passed as undefined, which the RSC payload
    // would spell out on every date of a list.
    <time dateTime={date.toISOString()} {...(className ? { className } : {})}>
      {(withTime ? dateTimeFormat : dateFormat).format(date)}
    </time>
  );
}
