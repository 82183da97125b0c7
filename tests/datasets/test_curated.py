import pytest

from lib.datasets.curated import (
    CurationError,
    evaluate_formula,
    load_figures,
    numbers_in,
    verify_figures,
)


def test_every_curated_figure_matches_its_source(corpus):
    verify_figures(load_figures(), corpus.texts())  # raises listing every problem


@pytest.mark.parametrize(
    ("text", "number"),
    [("LG Group developed five", 5), ("the third-largest number", 3), ("ranks 15th", 15),
     ("accounting for 81.2%", 81.2), ("zero in the global top 50", 0), ("₩1,333", 1333)],
)  # fmt: skip
def test_numbers_in_quotes(text, number):
    assert number in numbers_in(text)


def test_wrong_value_quote_or_formula_fails_the_build():
    texts = {"s": "Korea had 14 models and France 10."}
    figures = {
        "model_counts": [
            {"country": "South Korea", "models": 15, "source_id": "s", "quote": "Korea had 14 models"},
            {"country": "France", "models": 10, "source_id": "s", "quote": "France had 10"},
        ],
        "key_figures": [
            {"figure_id": "x", "value": 24, "provenance": "derived", "formula": "models_KOR + models_FRA",
             "source_id": "s", "quote": "Korea had 14 models"},
            {"figure_id": "y", "value": 2024, "provenance": "inferred", "source_id": "s", "quote": "Korea had 14 models"},
        ],
    }  # fmt: skip
    with pytest.raises(CurationError) as caught:
        verify_figures(figures, texts)
    message = str(caught.value)
    assert message.startswith("4 curated figure(s) fail")
    assert "value 15 not in its quote" in message
    assert "quote not found verbatim in s: 'France had 10'" in message
    assert "value 24 but models_KOR + models_FRA = 25" in message
    assert "inferred value without a basis" in message


def test_formula_allows_arithmetic_only():
    assert evaluate_formula("(a + b) / c * 100", {"a": 125, "b": 95, "c": 271}) == pytest.approx(
        81.18, 0.001
    )
    with pytest.raises(CurationError):
        evaluate_formula("__import__('os')", {})
