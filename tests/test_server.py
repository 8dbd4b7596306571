"""``hipaalint serve``: the local web API and page, through Starlette's TestClient."""

from __future__ import annotations

import re
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from hipaalint.errors import ConfigError
from hipaalint.server import CSP, MAX_TEXT_BYTES, create_app, make_server, run_server

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

LEAK = "Hi Maria, so sorry your root canal on March 3 hurt! MRN 00482913"


@pytest.fixture(scope="module")
def client(linter) -> TestClient:
    return TestClient(create_app(linter), base_url="http://127.0.0.1:8765")


def lint(client: TestClient, **body):
    return client.post("/api/lint", json=body)


def spans(result: dict) -> dict[str, str]:
    return {f["rule"]: LEAK[f["start"] : f["end"]] for f in result["findings"]}


def test_lint_returns_findings_with_spans(client):
    response = lint(client, text=LEAK)
    assert response.status_code == 200
    data = response.json()
    found = spans(data["result"])
    assert found["PHI-NAME"] == "Maria"
    assert found["PHI-DATE"] == "March 3"
    assert found["PHI-MRN"] == "00482913"
    for f in data["result"]["findings"]:
        assert f["text"] == LEAK[f["start"] : f["end"]]  # unmasked, same as the JSON reporter
    assert set(data["rules"]) == {f["rule"] for f in data["result"]["findings"]}
    assert data["rules"]["PHI-MRN"]["severity"] == "error"
    assert data["rules"]["PHI-NAME"]["hint"]
    assert data["rewrite"]["style"] == "tag"


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("tag", "Hi [PATIENT], so sorry"),
        ("mask", "Hi M****, so sorry"),
        ("generalize", "Hi there, so sorry"),
    ],
)
def test_lint_rewrites_in_each_style(client, style, expected):
    rewrite = lint(client, text=LEAK, style=style).json()["rewrite"]
    assert rewrite["text"].startswith(expected)
    for value in ("Maria", "March 3", "00482913"):
        assert value not in rewrite["text"]
    assert rewrite["unfixed"] == ["SOC-REVIEW-CONFIRMS-PATIENT"]  # contextual: a sentence to offer
    assert rewrite["suggestions"] and all(isinstance(s, str) for s in rewrite["suggestions"])


def test_style_defaults_to_the_configured_one(client, linter):
    assert linter.config.rewrite_style == "tag"
    assert lint(client, text=LEAK).json()["rewrite"]["style"] == "tag"
    assert lint(client, text=LEAK, style=None).json()["rewrite"]["style"] == "tag"


def test_clean_post_has_no_findings_and_unchanged_rewrite(client):
    text = "Flu shots are in! Walk in any weekday 9-5."
    data = lint(client, text=text, style="generalize").json()
    assert data["result"]["findings"] == []
    assert data["rewrite"] == {"style": "generalize", "text": text, "unfixed": [], "suggestions": []}
    assert data["rules"] == {}


def test_offsets_are_code_points_after_emoji(client):
    text = "\U0001F389\U0001F389 Happy 95th, Dolores! MRN 00482913"
    findings = lint(client, text=text).json()["result"]["findings"]
    assert {text[f["start"] : f["end"]] for f in findings} >= {"00482913"}


@pytest.mark.parametrize(
    ("body", "content_type", "status", "says"),
    [
        (b"{not json", "application/json", 400, "not valid JSON"),
        (b"\xff\xfe", "application/json", 400, "not valid JSON"),
        (b'["a list"]', "application/json", 400, "JSON object"),
        (b'"text"', "application/json", 400, "JSON object"),
        (b"{}", "application/json", 400, '"text" is required'),
        (b'{"text": 42}', "application/json", 400, '"text" is required'),
        (b'{"text": null}', "application/json", 400, '"text" is required'),
        (b'{"text": "hi", "style": "shout"}', "application/json", 400, "tag, mask, generalize"),
        (b'{"text": "hi", "style": 1}', "application/json", 400, "tag, mask, generalize"),
        (b'{"text": "\\ud800"}', "application/json", 400, "not valid Unicode"),
        (b'{"text": "hi"}', "text/plain", 415, "application/json"),
    ],
)
def test_bad_requests_get_a_json_error(client, body, content_type, status, says):
    response = client.post("/api/lint", content=body, headers={"content-type": content_type})
    assert response.status_code == status
    assert says in response.json()["error"]


