"""Readers: every input format -> Posts / Skipped, and bad input -> one-line file:line errors."""

from __future__ import annotations

import io
import json
import os
import sys
from itertools import islice
from pathlib import Path

import pytest

from hipaalint.errors import InputError
from hipaalint.models import Post
from hipaalint.sources import (
    Skipped,
    SourceOptions,
    count_records,
    detect_format,
    iter_input_files,
    read_posts,
)
from hipaalint.sources.records import MISSING, lookup


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return str(path)


def read(path: str, **options: str) -> list[Post | Skipped]:
    return list(read_posts(path, SourceOptions(**options)))


def error_of(path: str, **options: str) -> str:
    with pytest.raises(InputError) as caught:
        read(path, **options)
    return str(caught.value)


# --- text drafts ---------------------------------------------------------------------------


def test_text_file_is_one_post_with_path_as_id(tmp_path):
    path = write(tmp_path, "draft.md", "\ufeff# Update\nMr. Alvarez in room 312 is doing well.\n")
    assert read(path) == [Post(id=path, text="# Update\nMr. Alvarez in room 312 is doing well.\n", source=path)]


def test_text_invalid_utf8_names_the_line(tmp_path):
    path = write(tmp_path, "draft.txt", b"line one\nline two\nbad \x92quote\n")
    assert error_of(path).startswith(f"{path}:3: invalid UTF-8 (byte 0x92)")


# --- CSV / TSV -----------------------------------------------------------------------------

EXCEL_CSV = (
    "\ufeffid,Date,Message\r\n"
    '101,2024-03-01,"Welcome our new nurses!"\r\n'
    '102,2024-03-02,"Shout-out to the ""night shift""\r\n'
    'for caring for Mrs. Henderson, bed 4"\r\n'
    "103,2024-03-03,Flu shots available\r\n"
)


def test_csv_bom_multiline_quoted_field_and_physical_start_lines(tmp_path):
    path = write(tmp_path, "posts.csv", EXCEL_CSV)
    assert read(path) == [
        Post("101", "Welcome our new nurses!", path, 2),
        Post("102", 'Shout-out to the "night shift"\r\nfor caring for Mrs. Henderson, bed 4', path, 3),
        Post("103", "Flu shots available", path, 5),
    ]


def test_csv_without_id_column_uses_row_numbers_and_skips_empty_rows(tmp_path):
    path = write(tmp_path, "posts.csv", "text,author\nfirst,a\n\n,,\nsecond,b\nshort\n")
    items = read(path, text_field="TEXT")
    assert items == [Post("1", "first", path, 2), Post("2", "second", path, 5), Post("3", "short", path, 6)]


def test_csv_short_row_is_skipped(tmp_path):
    path = write(tmp_path, "posts.csv", "id,author,body\n7,sam\n")
    assert read(path) == [Skipped(path, "7", 2, "no text field 'body' (row has 2 of 3 columns)")]


def test_csv_excel_sep_line_and_semicolons(tmp_path):
    path = write(tmp_path, "posts.csv", "sep=;\r\nID;Caption\r\n9;Room 12; stable\r\n")
    assert read(path) == [Post("9", "Room 12", path, 3)]
    path = write(tmp_path, "semi.csv", "id;content\n1;hello, world\n")
    assert read(path) == [Post("1", "hello, world", path, 2)]


def test_csv_explicit_columns(tmp_path):
    path = write(tmp_path, "posts.csv", "post_id,notes,text\nA1,Pt DOB 1/2/1950,ignored\n")
    assert read(path, text_field="notes", id_field="post_id") == [Post("A1", "Pt DOB 1/2/1950", path, 2)]


def test_tsv(tmp_path):
    path = write(tmp_path, "posts.tsv", 'id\tfull_text\n1\tAll good, thanks\n2\t"tab\there"\n')
    assert read(path) == [Post("1", "All good, thanks", path, 2), Post("2", "tab\there", path, 3)]


