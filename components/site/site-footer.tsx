import { SiteLinkList } from "@/components/site/site-link-list";
import { getSettings } from "@/lib/site";

export async function SiteFooter() {
  const settings = await getSettings();
  return (
    <footer className="site-footer">
      <div className="container site-footer-inner">
        <p className="site-footer-name">{settings.siteName}</p>
        {settings.description ? <p className="site-footer-description">{settings.description}</p> : null}
        <nav aria-label="Site">
          <SiteLinkList className="site-footer-links">
            <li>
              <a href="/feed.xml">RSS feed</a>
            </li>
          </SiteLinkList>
        </nav>
      </div>
    </footer>
  );
}
