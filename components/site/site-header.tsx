import { getNavigationTags, getSettings } from "@/lib/site";

/** Masthead: the site's name, its tagline, a search form (a plain GET form) and topic navigation. */
export async function SiteHeader() {
  const [settings, topics] = await Promise.all([getSettings(), getNavigationTags()]);
  return (
    <header className="masthead">
      <div className="masthead-bar container">
        <p className="masthead-tagline">{settings.description}</p>
        <form className="search-form" role="search" action="/search" method="get">
          <label htmlFor="site-search" className="visually-hidden">
            Search articles
          </label>
          <input id="site-search" name="q" type="search" placeholder="Search" autoComplete="off" maxLength={200} />
          <button type="submit">Search</button>
        </form>
      </div>
      <p className="masthead-name">
        <a href="/">
          {settings.logoUrl ? (
            // The logo carries the site's name as its alt text, so the link keeps an accessible name.
            // eslint-disable-next-line @next/next/no-img-element
            <img className="masthead-logo" src={settings.logoUrl} alt={settings.siteName} height={64} />
          ) : (
            settings.siteName
          )}
        </a>
      </p>
      <nav className="topics" aria-label="Topics">
        <ul className="topics-list container">
          <li>
            <a href="/">Latest</a>
          </li>
          {topics.map((t) => (
            <li key={t.slug}>
              <a href={`/tags/${t.slug}`}>{t.name}</a>
            </li>
          ))}
          <li>
            <a href="/tags">All topics</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
