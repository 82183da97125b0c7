"""Rule tables are written as data: a list of words or phrases is one string to split."""

from __future__ import annotations


def words(text: str) -> list[str]:
    """The words of ``text`` split at spaces: ``words("이 가 은")`` → ["이", "가", "은"]."""
    return text.split()
