import { SiteLinkList } from "@/components/site/site-link-list";

/** The body of the not-found page (inside the site frame). */
export function NotFoundMessage() {
  return (
    <div className="container message-page">
      <p className="kicker">Error 404</p>
      <h1>Page not found</h1>
      <p>
        The page you asked for does not exist, has not been published yet, or has been taken down. It may have moved:
        try the latest news or browse by topic.
      </p>
      <SiteLinkList className="message-links" />
    </div>
  );
}
