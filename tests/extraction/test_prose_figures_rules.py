"""Each rule of the prose-figure extractor on its own examples, in English and Korean, where it
applies and where it must not. Rule tables are tested entry by entry."""

import dataclasses

import pytest

from lib.extraction.figures import Figure, extract_figures
from lib.extraction.figures.context import (
    KOREAN_LABEL_WORDS,
    LABEL_WORDS,
    MONTHS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
)
from lib.extraction.figures.units import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    GLUED_QUALIFIERS,
    PARTICLES,
    UNIT_RULES,
    is_hangul,
)


def found(text: str, exclude=()) -> list[tuple]:
    return [(f.mention, f.value, f.unit) for f in extract_figures(text, exclude)]


def one(text: str) -> Figure:
    (figure,) = extract_figures(text)
    return figure


def korean(surface: str) -> bool:
    return any(is_hangul(char) for char in surface)


# ------------------------------------------------------------------ money


@pytest.mark.parametrize(
    "rule", [r for r in CURRENCY_WORDS if not korean(r.surface)], ids=lambda r: r.surface
)
def test_every_english_currency_word(rule):
    text = f"The fund holds 5 billion {rule.surface} in reserve."
    assert found(text) == [(f"5 billion {rule.surface}", 5_000_000_000, rule.unit)]


@pytest.mark.parametrize(
    "rule", [r for r in CURRENCY_WORDS if korean(r.surface)], ids=lambda r: r.surface
)
def test_every_korean_currency_word(rule):
    text = f"기금 규모는 5억 {rule.surface}이다."
    assert found(text) == [(f"5억 {rule.surface}", 500_000_000, rule.unit)]


@pytest.mark.parametrize(("sign", "code"), sorted(CURRENCY_SIGNS.items()))
def test_every_currency_sign(sign, code):
    assert found(f"It costs {sign}5 billion a year.") == [(f"{sign}5 billion", 5 * 10**9, code)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The consortium gets KRW 240 billion.", [("KRW 240 billion", 240 * 10**9, "KRW")]),
     ("Funding totals W1.2 trillion.", [("W1.2 trillion", 1_200_000_000_000, "KRW")]),
     ("The startup raised $5m and $1.2bn.", [("$5m", 5_000_000, "USD"), ("$1.2bn", 1_200_000_000, "USD")]),
     ("China's Big Fund raised RMB 344 billion.", [("RMB 344 billion", 344 * 10**9, "CNY")]),
     ("정부는 100조 원을 투자한다.", [("100조 원", 10**14, "KRW")]),
     ("정부는 100조원을 투자한다.", [("100조원", 10**14, "KRW")]),
     ("정부는 2,400 억 원을 투자한다.", [("2,400 억 원", 240 * 10**9, "KRW")]),
     ("정부는 AI에 100조를 투자한다.", [("100조", 10**14, "KRW")]),
     ("구독료는 월 2만 9천 원이다.", [("2만 9천 원", 29_000, "KRW")])],
)  # fmt: skip
def test_money_forms(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Korea won the bid in the final round.", "The G7 met in Hiroshima.",
     "AI 기본법 31조에 따르면 사업자는 이를 고지해야 한다.", "제1조(목적) 이 법은 목적으로 한다.",
     "H100 chips cost more than the W3C budget."],
)  # fmt: skip
def test_not_money(text):
    assert found(text) == []


# ------------------------------------------------------------------ conversions


@pytest.mark.parametrize(
    "text",
    ["It will invest up to 240 billion KRW (180 million USD) in the teams.",
     "The fund will reach 100 trillion won, or about $75 billion, by 2030.",
     "The plan earmarks €2 billion (2.9 trillion won) for data centres.",
     "정부는 최대 2,400억 원(약 1억 8천만 달러)을 투입한다.",
     "빅테크는 1,000억 달러(약 137조 원)를 쏟아붓는다.",
     "투자액은 20억 달러(한화 약 2조 7천억 원)다."],
)  # fmt: skip
def test_a_restatement_in_another_currency_points_to_the_first(text):
    first, second = extract_figures(text)
    assert first.conversion_of is None and second.conversion_of == first.start
    assert first.unit != second.unit


