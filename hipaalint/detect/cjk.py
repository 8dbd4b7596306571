"""Names, rooms, dates, ages and ID numbers in posts written in Chinese, Japanese or Korean.

Those posts carry no spaces between words, so the patterns anchor on what comes after a name
(an honorific: "王阿姨", "田中さん", "김 할머니") or around a number (a label or a counter:
"412号室", "3月15日", "94세", "주민번호"). Each recognizer runs only on a post with a CJK
character. The linter reads such a post with a space where CJK meets Latin letters or digits
(``script_breaks``), so the patterns allow one there ("412 号室", "3 月 15 日").
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, Pattern

from hipaalint.detect.lean_patterns import LeanPatternRecognizer
from hipaalint.detect.recognizers import CASE_INSENSITIVE
from hipaalint.detect.script_breaks import CJK_CHARACTER

# Common Chinese surnames (simplified and traditional forms).
_CHINESE_SURNAME = (
    "(?:欧阳|歐陽|司马|司馬|上官|诸葛|諸葛|[王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓"
    "冯馮邓鄧曹彭曾肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹"
    "薛闫段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶"
    "章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴"
    "蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党宫宮费費卜冷晏席卫衛"
    "米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺])"
)
# Chinese honorifics and kinship words after a surname ("王阿姨", "张伯伯", "黃婆婆", "李小姐").
_CHINESE_HONORIFIC = "(?:阿姨|伯伯|阿伯|婆婆|奶奶|爷爷|爺爺|公公|叔叔|阿叔|伯母|小姐|女士|太太|先生|老伯|阿婆|嫲嫲|伯娘)"
# Japanese honorifics after a name ("田中さん", "佐藤様", "ゆうこちゃん"); not "先生", a doctor's.
_JAPANESE_HONORIFIC = "(?:さん|様|さま|ちゃん|くん|君|氏)"
# Words before a Japanese honorific that are no name: family, roles, "everyone", "customer".
_JAPANESE_NOT_NAMES = (
    "(?!(?:皆|患者|看護師|看護婦|先生|医師|母|父|奥|旦那|娘|息子|孫|姉|兄|妹|弟|家族|利用者|主人|嫁|客|神|仏|王|"
    "子供|子|赤|婆|爺|みな|みんな|叔母|叔父|伯母|伯父|師長|主任|部長|院長|社長|店長|職員|隣|近所|相手|皆様|方|お|ご)"
    r"[\p{Han}\p{Hiragana}]{0,1}" + _JAPANESE_HONORIFIC + ")"
)
# Korean surnames, and honorifics or titles after a name ("이정숙님", "박 씨", "최 할머니").
_KOREAN_SURNAME = (
    "(?:남궁|선우|제갈|황보|[김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공현"
    "함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용])"
)
_KOREAN_HONORIFIC = "(?:씨|님|할머니|할아버지|어르신|환자분|환자|여사님)"
# Names ending in a title that are roles or family words ("원장님", "선생님", "이모님", "손님", "우리 할머니").
_KOREAN_NOT_NAMES = (
    "(?!(?:원장|선생|고객|환자|보호자|어머|주임|기사|반장|이모|고모|사장|선배|손|여사|부모|우리|사모|부장|과장|실장|"
    "팀장|수간호사|간호사|교수|회장|소장|이사|이상|대표|조카|형|누|언|오빠|동생|가족|모두|여러|저|제|그|이|저희|한)"
    r"(?:\s?" + _KOREAN_HONORIFIC + "))"
)

_PERSON_PATTERNS = [
    Pattern("Chinese surname + honorific", rf"{_CHINESE_SURNAME}(?=\s?{_CHINESE_HONORIFIC})", 0.85),
    Pattern(
        "Japanese name + honorific",
        rf"(?<![\p{{Han}}ー]){_JAPANESE_NOT_NAMES}(?:\p{{Han}}{{1,4}}(?:\s?\p{{Han}}{{1,3}})?|(?<!\p{{Hiragana}})(?!お|ご)\p{{Hiragana}}{{2,4}}"
        rf"|(?<!\p{{Katakana}})\p{{Katakana}}[\p{{Katakana}}ー]{{1,7}}){_JAPANESE_HONORIFIC.replace('(?:', '(?=', 1)}",
        0.85,
    ),
    Pattern(
        "Korean name + honorific",
        rf"(?<![가-힣]){_KOREAN_NOT_NAMES}{_KOREAN_SURNAME}[가-힣]{{0,2}}(?=\s?{_KOREAN_HONORIFIC})",
        0.85,
    ),
]

_ROOM_PATTERNS = [
    # "412号室", "7호실", "3號床", "病房 12", "병실 305"
    Pattern("number + room word", r"(?<![\d.])\d{1,4}[A-Za-z]?(?=\s?(?:号室|號室|호실|号病室|號病室|号床|號床|번\s?침대|번\s?병상))", 0.85),
    Pattern("room word + number", r"(?:病房|病室|병실|병상|ベッド)\s?\K\d{1,4}[A-Za-z]?(?!\d)", 0.85),
]

_MONTH_DAY = r"(?:1[0-2]|0?[1-9])\s?月\s?(?:[12]\d|3[01]|0?[1-9])\s?[日号號]"
_NUMERAL_MONTH_DAY = r"(?:十[一二]?|[一二三四五六七八九])月(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号號]"
# A clinic's notice around a date: closed, opening hours, a free event, a holiday ("休診", "门诊时间",
# "휴진", "무료 건강검진 행사"): within a few characters of the date, it is no patient's.
_NOTICE = (
    r"(?:休診|休诊|休業|休み|営業|營業|门诊时间|門診時間|診療時間|诊疗时间|開催|开放日|開放日|讲座|講座|教室|無料|免费|免費|放假|假期|"
    r"휴진|휴무|진료\s?시간|정상\s?진료|연휴|행사|무료|세미나|설명회|회식|크리스마스|어버이날|お知らせ|イベント|学会|大会|会议|會議|研讨会|학회|학술대회)"
)
_NOT_AFTER_A_NOTICE = rf"(?<!{_NOTICE}.{{0,15}})"
_NOT_BEFORE_A_NOTICE = rf"(?!.{{0,20}}{_NOTICE})"
_DATE_PATTERNS = [
    # "3月15日", "2026年11月2日", "昭和7年11月3日", "八月十二號"
    Pattern(
        "CJK year month day",
        rf"(?<!\d){_NOT_AFTER_A_NOTICE}(?:(?:(?:昭和|平成|令和|大正)\s?\d{{1,2}}|\d{{4}})\s?年\s?)?(?:{_MONTH_DAY}|{_NUMERAL_MONTH_DAY})"
        rf"{_NOT_BEFORE_A_NOTICE}",
        0.85,
    ),
    # "5월 3일", "2025년 3월 15일"
    Pattern(
        "Korean year month day",
        rf"(?<!\d){_NOT_AFTER_A_NOTICE}(?:\d{{4}}\s?년\s?)?(?:1[0-2]|0?[1-9])\s?월\s?(?:[12]\d|3[01]|0?[1-9])\s?일{_NOT_BEFORE_A_NOTICE}",
        0.85,
    ),
]

_AGE_PATTERNS = [
    # "94세", "93歳", "九十三岁", "아흔여섯"
    Pattern("CJK age over 89", r"(?<![\d.])(?:9\d|1[01]\d)(?=\s?(?:세|歳|岁|歲|살))(?!\s?\S\s?(?:以上|이상|以下|이하))", 0.85),
    Pattern("Chinese numeral age over 89", r"(?:九十[一二三四五六七八九]?|一百(?:零?[一二三四五六七八九]|一十)?)(?=\s?(?:岁|歲|歳))", 0.85),
    Pattern("Korean numeral age over 89", r"아흔(?:한|하나|두|둘|세|셋|네|넷|다섯|여섯|일곱|여덟|아홉)?(?=\s?(?:살|이|세|의|에|인|을|되))", 0.85),
]

_ID_LABEL_END = r"\s?(?:[:：#]\s?)?"
_ID_PATTERNS = (
    ("SSN", "CjkNationalIdRecognizer", [
        # Korean resident registration number, whole or with its back half masked ("380512-2******")
        Pattern("Korean RRN", rf"(?:주민(?:등록)?\s?번호){_ID_LABEL_END}\K\d{{6}}\s?-\s?[1-8](?:\d{{6}})?(?!\d)", 0.9),
        Pattern("Korean RRN shape", r"(?<![\d-])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-[1-8]\d{6}(?![\d-])", 0.75),
        # Chinese resident identity card (18 characters)
        Pattern("Chinese ID", r"(?<![\dA-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])", 0.8),
        # Hong Kong identity card ("HKID Y482193(5)")
        Pattern("Hong Kong ID", rf"(?:HKID|身份證|香港身份證){_ID_LABEL_END}\K[A-Z]{{1,2}}\d{{6}}\s?\(?[\dA]\)?", 0.9),
        # Japanese My Number (12 digits)
        Pattern("My Number", rf"(?:マイナンバー|個人番号){_ID_LABEL_END}\K\d{{4}}\s?-?\d{{4}}\s?-?\d{{4}}(?!\d)", 0.9),
    ]),
    ("HEALTH_PLAN_ID", "CjkHealthPlanRecognizer", [
        # "被保険者番号19283746", "保険証 記号4521 番号88", "건강보험 번호 ...", "医保卡号 ..."
        Pattern(
            "CJK insurance number",
            rf"(?:被保険者番号|保険者番号|保険証番号|保険証\s?記号|記号|건강보험\s?(?:증\s?)?번호|医保卡号|醫保卡號|社保卡号){_ID_LABEL_END}"
            r"\K[A-Z]{0,3}\d[\d-]{1,15}(?!\d)",
            0.85,
        ),
        Pattern("Japanese insurance card number after its symbol", r"(?<=記号\s?[\d-]+\s?)番号\s?\K\d{1,10}(?!\d)", 0.85),
    ]),
    ("MRN", "CjkRecordNumberRecognizer", [
        Pattern(
            "CJK record number",
            rf"(?:病歷號|病歷編號|病历号|病案号|住院号|住院號|カルテ番号|カルテ\s?No\.?|診察券番号|患者番号|ID番号|등록번호|병록번호|환자번호)"
            rf"{_ID_LABEL_END}\K[A-Z]{{0,3}}\d[\dA-Z-]{{3,}}",
            0.9,
        ),
    ]),
    ("PHONE", "CjkPhoneRecognizer", [
        Pattern(
            "CJK phone label",
            rf"(?:電話番号|電話|电话|手機|手机|携帯|연락처|전화\s?번호|전화|휴대폰|핸드폰){_ID_LABEL_END}\K"
            r"(?:\(?\d{2,4}\)?[\s-]?)?\d{3,4}[\s-]\d{4}(?!\d)",
            0.85,
        ),
    ]),
)


class _CjkRecognizer(LeanPatternRecognizer):
    gate = CJK_CHARACTER


def build_cjk_recognizers() -> list[EntityRecognizer]:
    specs = (
        ("PERSON", "CjkNameRecognizer", _PERSON_PATTERNS),
        ("ROOM", "CjkRoomRecognizer", _ROOM_PATTERNS),
        ("DATE", "CjkDateRecognizer", _DATE_PATTERNS),
        ("AGE_OVER_89", "CjkAgeRecognizer", _AGE_PATTERNS),
        *_ID_PATTERNS,
    )
    return [
        _CjkRecognizer(entity, name=name, patterns=patterns, global_regex_flags=CASE_INSENSITIVE)
        for entity, name, patterns in specs
    ]