def test_oversized_post_is_refused_with_413(client):
    response = lint(client, text="a" * (MAX_TEXT_BYTES + 1))
    assert response.status_code == 413
    assert "100 KB" in response.json()["error"]
    # the limit counts UTF-8 bytes, not characters
    assert lint(client, text="é" * (MAX_TEXT_BYTES // 2 + 1)).status_code == 413
    assert lint(client, text="a" * MAX_TEXT_BYTES, style="tag").status_code == 200


def test_huge_body_is_refused_before_parsing(client):
    response = client.post("/api/lint", content=b"x" * (10 * MAX_TEXT_BYTES), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_unexpected_error_is_a_bare_500(linter):
    class Broken:
        rules, config = linter.rules, linter.config

        def lint_text(self, text, source="<text>"):
            raise RuntimeError(f"boom in {text}")

    client = TestClient(create_app(Broken()), base_url="http://127.0.0.1")
    response = client.post("/api/lint", json={"text": "Maria secret"})
    assert response.status_code == 500
    assert response.json() == {"error": "internal error"}
    assert "Maria" not in response.text and "boom" not in response.text
    assert response.headers["cache-control"] == "no-store"


def test_page_is_self_contained_with_strict_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "'unsafe-inline'" not in CSP
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    page = response.text
    assert '<html lang="en">' in page and 'name="viewport"' in page
    assert "Runs on this computer. Nothing is stored or sent anywhere." in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    assert "<script>" not in page and "<style" not in page and " style=" not in page  # CSP forbids inline
    for asset in re.findall(r"""(?:src|href)="(/static/[^"]+)""", page):
        got = client.get(asset)
        assert got.status_code == 200, asset
        assert got.headers["content-security-policy"] == CSP
        assert "http://" not in got.text and "https://" not in got.text
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", got.text)


def test_unknown_paths_and_hosts_are_refused(client, linter):
    assert client.get("/static/../server.py").status_code == 404
    assert client.get("/api/lint").status_code == 405
    assert client.get("/nope").json() == {"error": "Not found."}
    # a DNS-rebinding page arrives with its own Host header
    assert TestClient(create_app(linter), base_url="http://evil.example").get("/").status_code == 400


def test_rules_lists_every_rule(client, linter):
    rules = client.get("/api/rules").json()
    assert [r["id"] for r in rules] == [r.id for r in linter.rules]
    name = next(r for r in rules if r["id"] == "PHI-NAME")
    assert set(name) == {"id", "name", "severity", "pack", "rationale", "hint"}
    assert name["severity"] == "error" and name["hint"]


def test_run_server_picks_a_free_port_prints_it_and_opens_the_page(linter, monkeypatch):
    import threading

    import httpx

    from hipaalint import server as server_module

    servers, lines, opened = [], [], []

    def capture(app):
        servers.append(make_server(app))
        return servers[-1]

    def opener(url):  # called once the server is up: fetch the page like a browser, then stop
        opened.append((url, httpx.get(url).status_code))
        servers[0].should_exit = True

    monkeypatch.setattr(server_module, "make_server", capture)
    thread = threading.Thread(
        target=run_server, args=(linter,), kwargs={"port": 0, "open_browser": True, "opener": opener, "out": lines.append}
    )
    thread.start()
    thread.join(timeout=15)
    assert not thread.is_alive()
    url = re.search(r"http://127\.0\.0\.1:(\d+)/", lines[0])
    assert url and int(url.group(1)) > 0
    assert opened == [(url.group(0), 200)]
    assert "Nothing is stored or sent anywhere." in "\n".join(lines)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "localhost", "192.168.1.10", ""])
def test_run_server_refuses_any_host_but_loopback(linter, host):
    with pytest.raises(ConfigError, match="only listens on 127.0.0.1"):
        run_server(linter, host=host, port=0)


def test_run_server_reports_a_busy_port(linter):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ConfigError, match=f"cannot listen on 127.0.0.1:{port}"):
            run_server(linter, port=port)