def test_utf16_csv_from_excel_unicode_text(tmp_path):
    path = write(tmp_path, "posts.csv", "id,text\r\n1,café\r\n".encode("utf-16"))
    assert read(path) == [Post("1", "café", path, 2)]


def test_csv_no_text_column(tmp_path):
    path = write(tmp_path, "posts.csv", "id,author\n1,x\n")
    assert error_of(path) == (
        f"{path}:1: no text column (looked for text, message, post, content, full_text, body, "
        "caption); use --text-column"
    )


def test_csv_missing_explicit_columns(tmp_path):
    path = write(tmp_path, "posts.csv", "id,text\n1,x\n")
    assert error_of(path, text_field="msg") == f"{path}:1: no column 'msg' (columns: id, text)"
    assert error_of(path, id_field="key") == f"{path}:1: no id column 'key' (columns: id, text)"


def test_csv_unterminated_quote_points_at_record_start(tmp_path):
    path = write(tmp_path, "posts.csv", 'id,text\n1,fine\n2,"never closed\nmore\n')
    assert error_of(path).startswith(f"{path}:3: malformed CSV: unterminated quoted field")


def test_csv_invalid_utf8_names_the_line(tmp_path):
    path = write(tmp_path, "posts.csv", b"id,text\n1,ok\n2,caf\xe9\n")
    assert error_of(path).startswith(f"{path}:3: invalid UTF-8")


def test_csv_is_streamed(tmp_path):
    rows = "".join(f"{i},post {i}\n" for i in range(50_000))
    path = write(tmp_path, "big.csv", "id,text\n" + rows + '50000,"unterminated\n')
    assert next(iter(read_posts(path))) == Post("0", "post 0", path, 2)


# --- JSONL ---------------------------------------------------------------------------------

JSONL = "\n".join(
    [
        json.dumps({"id": 1, "message": "Discharged today, room 4B"}),
        json.dumps({"id_str": "2", "likes": 3}),
        "",
        json.dumps({"id": "3", "text": None}),
        json.dumps({"text": ["a", "list"]}),
        json.dumps("a bare string is a post"),
        json.dumps([1, 2]),
    ]
)


def test_jsonl_posts_and_skipped_records(tmp_path):
    path = write(tmp_path, "posts.jsonl", JSONL + "\n")
    assert read(path) == [
        Post("1", "Discharged today, room 4B", path, 1),
        Skipped(path, "2", 2, "no text field (looked for text, message, post, content, full_text, body, caption)"),
        Skipped(path, "3", 4, "text field 'text' is null, not a string"),
        Skipped(path, "5", 5, "text field 'text' is an array, not a string"),
        Post("6", "a bare string is a post", path, 6),
        Skipped(path, "7", 7, "record is an array, not an object"),
    ]


def test_jsonl_explicit_field_missing_and_non_string(tmp_path):
    path = write(tmp_path, "posts.ndjson", '{"message": "hi"}\n{"id": 9, "message": 5}\n{"id": 10}\n')
    assert read(path, text_field="message") == [
        Post("1", "hi", path, 1),
        Skipped(path, "9", 2, "text field 'message' is a number, not a string"),
        Skipped(path, "10", 3, "no text field 'message'"),
    ]


def test_jsonl_dotted_paths(tmp_path):
    lines = [
        {"data": [{"post": "Post one"}], "meta": {"key": "k1"}},
        {"data": [], "meta": {"key": "k2"}},
    ]
    path = write(tmp_path, "fb.jsonl", "\n".join(json.dumps(r) for r in lines))
    assert read(path, text_field="data.0.post", id_field="meta.key") == [
        Post("k1", "Post one", path, 1),
        Skipped(path, "k2", 2, "no text field 'data.0.post'"),
    ]


def test_lookup():
    record = {"tweet": {"full_text": "hi", "entities": [{"x": 1}]}, "a.b": "literal"}
    assert lookup(record, "tweet.full_text") == "hi"
    assert lookup(record, "tweet.entities.0.x") == 1
    assert lookup(record, "tweet.entities.-1.x") == 1
    assert lookup(record, "a.b") == "literal"
    assert lookup(record, "tweet.entities.5") is MISSING
    assert lookup(record, "tweet.full_text.x") is MISSING


