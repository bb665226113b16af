"""Rich text that people type (rules of operation…) is kept only after passing through a small allowlist.

Plain helper, no Django: whatever the editor sends, what is stored and shown can hold headings, paragraphs,
lists, emphasis and ordinary links, and nothing that runs code or loads anything.
"""

import nh3

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "h2", "h3", "h4", "a", "blockquote"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
# The content of these is code or styling, never text a person meant to keep: drop it with the tag.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "math"})

_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(ALLOWED_URL_SCHEMES),
    # Relative links would point inside Concerto from a document meant to be read anywhere: only full URLs.
    url_relative="deny",
    link_rel="noopener",
    strip_comments=True,
)


def sanitize_rich_text(html: str) -> str:
    """The allowed part of `html`: tags outside the allowlist are removed (their text kept), attributes other
    than a link's href are removed, and links other than http, https and mailto lose their href."""
    if not html:
        return ""
    return _cleaner.clean(html).strip()