def test_a_conversion_takes_the_qualifier_and_noun_of_the_first():
    first, second = extract_figures("with up to 240 billion KRW (180 million USD) in funding")
    assert (second.qualifier, first.qualifier) == ("up_to", "up_to")


@pytest.mark.parametrize(
    "text",
    ["Korea spent $5 billion and Japan €3 billion on chips.",
     "예산은 700억원으로 전년(500억원) 대비 40% 늘었다.",
     "The fund has $2 billion (of which $1 billion is public money).",
     "총 10억 달러 중 5억 유로는 유럽에서 나온다."],
)  # fmt: skip
def test_not_a_conversion(text):
    assert all(figure.conversion_of is None for figure in extract_figures(text))


# ------------------------------------------------------------------ percent, points, counters


@pytest.mark.parametrize(
    "rule", [r for r in UNIT_RULES if r.kind in ("percent", "points")], ids=lambda r: r.surface
)
def test_every_percent_and_point_unit(rule):
    joint = "" if rule.surface.startswith("%") or korean(rule.surface) else " "
    text = f"The share rose 3.5{joint}{rule.surface} last year."
    assert found(text) == [(f"3.5{joint}{rule.surface}", 3.5, rule.unit)]


@pytest.mark.parametrize(
    "rule",
    [r for r in UNIT_RULES if r.kind == "count" and korean(r.surface)],
    ids=lambda r: r.surface,
)
def test_every_korean_counter(rule):
    assert found(f"올해 12{rule.surface}를 새로 늘렸다.") == [(f"12{rule.surface}", 12, "count")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("GPU 1만 장을 확보했다.", [("1만 장", 10_000, "count")]),
     ("컨소시엄 5곳이 선정됐다.", [("5곳", 5, "count")]),
     ("이번 사업에는 300여 곳이 지원했다.", [("300여 곳", 300, "count")]),
     ("네이버는 세 곳의 데이터센터를 운영한다.", [("세 곳", 3, "count")]),
     ("이번 공모에는 열두 개 대학이 참여했다.", [("열두 개", 12, "count")]),
     ("두 기관은 인력을 공동 채용한다.", [("두", 2, "count")]),
     ("AI 서비스 이용자는 천 명 중 312명꼴이다.", [("천 명", 1000, "count"), ("312명", 312, "count")]),
     ("서버 500대를 도입했다.", [("500대", 500, "count")]),
     ("The 14 AI models were created by six corporations.", [("14", 14, "count"), ("six", 6, "count")]),
     ("LG developed five, while Naver developed three AI models.", [("five", 5, "count"), ("three", 3, "count")]),
     ("14 domestic AI models, zero in the global top 50", [("14", 14, "count"), ("zero", 0, "count")]),
     ("Twenty-five universities and 2.6 million SMEs", [("Twenty-five", 25, "count"), ("2.6 million", 2_600_000, "count")]),
     ("This is more than France (10) but less than the United States (125).", [("10", 10, "count"), ("125", 125, "count")])],
)  # fmt: skip
def test_counts(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["정부는 'AI 3대 강국' 도약을 목표로 한다.", "대회는 3대 1의 경쟁률을 보였다.",
     "2차전지와 반도체가 5대 전략산업이다.", "1인당 GDP는 공개되지 않았다.", "5G망과 6G 연구가 진행된다.",
     "한 관계자는 이렇게 말했다.", "국가 AI 위원회는 첫 회의를 연다.", "조사 결과 천사 같은 만사형통이다.",
     "One of the biggest challenges is talent, and no one disputes that.",
     "Roughly a third of them, two-thirds of the rest.", "a one-time, two-way payment"],
)  # fmt: skip
def test_not_counts(text):
    assert found(text) == []