def test_jsonl_invalid_json_names_the_line(tmp_path):
    path = write(tmp_path, "posts.jsonl", '{"text": "a"}\n\n{"text": "b" "id": 1}\n')
    assert error_of(path) == f"{path}:3: invalid JSON: Expecting ',' delimiter (column 14)"


def test_jsonl_invalid_utf8_names_the_line(tmp_path):
    path = write(tmp_path, "posts.jsonl", b'{"text": "a"}\n{"text": "\xff"}\n')
    assert error_of(path).startswith(f"{path}:2: invalid UTF-8 (byte 0xff)")


def test_jsonl_is_streamed(tmp_path):
    """The first post arrives although line 50 001 is broken: the file was not read whole."""
    lines = "".join(json.dumps({"id": i, "text": f"post {i}"}) + "\n" for i in range(50_000))
    path = write(tmp_path, "big.jsonl", lines + "{not json\n")
    assert list(islice(read_posts(path), 2)) == [Post("0", "post 0", path, 1), Post("1", "post 1", path, 2)]
    with pytest.raises(InputError, match=r"big\.jsonl:50001: invalid JSON"):
        list(read_posts(path))


# --- stdin ---------------------------------------------------------------------------------


class CountingStdin:
    """A text stdin that counts how many lines were taken from it."""

    def __init__(self, lines):
        self.lines, self.taken = iter(lines), 0

    def __iter__(self):
        return self

    def __next__(self):
        self.taken += 1
        return next(self.lines)


def test_stdin_is_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"id": "a", "text": "hello"}\n{"oops": 1}\n'))
    assert read("-") == [
        Post("a", "hello", "<stdin>", 1),
        Skipped("<stdin>", "2", 2, "no text field (looked for text, message, post, content, full_text, body, caption)"),
    ]


def test_stdin_is_streamed(monkeypatch):
    stdin = CountingStdin(json.dumps({"text": f"post {i}"}) + "\n" for i in range(50_000))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert next(read_posts("-")) == Post("1", "post 0", "<stdin>", 1)
    assert stdin.taken == 1


def test_stdin_with_format_override(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("A draft about Mrs. Lee.\n"))
    assert read("-", input_format="text") == [Post("<stdin>", "A draft about Mrs. Lee.\n", "<stdin>", 1)]


def test_stdin_bad_line(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"text": "a"}\n[1,\n'))
    assert error_of("-").startswith("<stdin>:2: invalid JSON: Expecting value")


# --- JSON arrays ---------------------------------------------------------------------------


def test_json_array_lines_and_index_ids(tmp_path):
    records = [{"content": "first"}, {"id": 77, "content": "second"}, {"content": 3}]
    path = write(tmp_path, "posts.json", json.dumps(records, indent=2))
    assert read(path) == [
        Post("0", "first", path, 2),
        Post("77", "second", path, 5),
        Skipped(path, "2", 9, "text field 'content' is a number, not a string"),
    ]


def test_json_single_object_and_empty_array(tmp_path):
    path = write(tmp_path, "one.json", '\n{"body": "just one"}\n')
    assert read(path) == [Post("0", "just one", path, 2)]
    assert read(write(tmp_path, "none.json", " [ ] \n")) == []


def test_json_dotted_text_field(tmp_path):
    path = write(tmp_path, "posts.json", json.dumps([{"tweet": {"full_text": "hi", "id_str": "5"}}]))
    assert read(path, text_field="tweet.full_text", id_field="tweet.id_str") == [Post("5", "hi", path, 1)]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[\n  {"text": "a"},\n  {"text": "b"\n  }\n  {"text": "c"}\n]', ":5: invalid JSON: Expecting ',' delimiter"),
        ('[\n  {"text": "a"},\n]\n', ":3: invalid JSON: Expecting value"),
        ('[\n  {"text": "a"}\n]\n]', ":4: invalid JSON: Extra data"),
        ("", ":1: invalid JSON: Expecting value"),
    ],
)
def test_json_syntax_errors_name_the_line(tmp_path, content, expected):
    path = write(tmp_path, "posts.json", content)
    assert error_of(path).startswith(path + expected)


