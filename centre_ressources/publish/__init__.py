"""Files published beside the pages (open data, feed, JSON-LD, redirects, sitemap, the form's
choices) and what secures every page (Content-Security-Policy, HTML sanitising)."""
