import re


def link_in(body: str) -> str:
    """The path of the invitation link written in an e-mail body (absolute, on the test server)."""
    match = re.search(r"http://testserver(/invitations/[\w-]+/)", body)
    assert match, body
    return match.group(1)
