"""The order of the work in a MkDocs build, named once for every hook of `hooks/`.

MkDocs runs the handlers of one event from the highest priority to the lowest (0 by default,
Material's plugins included). Only the handlers whose place matters have a name here.
"""

# on_config, before mkdocs-macros (0) reads `extra`: the content is loaded, checked and
# rendered first, and MkDocs only empties the output folder after on_config, so a content
# error leaves the previous site as it was.
CONTENT_FIRST = 100
# on_config, before Material's offline plugin (0): the site's own copy of the iframe-worker
# shim is named as the only polyfill, so that the plugin adds no script from unpkg.com.
OFFLINE_SHIM_BEFORE_PLUGIN = 50
# on_page_content, first: the pictures and glossary links of generated pages go into the
# HTML before any other plugin reads it.
DEFERRED_PARTS_FIRST = 100
# on_page_content, last: the HTML of generated pages is sanitised after every plugin that
# changes it.
SANITIZE_LAST = -100
# on_post_page, last: each page's markup corrected and its Content-Security-Policy written,
# once every plugin has changed its HTML, before MkDocs writes it.
PAGE_FINISHED_LAST = -100
# on_post_build, last of the hooks that write HTML: the Content-Security-Policy hashes the
# final text of each page's inline scripts.
CSP_AFTER_EVERY_WRITER = -100
# on_post_build, after the policy and after Material's offline plugin (-100): the offline pack
# loosens the policy for file:// and rewrites links to folders.
OFFLINE_PACK_LAST = -110
