"""lib/html.py: what the rules of operation may hold once saved."""

from lib.html import sanitize_rich_text


def test_keeps_the_allowed_structure():
    html = (
        "<h2>Quorum</h2><p>La <strong>moitié</strong> des <em>membres</em>.<br>Au moins.</p>"
        "<ul><li>un</li></ul><ol><li>deux</li></ol><blockquote>cité</blockquote><h3>a</h3><h4>b</h4>"
    )
    assert sanitize_rich_text(html) == html


def test_removes_scripts_with_their_content():
    cleaned = sanitize_rich_text("<p>Avant</p><script>alert('x')</script><style>p{}</style><p>Après</p>")
    assert cleaned == "<p>Avant</p><p>Après</p>"


def test_removes_event_handlers_and_other_attributes():
    cleaned = sanitize_rich_text('<p onclick="steal()" style="color:red" class="x" id="y">Texte</p>')
    assert cleaned == "<p>Texte</p>"


def test_links_keep_only_http_https_and_mailto():
    cleaned = sanitize_rich_text(
        '<a href="javascript:alert(1)">a</a> <a href="JaVaScRiPt:alert(1)">b</a> <a href="data:text/html,x">c</a> '
        '<a href="/interne">d</a> <a href="https://exemple.org" target="_blank">e</a> <a href="mailto:a@b.ca">f</a>'
    )
    assert "javascript" not in cleaned.lower() and "data:" not in cleaned and "/interne" not in cleaned
    assert '<a href="https://exemple.org" rel="noopener">e</a>' in cleaned
    assert '<a href="mailto:a@b.ca" rel="noopener">f</a>' in cleaned
    assert "target" not in cleaned


def test_unknown_tags_go_but_their_text_stays():
    cleaned = sanitize_rich_text('<div>Bloc</div><h1>Titre</h1><img src="x" onerror="alert(1)"><span>mot</span>')
    assert cleaned == "BlocTitremot"


def test_empty_and_comments():
    assert sanitize_rich_text("") == ""
    assert sanitize_rich_text("<!-- caché --><p>visible</p>") == "<p>visible</p>"
