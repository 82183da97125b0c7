"""The whole-line chrome rules of data/chrome_rules.toml remove chrome and never the article.

Every entry is run on its own examples (each removed, inside an article) and keeps (each kept);
the fixture pages of tests/fixtures/real_world/pages are run as pasted plain text, the article
with its page's chrome lines; patterns are checked to be anchored and free of nested repeats.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.cleaning.boilerplate import BARE_NUMBER, strip_boilerplate
from lib.cleaning.chrome_rules import (
    MAX_CHROME_CHARS,
    UnsafePatternError,
    check_pattern,
    chrome_matcher,
    load_chrome_rules,
    normal_line,
    reads_as_sentence,
)
from tests.extraction.test_linear_work import MAX_RATIO, counted

RULES = load_chrome_rules()
LANGUAGES = {"any", "en", "ko", "de", "fr", "ja", "zh"}
PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "real_world" / "pages"

BEFORE = (
    "The Ministry of Science and ICT said on Tuesday that 14 firms will share the first round "
    "of access to the national GPU cluster."
)
AFTER = "Universities will get cloud vouchers instead, worth up to 50 million won per laboratory."
FIRM_CHROME = "Advertisement"  # a line every rule set removes, to stand beside beside_chrome lines

# The four sentences of the issue, and their like: they look like chrome and are the article.
LOOKALIKES = [
    "(c) the ministry will publish guidance by January 2026",
    "Copyright disputes over training data rose 40% in 2024",
    "Direct access to the national GPU cluster will go to 14 firms",
    "Quick access to the 10,000 GPUs for universities will come through cloud vouchers",
    "Read more than 200 submissions to the public consultation and a common complaint emerges",
    "All rights reserved by publishers to license their archives are now worth more",
    "Share this compute fairly or the big groups will take it all",
    "Subscribers to the ministry’s existing compute voucher scheme numbered 3,200",
    "Most popular among applicants were the long-term reservations of 12 months or more",
]

# Chrome lines of the fixture pages these rules leave, on purpose, to the HTML stage (the
# main-content extractor): other stories' headlines (a line reads like an article headline),
# section and menu names that are common words or article subheadings ("Artificial
# intelligence", "Podcasts", "セキュリティ"), bare e-mail addresses and names (bundled source 003
# ends with its author's name and e-mail, which stay), "来源：" lines (a table's source note reads
# the same), comment texts and user names, promotions and taglines in free prose, an address,
# and footer links or a "Views" count whose neighbours are kept.
LEFT_TO_HTML = {
    "de_news": [
        "RT+ testen",
        "Künstliche Intelligenz",
        "EU-KI-Verordnung: Was ab August 2026 gilt",
        "Rechenzentren: Deutschland fällt beim Ausbau zurück",
        "Bahnstreik: Diese Verbindungen fallen am Freitag aus",
        "Hitzewelle: Wo heute 35 Grad erreicht werden",
    ],
    "en_blog_wrapped_entities": [
        "Notes on technology policy in East Asia",
        "GPU vouchers, one year on",
        "Where the new data centres are going",
        "The AI Basic Act, clause by clause",
        "Sovereign AI: a reading list",
        "Reading the AI Basic Act enforcement decree",
        "Seoul's chip subsidies in one chart",
        "Archives",
        "August 2025",
    ],
    "en_ministry_press_release": [
        "About MSIT",
        "Data & Statistics",
        "Photo News",
        "Speeches",
        "AI Infrastructure Policy Division",
        "Preview",
        "MSIT hosts Korea-EU digital partnership council",
        "2025 ICT export figures for August",
        "(30121) Government Complex-Sejong, 477, Galmae-ro, Sejong-si, Republic of Korea",
    ],
    "en_news_inline_ads": [
        "Election 2026",
        "Typhoon Mirae",
        "What Korea’s AI Basic Act means for chatbots",
        "The biggest tech stories from the region, every weekday morning.",
        "Inside the race to build Korea's own language model",
        "Why chip stocks fell on a record sales day",
    ],
    "en_policy_article": [
        "Podcasts",
        "Artificial intelligence",
        "South Korea · Computing",
        "Korea’s AI Basic Act: what changes in 2026",
        "Chip exports hit record $13.2bn in July",
        "Data centre power shortage threatens Seoul’s AI plans",
        "Central bank holds rates at 2.5% as exports slow",
        "The city where every bus is now driverless",
        "Ten restaurants worth the train ride from Seoul",
        "techwatcher88",
        "Fourteen firms? We all know which fourteen.",
    ],
    "fr_news": [
        "Intelligence artificielle",
        "En Corée du Sud, une loi-cadre sur l’IA entre en vigueur en 2026",
        "Canicule : 42 départements en vigilance orange",
        "Rentrée scolaire : ce qui change pour les élèves",
    ],
    "ja_it_media": [
        "セキュリティ",
        "韓国の裁判所、AI学習で新聞社側の主張認める　賠償12億ウォン",
        "「社内ChatGPT」導入3年目、効果が出た会社と出なかった会社",
        "GPUクラウド料金、1年で3割下落",
    ],
    "ja_news_table": [
        "テクノロジー",
        "マーケット",
        "日本政府、AI向け計算資源に追加で1000億円",
        "台湾、主権AI算力センターを来年3月に稼働",
        "日経平均、一時4万円台を回復",
        "円相場、1ドル＝146円台に上昇",
        "夏のボーナス、平均で前年比4.2％増",
    ],
    "ko_daily_gnb": [
        "문화·연예",
        "포토·영상",
        '한은 기준금리 연 2.50% 동결…"하반기 인하 검토"',
        "AI 기본법 시행령 초안 공개…고영향 AI 범위는",
        "엔비디아 GPU 확보전, 국내 기업 평균 대기 9개월",
        '"AI 반도체 수출 역대 최대"…7월 132억 달러',
        "수도권 데이터센터 전력 부족, 해법은 분산 배치",
        '초등학교 AI 디지털교과서 도입 1년…교사 62% "보완 필요"',
        "국산 언어모델 성능 평가 결과 다음 달 공개",
        "개인정보위, 생성형 AI 사업자 6곳 실태 점검",
    ],
    "ko_it_magazine": [
        "디지털한빛 AI 컨퍼런스 2025 사전등록 오픈! 얼리버드 30% 할인",
        "스타트업",
        "국내 클라우드 3사, 공공 AI 사업 수주 경쟁",
        "오픈소스 LLM 라이선스, 상업 이용 어디까지",
        "HBM 공급 부족 내년까지…가격 20% 오른다",
        '카카오, 자체 AI 모델 공개…"한국어 특화"',
    ],
    "ko_portal_dic": [
        "생활/문화",
        "신문보기",
        "팩트체크",
        "삼성전자, HBM4 양산 시점 앞당긴다",
        "코스피 2600선 회복…외국인 순매수",
        '"전세사기 피해 1만 건 넘어"…특별법 연장 검토',
        "세금 쓴 만큼 성과 냈으면 좋겠네요",
        '"월급 빼고 다 올랐다"…소비자물가 2%대 재진입',
        "반도체 슈퍼사이클 끝났나…증권가 전망 엇갈려",
    ],
    "ko_wire_table": [
        "AI 반도체 수출 7월 132억 달러…역대 최대",
        "국가 AI 컴퓨팅 센터 입지 공모에 9개 지자체 신청",
        "태풍 북상에 제주 항공편 결항 잇따라",
        "프로야구 순위 싸움 막판까지 안갯속",
    ],
    "zh_cn_portal": [
        "来源：华夏科技报",
        "多地发布算力券政策 最高补贴达1000万元",
        "我国智能算力规模同比增长超过30%",
        "暑期档电影票房突破100亿元",
        "多地高温预警 电网负荷创新高",
        "新能源汽车7月销量同比增长25%",
    ],
    "zh_tw_article": [
        "AI伺服器出口再創新高 8月年增逾五成",
        "台灣大型語言模型釋出新版 中文能力提升",
        "颱風動態更新 北部明起雨勢增強",
        "台股震盪收紅 半導體族群領漲",
        "週末天氣晴朗 高溫可達36度",
        "每天早上8點，掌握科技大小事。",
    ],
}


def _ids(rules):
    return [f"{rule.label}#{index}" for index, rule in enumerate(rules)]


def _out_lines(text: str) -> set[str]:
    return {normal_line(line) for line in text.splitlines() if line.strip()}


def _article_with(*lines: str) -> str:
    return "\n\n".join([BEFORE, *lines, AFTER]) + "\n"


# ---------------------------------------------------------------------------------------------
# Each entry of the data file


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_each_rule_has_examples_keeps_and_a_known_language(rule):
    assert rule.examples, f"{rule.label}: add the chrome lines it must remove (examples)"
    assert rule.keeps, f"{rule.label}: add the article lines it must keep (keeps)"
    assert rule.language in LANGUAGES
    assert rule.name == rule.name.strip().lower() and " " not in rule.name


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_each_example_is_removed_by_its_rule_inside_an_article(rule):
    for example in rule.examples:
        assert rule.pattern.fullmatch(normal_line(example)), f"{rule.label}: {example!r}"
        lines = (FIRM_CHROME, example) if rule.beside_chrome else (example,)
        cleaned, repairs = strip_boilerplate(_article_with(*lines))
        assert _out_lines(cleaned) == {BEFORE, AFTER}, f"{rule.label}: {example!r}"
        [block] = [r for r in repairs if example in r.before]
        assert block.step == "boilerplate"
        assert rule.name in block.rule.split("+"), f"{example!r} is logged as {block.rule}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.beside_chrome], ids=str)
def test_a_beside_chrome_example_alone_in_an_article_stays(rule):
    for example in rule.examples:
        cleaned, _ = strip_boilerplate(_article_with(example))
        assert normal_line(example) in _out_lines(cleaned)


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_each_keep_stays_as_a_paragraph_a_list_item_and_the_last_line(rule):
    for keep in rule.keeps:
        for text in (
            _article_with(keep),
            f"{BEFORE}\n- {keep}\n- {AFTER}\n",
            f"{BEFORE}\n{keep}\n",
        ):
            cleaned, repairs = strip_boilerplate(text)
            assert cleaned == text, f"{rule.label} removed {[r.before for r in repairs]}"


# ---------------------------------------------------------------------------------------------
# The article is never eaten


@pytest.mark.parametrize("sentence", LOOKALIKES)
def test_lookalike_sentences_stay_in_paragraphs_and_list_items(sentence):
    for text in (
        _article_with(f"{sentence}, the ministry said on Tuesday."),
        _article_with(sentence),
        f"The plan sets three deadlines:\n\n- {sentence};\n\n• {sentence}.\n\n{sentence}\n",
        f"The plan sets three deadlines:\n(a) the first firms sign by October;\n{sentence}\n",
    ):
        assert strip_boilerplate(text) == (text, [])


def test_the_four_sentences_read_as_sentences_and_chrome_does_not():
    for sentence in LOOKALIKES[:4]:
        assert reads_as_sentence(sentence)
    for chrome in ("Sign up for the AI Policy Brief", "Posted in Korea", "댓글 37", "Views 4,218"):
        assert not reads_as_sentence(chrome)


def test_a_guarded_rule_keeps_a_line_that_reads_as_a_sentence():
    matcher = chrome_matcher()
    assert matcher.match("Sign up for the AI Policy Brief").name == "subscribe-box"
    assert (
        matcher.match("Sign up for the cloud vouchers opens in March, the ministry said.") is None
    )


def test_a_line_longer_than_the_cap_is_never_chrome():
    line = "© " + "x" * MAX_CHROME_CHARS
    assert chrome_matcher().match(line) is None


# ---------------------------------------------------------------------------------------------
# The fixture pages, pasted as plain text


def _page_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _block_layout(article: list[str], chrome: list[str]) -> str:
    """The article's paragraphs, then the page's chrome as one block of lines."""
    return "\n\n".join(article) + "\n\n" + "\n".join(chrome) + "\n"


def _paragraph_layout(article: list[str], chrome: list[str]) -> str:
    """Each chrome line its own paragraph, spread between the article's paragraphs in order."""
    out: list[str] = []
    taken = 0
    for index, paragraph in enumerate(article):
        share = len(chrome) * (index + 1) // len(article)
        out += [paragraph, *chrome[taken:share]]
        taken = share
    return "\n\n".join(out) + "\n"


