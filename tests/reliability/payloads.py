"""Hostile and careless text, as hypothesis strategies, and the check that it is never run when shown."""

from hypothesis import strategies as st

SCRIPT = '<script>alert("owned")</script>'
SCRIPT_SIGNS = ("<script>alert(", "<img src=x onerror=", "<svg onload=")
HTML = [
    SCRIPT,
    '"><script>alert("owned")</script>',
    "<img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "javascript:alert(1)",
    "{{ 7|add:7 }}{% now 'Y' %}",
]
SQL = [
    "'; DROP TABLE engagement_resident; --",
    "1 OR 1=1",
    "Robert'); DELETE FROM surveys_answer WHERE ('1'='1",
    '" UNION SELECT password FROM auth_user --',
    "%_%' ESCAPE '\\",
]
WRONG_TYPES = [
    "-1",
    "0",
    "1e309",
    "NaN",
    "99999999999999999999",
    "[]",
    "{}",
    "null",
    "true",
    "2025-02-30",
    "31/13/2025",
]

# Any unicode a browser can send (surrogates cannot be encoded, so a browser never sends them).
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
LONG_TEXT = st.builds(lambda unit, times: unit * times, st.text(min_size=1, max_size=4), st.integers(2_000, 20_000))
HOSTILE = st.one_of(
    ANY_TEXT,
    LONG_TEXT,
    st.sampled_from(HTML + SQL + WRONG_TYPES),
    st.builds(lambda a, b: a + b, st.sampled_from(HTML + SQL), ANY_TEXT),
    st.just("\x00"),
    st.just("line one\r\nline two\rline three\n"),
)


def assert_no_script_runs(html, where=""):
    """The page shows hostile text as text: none of the payloads survives as markup."""
    for sign in SCRIPT_SIGNS:
        assert sign not in html, f"{sign!r} reached the page unescaped {where}"