# ------------------------------------------------------------------ ranks and ordinals


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [("Korea had the third-largest number of AI models.", "third-largest", 3),
     ("Samsung is the world's second-biggest chipmaker.", "second-biggest", 2),
     ("Naver's model ranked sixth among Korean models.", "sixth", 6),
     ("SK Telecom's adot ranks 15th, while Liner comes in at 19th.", "15th", 15),
     ("Korea became the world’s second country to pass an AI law.", "second", 2),
     ("Seoul fell to 10th, down from sixth in 2023.", "10th", 10),
     ("The country was fourth in the world for AI output.", "fourth", 4),
     ("The US and China hold the first and second places.", "first", 1),
     ("한국은 AI 모델 수에서 세계 3위를 기록했다.", "3위", 3),
     ("이 모델은 벤치마크에서 1위를 차지했다.", "1위", 1),
     ("세계에서 두 번째로 AI 기본법을 제정했다.", "두 번째", 2),
     ("우리나라 AI 논문 수는 세계 9번째로 많다.", "9번째", 9),
     ("시가총액 세계 10위권에 든 기업은 없다.", "10위", 10)],
)  # fmt: skip
def test_ranks(text, mention, value):
    figure = extract_figures(text)[0]
    assert (figure.mention, figure.value, figure.unit) == (mention, value, "rank")


@pytest.mark.parametrize(
    "text",
    ["This is the second time the plan was delayed.", "The first draft was rejected.",
     "According to the IT industry on the 18th, the plan is under review.",
     "The 2nd AI Safety Summit was held in Seoul.", "Room 301, 14th floor",
     "The third quarter was weak.", "Korea was the first to respond.",
     "4차 산업혁명 시대의 인재 양성.", "정부는 제3차 기본계획을 발표했다.", "두 번째 회의가 열렸다.",
     "1차 평가가 끝났다."],
)  # fmt: skip
def test_ordinals_that_are_not_ranks(text):
    assert [f for f in extract_figures(text) if f.unit == "rank"] == []


# ------------------------------------------------------------------ durations, times, measures


@pytest.mark.parametrize(
    ("text", "mention", "value", "unit"),
    [("China responded just three days later.", "three days", 3, "duration"),
     ("The five-year plan starts now.", "five-year", 5, "duration"),
     ("Results come within 30 days.", "30 days", 30, "duration"),
     ("정부는 2년간 지원한다.", "2년간", 2, "duration"),
     ("매출은 3년 만에 늘었다.", "3년", 3, "duration"),
     ("사업은 3일간 진행된다.", "3일간", 3, "duration"),
     ("계약은 18개월 동안 유지된다.", "18개월", 18, "duration"),
     ("The market will grow 2.5 times.", "2.5 times", 2.5, "times"),
     ("매출이 2배로 늘었다.", "2배", 2, "times"),
     ("The campus will draw 1 GW of power.", "1 GW", 1, "GW"),
     ("전력을 3GW로 늘린다.", "3GW", 3, "GW")],
)  # fmt: skip
def test_durations_multiples_and_measures(text, mention, value, unit):
    assert found(text) == [(mention, value, unit)]


@pytest.mark.parametrize(
    "text",
    ["The AI Basic Act was passed in 2024 and takes effect in 2026.", "in the 1990s and FY2025",
     "on January 22, 2026", "on 15 July", "Applications close on Dec. 3.", "at 2 p.m. on Tuesday",
     "2025년 7월 23일 발표된 계획", "지난 18일 과기정통부는 발표했다.", "오전 10시 30분에 열린다.",
     "2030년까지 달성한다.", "2024년 하반기 2분기 실적", "'24년 실적", "보도자료 2025.07.23 배포",
     "2025. 7. 23. 발표", "The summit ran on 21-22 May 2024."],
)  # fmt: skip
def test_years_dates_and_times_are_not_figures(text):
    assert found(text) == []


# ------------------------------------------------------------------ labels and numbering


@pytest.mark.parametrize("word", sorted(LABEL_WORDS))
def test_every_label_word(word):
    assert found(f"as set out in {word} 7 of the plan") == []


@pytest.mark.parametrize("word", sorted(KOREAN_LABEL_WORDS))
def test_every_korean_label_word(word):
    assert found(f"새로 나온 {word} 3을 평가했다.") == []


@pytest.mark.parametrize("month", sorted(MONTHS - {"may"}))
def test_every_month_makes_a_date(month):
    assert found(f"It opens on {month.capitalize()} 23 and on 23 {month.capitalize()}.") == []


