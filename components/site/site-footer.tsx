import { getSettings } from "@/lib/site";

export async function SiteFooter() {
  const settings = await getSettings();
  return (
    <footer className="site-footer">
      <div className="container site-footer-inner">
        <p className="site-footer-name">{settings.siteName}</p>
        {settings.description ? <p className="site-footer-description">{settings.description}</p> : null}
        <nav aria-label="Site">
          <ul className="site-footer-links">
            <li>
              <a href="/">Latest news</a>
            </li>
            <li>
              <a href="/tags">All topics</a>
            </li>
            <li>
              <a href="/search">Search</a>
            </li>
            <li>
              <a href="/feed.xml">RSS feed</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