PAGE_NAMES = sorted(path.stem for path in PAGES.glob("*.html"))


def test_every_fixture_page_has_its_left_to_html_list():
    assert sorted(LEFT_TO_HTML) == PAGE_NAMES


@pytest.mark.parametrize("page", PAGE_NAMES)
@pytest.mark.parametrize("layout", [_block_layout, _paragraph_layout], ids=["block", "paragraphs"])
def test_fixture_page_as_plain_text_loses_its_chrome_and_keeps_its_article(page, layout):
    article = _page_lines(PAGES / f"{page}.expected.txt")
    chrome = _page_lines(PAGES / f"{page}.chrome.txt")
    cleaned, _ = strip_boilerplate(layout(article, chrome))
    out = _out_lines(cleaned)
    assert [line for line in article if normal_line(line) not in out] == []
    left = [line for line in chrome if normal_line(line) in out]
    allowed = set(LEFT_TO_HTML[page])
    if layout is _paragraph_layout:  # alone, lines that need chrome beside them stay, and so
        matcher = chrome_matcher()  # does a count cut off from its label ("Views", "4,218")
        allowed |= {
            line
            for line in chrome
            if BARE_NUMBER.fullmatch(line)
            or ((rule := matcher.match(normal_line(line))) and rule.beside_chrome)
        }
    assert [line for line in left if line not in allowed] == []
    if layout is _block_layout:  # the list says what is left: shrink it when a rule takes more
        assert left == LEFT_TO_HTML[page]