# --- X archive -----------------------------------------------------------------------------

TWEETS_JS = """window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "id_str" : "1760000000000000001",
      "full_text" : "Great day at clinic &amp; thanks to the team &lt;3",
      "created_at" : "Mon Feb 19 15:00:00 +0000 2024"
    }
  },
  {
    "tweet" : {
      "id_str" : "1760000000000000002",
      "retweet_count" : "0"
    }
  }
]"""


def test_twitter_archive(tmp_path):
    path = write(tmp_path, "tweets.js", TWEETS_JS)
    assert read(path) == [
        Post("1760000000000000001", "Great day at clinic & thanks to the team <3", path, 2),
        Skipped(path, "1760000000000000002", 9, "no text field 'tweet.full_text'"),
    ]


def test_twitter_old_archive_without_tweet_wrapper(tmp_path):
    path = write(tmp_path, "tweet.js", 'window.YTD.tweet.part0 = [ {"id_str": "1", "full_text": "hi"} ];\n')
    assert read(path) == [Post("1", "hi", path, 1)]


def test_twitter_without_prefix(tmp_path):
    path = write(tmp_path, "tweets.js", '[{"tweet": {"full_text": "hi"}}]')
    assert error_of(path).startswith(f"{path}:1: not an X archive file")


def test_twitter_bad_json_names_the_line(tmp_path):
    path = write(tmp_path, "tweets-part1.js", TWEETS_JS.replace('"retweet_count" : "0"', '"retweet_count" : '))
    assert error_of(path).startswith(f"{path}:13: invalid JSON: Expecting value")


# --- Facebook ------------------------------------------------------------------------------

FACEBOOK = [
    {"timestamp": 1709294400, "data": [{"post": "Visited Grandma at St. Mary's, room 214"}], "title": "x"},
    {"timestamp": 1709380800, "attachments": [{"data": [{"media": {"uri": "photo.jpg"}}]}], "data": [{"update_timestamp": 1}]},
    {"timestamp": 1709467200, "data": [{"post": "Caf\u00c3\u00a9 with the nurses \u00f0\u009f\u0098\u008a"}]},
]


def test_facebook_export(tmp_path):
    path = write(tmp_path, "your_posts_1.json", json.dumps(FACEBOOK, indent=2))
    assert detect_format(Path(path)) == "facebook"
    items = read(path)
    assert items == [
        Post("1709294400", "Visited Grandma at St. Mary's, room 214", path, 2),
        Skipped(path, "1709380800", 11, "no post text (a photo, check-in or shared link only)"),
        Post("1709467200", "Café with the nurses 😊", path, 30),
    ]


def test_facebook_older_wrapper_and_explicit_format(tmp_path):
    path = write(tmp_path, "posts.json", json.dumps({"status_updates_v2": [{"data": [{"post": "hi"}]}]}))
    assert read(path, input_format="facebook") == [Post("0", "hi", path, 1)]


# --- detection, overrides, directories -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("tweets.js", "window.YTD.tweets.part0 = []", "twitter"),
        ("tweets-part2.js", "window.YTD.tweets.part2 = []", "twitter"),
        ("export.js", "window.YTD.tweets.part0 = []", "twitter"),
        ("posts.json", '[{"id": 1, "text": "x"}]', "json"),
        ("posts.JSONL", "", "jsonl"),
        ("posts.ndjson", "", "jsonl"),
        ("posts.csv", "", "csv"),
        ("posts.tsv", "", "tsv"),
        ("a.txt", "", "text"),
        ("a.md", "", "text"),
        ("a.markdown", "", "text"),
        ("a.rst", "", "text"),
        ("DRAFT", "hello", "text"),
    ],
)
def test_detect_format(tmp_path, name, content, expected):
    assert detect_format(Path(write(tmp_path, name, content))) == expected