@pytest.mark.parametrize(
    "text",
    ["GPT-4 and Llama 3 were used as baselines.", "The K-AI 2.0 strategy sets a Top 3 goal.",
     "COVID-19 hit in 2020.", "LG released EXAONE 3.5.", "Apple's iPhone 16 and the Galaxy S25",
     "The slogan Global AI Top 3 Powers", "The top 10 models were all American.",
     "Korean startups relied on Web 2.0 portals.", "Listed in the Fortune 500.",
     "1. Expand computing infrastructure", "2) Secure talent", "(3) Strengthen data governance",
     "- 4. Review", "Goals: 1) talent, 2) compute", "삼성전자는 GPT-4o와 EXAONE 3.5를 비교했다.",
     "1. 추진 배경", "2) 주요 내용", "행사는 테헤란로 123에서 열린다.",
     "클로드 3 오퍼스와 제미나이 1.5를 평가했다.", "한국의 AI 투자액은 미국의 10분의 1 수준이다."],
)  # fmt: skip
def test_labels_and_numbering_are_not_figures(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    ["Call 02-2110-1234 or +82 2 2110 1234 or (02) 2110-1234.",
     "Write to ai-policy@msit.go.kr or kim2024@naver.com.",
     "See https://www.msit.go.kr/bbs/view.do?nttSeqNo=3184950 and www.korea.kr/2024/5.",
     "문의: 044-202-4512, ai@msit.go.kr, 전화 +82 44 202 6200", "Follow @MSIT_Korea2024 for 3 updates"],
)  # fmt: skip
def test_phone_numbers_urls_and_emails_are_not_figures(text):
    assert [f for f in found(text) if f[0] != "3"] == []


# ------------------------------------------------------------------ qualifiers


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [(phrase, qualifier) for qualifier, phrases in QUALIFIERS_BEFORE.items()
     for phrase in phrases.split("|")],
)  # fmt: skip
def test_every_qualifier_before(phrase, qualifier):
    text = (
        f"{phrase} 40곳이 지원했다."
        if korean(phrase)
        else f"It said {phrase} 40 companies applied."
    )
    figure = one(text)
    assert (figure.value, figure.qualifier) == (40, qualifier)
    assert figure.mention in ("40", "40곳")


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [(phrase, qualifier) for qualifier, phrases in QUALIFIERS_AFTER.items()
     for phrase in phrases.split("|")],
)  # fmt: skip
def test_every_qualifier_after(phrase, qualifier):
    if korean(phrase):
        glue = "" if phrase in PARTICLES else " "  # 100조 원이상, 100조 원 넘게
        text = f"예산은 100조 원{glue}{phrase} 편성됐다."
    else:
        text = (
            f"Some firms said 40 {phrase} staff left." if phrase != "plus" else "40-plus staff left"
        )
    figure = one(text)
    assert figure.qualifier == qualifier


@pytest.mark.parametrize(("piece", "qualifier"), sorted(GLUED_QUALIFIERS.items()))
def test_every_glued_korean_qualifier(piece, qualifier):
    text = f"1,200{piece} 명이 참가했다." if piece == "여" else f"예산은 100조 원{piece}로 늘었다."
    assert one(text).qualifier == qualifier


def test_over_before_a_duration_is_not_a_qualifier():
    (money, years) = extract_figures("KT will invest 2.4 trillion won over five years.")
    assert (money.qualifier, years.qualifier) == ("exact", "exact")


# ------------------------------------------------------------------ Korean particles and spans


@pytest.mark.parametrize("particle", PARTICLES)
def test_every_particle_after_a_unit_stays_out_of_the_span(particle):
    text = f"정부는 100조원{particle} 투자한다."
    assert found(text) == [("100조원", 10**14, "KRW")]


@pytest.mark.parametrize(
    "text",
    [
        "1원칙을 세웠다.",
        "2차전지 산업",
        "3사분기 실적",
        "5G망 구축",
        "1인당 소득",
        "5세대 이동통신",
    ],
)
def test_a_unit_glued_into_another_word_is_not_a_unit(text):
    assert found(text) == []


# ------------------------------------------------------------------ quotes, nouns, periods, tables


def test_the_quote_is_the_whole_sentence_verbatim():
    text = "Intro line.\nKorea's AI exports hit $3.2 billion, up 8.1%. Mr. Kim said so."
    money, percent = extract_figures(text)
    assert money.quote == "Korea's AI exports hit $3.2 billion, up 8.1%."
    assert text[money.quote_start : money.quote_end] == money.quote
    assert text[money.start : money.end] == money.mention == "$3.2 billion"
    assert percent.quote == money.quote