# ---------------------------------------------------------------------------------------------
# Structure kept in code


def test_bulleted_items_under_any_list_heading_go_under_its_name():
    text = f"{BEFORE}\n\n관련기사\n\n• 다른 기사 제목 하나\n• 다른 기사 제목 둘\n"
    cleaned, repairs = strip_boilerplate(text)
    assert cleaned == f"{BEFORE}\n"
    assert [r.rule for r in repairs] == ["related-links-heading"]


def test_beside_chrome_lines_go_in_a_run_that_touches_chrome_and_stay_alone():
    footer = "Privacy policy\nAccessibility\nCopyright Policy\nTerms of use\n"
    cleaned, repairs = strip_boilerplate(f"{BEFORE}\n\n{footer}")
    assert cleaned == f"{BEFORE}\n"
    assert [r.rule for r in repairs] == ["footer-links"]
    heading = f"{BEFORE}\n\nPrivacy policy\n\n{AFTER}\n"
    assert strip_boilerplate(heading) == (heading, [])


def test_a_views_label_takes_its_count_along():
    cleaned, repairs = strip_boilerplate(f"{BEFORE}\n\nViews\n4,218\n\n{AFTER}\n")
    assert cleaned == f"{BEFORE}\n\n{AFTER}\n"
    assert [r.rule for r in repairs] == ["view-counter"]


