"""Property tests: cleaning is idempotent; clean text passes through untouched."""

import ftfy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lib.cleaning.clean import clean_text
from lib.cleaning.mojibake import repair_mojibake

WORD_CHARS = (
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?()-'\"%$₩&/")
    + list("’‘“”–—…•éèüöñçåø·×°")
    + [chr(c) for c in range(0xAC00, 0xAC00 + 300)]  # Hangul syllables
    + list("中国日本语人工智能")
)
CLEAN_TEXT = st.text(st.sampled_from([*WORD_CHARS, " ", "\n"]), max_size=400)
WORD = st.text(st.sampled_from(WORD_CHARS), min_size=1, max_size=12)
ARTICLE_SENTENCE = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(WORD, min_size=3, max_size=20),
    st.sampled_from([".", "!", "?", ".”"]),
)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci")


@given(st.text())
def test_cleaning_is_idempotent_on_any_text(text):
    once, _ = clean_text(text)
    assert clean_text(once) == (once, [])


@given(CLEAN_TEXT)
def test_clean_text_passes_mojibake_repair_unchanged(text):
    assume(not ftfy.badness.is_bad(text))
    assert repair_mojibake(text) == (text, [])


@given(st.lists(ARTICLE_SENTENCE, min_size=1, max_size=8))
def test_article_like_clean_text_is_unchanged_end_to_end(sentences):
    text = "\n\n".join(sentences) + "\n"
    assume(not ftfy.badness.is_bad(text))
    assert clean_text(text) == (text, [])