def test_the_korean_quote_is_the_whole_sentence():
    text = "첫 문장이다. 정부는 2,400억 원을 투입한다. 다음 문장."
    (figure,) = extract_figures(text)
    assert figure.quote == "정부는 2,400억 원을 투입한다."


def test_a_heading_line_is_its_own_quote():
    text = "◇ 14 domestic AI models, zero in the global top 50\n\nThere are 14 models."
    first = extract_figures(text)[0]
    assert first.quote == "14 domestic AI models, zero in the global top 50"


@pytest.mark.parametrize(
    ("text", "noun"),
    [("There are 14 models that can be referred to as sovereign AI.", "models"),
     ("Just 13% of AI models developed in Korea passed.", "models"),
     ("KT and Konan operate one proprietary AI model each.", "model"),
     ("The consortium secured 10,000 GPUs from Nvidia.", "GPUs"),
     ("with 240 billion KRW in funding", "funding"),
     ("GPU 1만 장을 확보했다.", "GPU"),
     ("정부는 5개 컨소시엄을 선정했다.", "컨소시엄"),
     ("약 3만 장의 GPU가 들어간다.", "GPU"),
     ("참여 기업 3곳이 빠졌다.", "기업")],
)  # fmt: skip
def test_nouns(text, noun):
    assert extract_figures(text)[0].noun == noun


@pytest.mark.parametrize(
    ("text", "per"),
    [("China is investing over $150 billion annually.", "year"),
     ("It costs $20 a month.", "month"),
     ("미국은 연간 1,500억 달러를 투자한다.", "year"),
     ("It raised $5 billion.", None)],
)  # fmt: skip
def test_rates(text, per):
    assert extract_figures(text)[0].per == per


def test_numbers_inside_excluded_spans_are_the_tables():
    text = "The budget is 5 billion won.\nSector | 2024 | Share\n---|---|---\nAI | 3 | 45%\n"
    table = (text.index("Sector"), len(text))
    assert found(text, [table]) == [("5 billion won", 5_000_000_000, "KRW")]
    assert ("45%", 45, "%") in found(text)


# ------------------------------------------------------------------ the record


def test_the_record_is_frozen_and_serialises_every_field():
    figure = one("with up to 240 billion KRW in funding")
    with pytest.raises(dataclasses.FrozenInstanceError):
        figure.value = 1  # type: ignore[misc]
    assert figure.to_dict() == {
        "value": 240_000_000_000, "unit": "KRW", "start": 11, "end": 26,
        "mention": "240 billion KRW", "quote": "with up to 240 billion KRW in funding",
        "quote_start": 0, "quote_end": 37, "noun": "funding", "qualifier": "up_to",
        "conversion_of": None, "per": None,
    }  # fmt: skip
    assert figure.is_money


def test_values_are_ints_when_whole_and_floats_otherwise():
    values = [f.value for f in extract_figures("It rose 81.2% to 1.5 trillion won.")]
    assert values == [81.2, 1_500_000_000_000]
    assert [type(v) for v in values] == [float, int]


def test_a_line_with_no_letter_states_no_figure():
    """A page number, a counter, a table scraped one cell per line: no word says what the number
    counts, so it is not a figure; the same number with words on its line is."""
    text = "Korea will fund 14 data centres.\n\n12\n\n40%\n2023 · 2024\n3,000\n\nIt hired 50 engineers.\n"
    found = [(figure.value, figure.mention) for figure in extract_figures(text)]
    assert found == [(14, "14"), (50, "50")]


def test_a_run_of_letterless_lines_costs_a_few_steps_a_line():
    """The scan still meets each number, and passes it over in a few steps; reading each as a
    figure and finding it no count took about 250 steps a line."""
    from tests.extraction.test_linear_work import counted

    def run(n: int) -> int:
        text = "Korea will fund 14 data centres.\n" + "".join(f"{i}\n" for i in range(n))
        return counted(lambda: extract_figures(text + "It hired 50 engineers.\n"))

    run(10)  # caches
    assert (run(4000) - run(2000)) / 2000 <= 6