def test_a_korean_wire_byline_before_the_first_sentence_is_cut_from_its_line():
    text = "[서울=뉴시스] 홍길동 기자 = 정부가 GPU 1만 장을 배치한다.\n"
    cleaned, repairs = strip_boilerplate(text)
    assert cleaned == "정부가 GPU 1만 장을 배치한다.\n"
    assert [(r.rule, r.before) for r in repairs] == [
        ("wire-byline", "[서울=뉴시스] 홍길동 기자 = ")
    ]
    alone = "[서울=뉴시스] 홍길동 기자 =\n정부가 GPU 1만 장을 배치한다.\n"
    assert strip_boilerplate(alone)[0] == "정부가 GPU 1만 장을 배치한다.\n"


# ---------------------------------------------------------------------------------------------
# Patterns stay safe


@pytest.mark.parametrize(
    "pattern",
    [
        "^Copyright",  # not anchored at the end
        "Copyright.*$",  # not anchored at the start
        "^(a+)+$",
        "^(?:x{1,9})*$",
        "^(?:ab|c[d-f]{2,})+$",
        "^(?P<year>\\d{4})$",
        "^a$(?i)",
        "^a\\$",
    ],
)
def test_unsafe_or_unanchored_patterns_are_refused(pattern):
    with pytest.raises(UnsafePatternError):
        check_pattern(pattern)


def test_safe_patterns_are_accepted():
    for pattern in ("(?i)^share(?: this)?(?: on)?$", "^(?:a(?: b)?){0,3}$", "^(?-i:[A-Z]).{0,9}$"):
        assert check_pattern(pattern).pattern == pattern


def test_a_rule_file_with_unknown_keys_or_no_name_is_refused(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nname = "x"\nlanguage = "en"\npattern = "^x$"\nexample = ["x"]\n')
    with pytest.raises(ValueError, match="unknown keys"):
        load_chrome_rules(path)
    path.write_text('[[rule]]\nlanguage = "en"\npattern = "^x$"\n')
    with pytest.raises(ValueError, match="name and language"):
        load_chrome_rules(path)


CHROME_SHAPES = {
    "korean-chrome-lines": lambda n: "".join(
        f"{BEFORE}\n관련기사\n• 제목 {i}\n댓글 {i}\n저작권자 © 한빛일보 무단전재 및 재배포 금지\n"
        for i in range(n)
    ),
    "beside-chrome-runs": lambda n: "".join(
        f"{BEFORE}\n\nPrivacy policy\nAccessibility\n\n" for _ in range(n)
    ),
    "long-beside-chrome-run": lambda n: "Terms of use\n" + "Privacy policy\n" * n,
}


@pytest.mark.parametrize("shape", list(CHROME_SHAPES))
def test_doubling_chrome_at_most_doubles_the_steps(shape):
    build = CHROME_SHAPES[shape]
    strip_boilerplate(build(4))  # compile the rules first
    small = counted(lambda: strip_boilerplate(build(200)))
    large = counted(lambda: strip_boilerplate(build(400)))
    assert large / small <= MAX_RATIO, f"{shape}: {small:,} -> {large:,} steps"