def test_unknown_extension_and_missing_file(tmp_path):
    path = write(tmp_path, "scan.pdf", b"%PDF-1.7")
    assert error_of(path).startswith(f"{path}: unknown file type '.pdf'; use --input-format")
    assert error_of("x.csv") == "x.csv: no such file"


def test_input_format_override(tmp_path):
    path = write(tmp_path, "export.txt", '{"text": "one"}\n{"text": "two"}\n')
    assert read(path, input_format="jsonl") == [Post("1", "one", path, 1), Post("2", "two", path, 2)]
    assert error_of(path, input_format="xml").startswith("unknown input format 'xml'")


def test_directory_recursion_is_sorted_and_skips_hidden_and_unknown(tmp_path):
    write(tmp_path, "b.txt", "draft b")
    write(tmp_path, "a/z.md", "draft z")
    write(tmp_path, "a/posts.csv", "id,text\n1,row one\n")
    write(tmp_path, "c/feed.jsonl", '{"text": "line"}\n')
    write(tmp_path, ".git/notes.txt", "hidden")
    write(tmp_path, ".hidden.txt", "hidden")
    write(tmp_path, "c/photo.png", b"\x89PNG")
    write(tmp_path, "c/app.js", "console.log(1)")
    root = str(tmp_path)
    assert [(p.source, p.text) for p in read(root)] == [
        (os.path.join(root, "a", "posts.csv"), "row one"),
        (os.path.join(root, "a", "z.md"), "draft z"),
        (os.path.join(root, "b.txt"), "draft b"),
        (os.path.join(root, "c", "feed.jsonl"), "line"),
    ]


def test_directory_source_keeps_the_users_spelling(tmp_path, monkeypatch):
    write(tmp_path, "exports/d.txt", "draft")
    monkeypatch.chdir(tmp_path)
    assert [p.source for p in read("exports/")] == ["exports/d.txt"]


def test_unzipped_x_archive_reads_only_tweet_files(tmp_path):
    archive = tmp_path / "twitter-2024"
    write(archive, "Your archive.html", "<html>")
    write(archive, "data/manifest.js", "window.__THAR_CONFIG = {}")
    write(archive, "data/tweets.js", 'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "a"}}]')
    write(archive, "data/tweets-part1.js", 'window.YTD.tweets.part1 = [{"tweet": {"id_str": "2", "full_text": "b"}}]')
    write(archive, "data/like.js", 'window.YTD.like.part0 = [{"like": {"fullText": "not mine"}}]')
    write(archive, "assets/readme.txt", "not a post")
    assert [(Path(p.source).name, p.id) for p in read(str(archive))] == [("tweets-part1.js", "2"), ("tweets.js", "1")]


def test_error_inside_directory_names_the_file(tmp_path):
    write(tmp_path, "a.txt", "fine")
    bad = write(tmp_path, "b.jsonl", "{oops\n")
    assert error_of(str(tmp_path)).startswith(f"{bad}:1: invalid JSON")


def test_iter_input_files_lists_paths(tmp_path):
    write(tmp_path, "x/1.json", "[]")
    write(tmp_path, "x/__pycache__/junk.txt", "")
    assert list(iter_input_files(str(tmp_path))) == [os.path.join(str(tmp_path), "x", "1.json")]


# --- counting for progress bars ------------------------------------------------------------


def test_count_records(tmp_path):
    assert count_records(write(tmp_path, "p.jsonl", '{"text": 1}\n\n{"text": 2}\n')) == 2
    assert count_records(write(tmp_path, "p.csv", EXCEL_CSV)) == 3
    assert count_records(write(tmp_path, "p.txt", "draft")) == 1
    assert count_records(write(tmp_path, "p.json", "[]")) is None
    assert count_records("-") is None
    assert count_records(str(tmp_path / "missing.csv")) is None
    (tmp_path / "p.json").unlink()
    assert count_records(str(tmp_path)) == 6
