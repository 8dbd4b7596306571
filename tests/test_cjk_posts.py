"""Posts in Chinese, Japanese and Korean, or mixing them with English (found on the batch 30
dev posts): word breaks where CJK meets Latin letters or digits (``script_breaks``), names
before honorifics, room numbers, dates, ages over 89 and ID numbers; and the clinic notices
and counts that must not read as PHI."""

import json

import pytest
from typer.testing import CliRunner

from hipaalint.cli import app
from hipaalint.detect import languages
from hipaalint.detect.script_breaks import original_finding, spaced
from hipaalint.models import Finding, Post, Severity


def test_spaced_copy_breaks_where_cjk_meets_latin_or_digits():
    text = "又是那个frequent flyer，412号室"
    copy = spaced(text)
    assert copy.text == "又是那个 frequent flyer，412 号室"
    assert copy.breaks == (4, 22)
    start = copy.text.index("frequent")
    assert copy.original_offset(start) == 4 and copy.original_offset(start + len("frequent flyer")) == 18
    assert copy.copy_span(19, 22) == (20, 23)  # "412" keeps the added space outside
    assert spaced("plain English, 412 room") is None and spaced("全部中文没有拉丁字母") is None
    assert spaced(copy.text) is None  # the copy has nothing left to break


def test_a_finding_on_the_copy_moves_back_to_the_post():
    post = Post(id="p", text="第三次IVF终于", source="x")
    copy = spaced(post.text)
    finding = Finding("R", Severity.ERROR, "p", 4, 7, 1, 5, "IVF", "Term 'IVF' here", "fix")
    moved = original_finding(post, copy, finding)
    assert (moved.start, moved.end, moved.text, moved.column) == (3, 6, "IVF", 4)
    assert moved.message == "Term 'IVF' here"


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        # a name before an honorific (the honorific stays outside)
        ("王阿姨您好！您3月15日做的白内障手术恢复得很好。", "PERSON", "王"),
        ("申し送り：伊藤様 412号室 カルテ番号0028471。明日退院予定。", "PERSON", "伊藤"),
        ("ゆうこさん、インプラント本当によく頑張りましたね", "PERSON", "ゆうこ"),
        ("이정숙님, 우울증 치료로 3개월째 다니시면서 많이 좋아지셨어요", "PERSON", "이정숙"),
        ("Home visit 다녀왔는데 최 할머니 아직도 혼자 김치 담그세요", "PERSON", "최"),
        # rooms, dates, ages
        ("申し送り：伊藤様 412号室 カルテ番号0028471。明日退院予定。", "ROOM", "412"),
        ("오늘 병동 화이트보드 7호실 정님 생신이라 꾸며봤어요", "ROOM", "7"),
        ("王阿姨您好！您3月15日做的白内障手术恢复得很好。", "DATE", "3月15日"),
        ("5월 3일 입원 당시 욕창 4단계였는데", "DATE", "5월 3일"),
        ("日系二世のおばあちゃん、1932年2月19日生まれで", "DATE", "1932年2月19日"),
        ("환자분 연세가 94세인데도 회복력이 대단하세요", "AGE_OVER_89", "94"),
        ("昨晚急诊来了一位九十三岁的老奶奶", "AGE_OVER_89", "九十三"),
        # ID numbers after their labels, and the shapes of national numbers
        ("김순자 할머니 (주민번호 380512-2******) 등록번호 10384726", "SSN", "380512-2"),
        ("김순자 할머니 (주민번호 380512-2******) 등록번호 10384726", "MRN", "10384726"),
        ("身份证：刘桂英，44010619350827304X，住址广州市", "SSN", "44010619350827304X"),
        ("黃婆婆 HKID Y482193(5), 病歷號 HN08823145, 電話 555-0147", "SSN", "Y482193(5)"),
        ("黃婆婆 HKID Y482193(5), 病歷號 HN08823145, 電話 555-0147", "MRN", "HN08823145"),
        ("黃婆婆 HKID Y482193(5), 病歷號 HN08823145, 電話 555-0147", "PHONE", "555-0147"),
        ("鈴木 花子様（記号4521 番号88）、受付でお預かりしています", "HEALTH_PLAN_ID", "88"),
    ],
)
def test_cjk_identifiers(linted_spans, text, entity, value):
    assert (entity, value) in linted_spans(text, flagging=True)


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # a clinic's closure, a conference, a free event: no patient's date
        ("추석 연휴 휴진 안내 10월 5일(일)~10월 8일(수) 휴진합니다.", ("DATE", "10월 5일")),
        ("【お知らせ】田中先生は5月2日、学会出張のため午後休診です。", ("DATE", "5月2日")),
        ("当院でも9月20日（土）に高齢者向けの転倒予防教室を開催します。参加無料！", ("DATE", "9月20日")),
        # a count of beds, "100 and over", roles before a title
        ("本院新住院大楼共设住院床位450床", ("ROOM", "450")),
        ("日本の100歳以上の方は9万人を超えた", ("AGE_OVER_89", "100")),
        ("원장님과 선생님들 모두 감사합니다", ("PERSON", "원장")),
        ("お母様のご入院中、皆様にお世話になりました", ("PERSON", "母")),
    ],
)
def test_cjk_look_alikes(linted_spans, text, unwanted):
    assert unwanted not in linted_spans(text)


def test_english_words_inside_a_cjk_post_are_words(rules_hit):
    assert "SOC-STIGMA" in rules_hit("又是那个frequent flyer，这个月第五次来急诊要止痛针了，典型drug seeker")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今日の一枚📸 山本さんの術後レントゲン。人工股関節きれいに入りました！", True),
        ("Home visit 다녀왔는데 최 할머니 올해 아흔여섯이신데 아직도 혼자 김치 담그세요", True),
        ("Our lovely 林奶奶 on her birthday in bed 12, the whole family flew in for her party", False),
    ],
)
def test_cjk_posts_are_another_language(text, expected):
    assert languages.mostly_another_language(text) is expected


@pytest.mark.usefixtures("cli_engine")
def test_check_reports_cjk_findings_at_the_posts_own_offsets(tmp_path):
    draft = tmp_path / "draft.txt"
    text = "申し送り：伊藤様 412号室。又是那个frequent flyer"
    draft.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(draft), "--format", "json"])
    assert result.exit_code == 1, result.output
    (res,) = json.loads(result.output)["results"]
    found = {(f["rule"], text[f["start"] : f["end"]], f["text"]) for f in res["findings"]}
    assert ("PHI-ROOM", "412", "412") in found
    assert ("SOC-STIGMA", "frequent flyer", "frequent flyer") in found
    assert "412号室" not in res["redacted"] and "伊藤様" not in res["redacted"]
