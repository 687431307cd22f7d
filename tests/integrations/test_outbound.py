"""Outbound URL safety and the redirect-checking POST, against a real local HTTP server."""

from __future__ import annotations

import socket

import pytest
import requests
from pytest_httpserver import HTTPServer
from werkzeug import Response

from factcheck.integrations import outbound
from factcheck.integrations.outbound import (
    HostNotFound,
    TooManyRedirects,
    UnsafeURL,
    check_url,
    post_json,
)

LOCAL = ("127.0.0.1",)


@pytest.fixture(scope="module")
def local_server():
    """A real HTTP server on 127.0.0.1 (not 'localhost', which also resolves to ::1)."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def receiver(local_server):
    """The local server with no expectations and an empty log."""
    local_server.clear()
    yield local_server
    local_server.clear()


class RecordingSession(requests.Session):
    """A real session that remembers every URL it posted to."""

    def __init__(self):
        super().__init__()
        self.posted = []

    def post(self, url, **kwargs):
        self.posted.append(url)
        return super().post(url, **kwargs)


@pytest.fixture
def fake_dns(monkeypatch):
    """Resolve chosen names to chosen addresses, without a DNS server."""
    table = {}

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in table[host]
        ]

    monkeypatch.setattr(outbound.socket, "getaddrinfo", getaddrinfo)
    return table


# -- check_url -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://127.0.0.1/hook", "loopback"),
        ("http://127.9.9.9:8080/", "loopback"),
        ("http://localhost:5000/hook", "loopback"),
        ("http://[::1]/hook", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.10/", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://[fd00:ec2::254]/", "metadata"),
        ("http://100.100.100.200/", "metadata"),
        ("http://169.254.1.1/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://100.64.0.1/", "not a public"),
        ("http://240.0.0.1/", "reserved"),
    ],
)
def test_non_public_addresses_are_refused(url, reason):
    with pytest.raises(UnsafeURL, match=reason) as raised:
        check_url(url)
    assert raised.value.status == 422


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.com/", "gopher://x/", "javascript:alert(1)", "//x/"],
)
def test_other_schemes_are_refused(url):
    with pytest.raises(UnsafeURL, match="only http and https"):
        check_url(url)


@pytest.mark.parametrize("url", ["http:///path", "http://[::1/", "http://example.com:99999/"])
def test_broken_urls_are_refused(url):
    with pytest.raises(UnsafeURL):
        check_url(url)


def test_public_addresses_pass(fake_dns):
    fake_dns["news.example"] = ["93.184.216.34"]
    check_url("https://news.example/hooks/factcheck")
    check_url("http://93.184.216.34:8080/x")
    check_url("http://[2606:4700::1111]/x")


def test_a_host_with_any_private_address_is_refused(fake_dns):
    fake_dns["mixed.example"] = ["93.184.216.34", "10.0.0.7"]
    with pytest.raises(UnsafeURL, match="10.0.0.7, a private address"):
        check_url("https://mixed.example/")


def test_an_unresolvable_host_is_refused(fake_dns):
    with pytest.raises(HostNotFound, match="does not resolve"):
        check_url("https://nowhere.example/")


def test_allow_lists_hosts_addresses_and_networks(fake_dns):
    fake_dns["cms.internal"] = ["10.0.0.7"]
    check_url("http://127.0.0.1:8000/hook", allow=["127.0.0.1"])
    check_url("http://localhost:8000/hook", allow=["localhost"])
    check_url("http://[::1]:8000/hook", allow=["::1"])
    check_url("http://cms.internal/hook", allow=["10.0.0.0/8"])
    check_url("http://CMS.internal./hook", allow=["cms.internal"])
    with pytest.raises(UnsafeURL):
        check_url("http://cms.internal/hook", allow=["192.168.0.0/16", "127.0.0.1"])
    with pytest.raises(UnsafeURL, match="metadata"):
        check_url("http://169.254.169.254/", allow=["127.0.0.1", "10.0.0.0/8"])


# -- post_json -----------------------------------------------------------------------------------


def test_post_json_delivers_to_an_allowed_receiver(receiver):
    receiver.expect_oneshot_request(
        "/hook", method="POST", data=b'{"ok": true}', headers={"webhook-id": "msg_1"}
    ).respond_with_data("done", status=200)
    response = post_json(
        receiver.url_for("/hook"), b'{"ok": true}', {"webhook-id": "msg_1"}, allow=LOCAL
    )
    assert response.status_code == 200 and response.text == "done"
    assert receiver.log[0][0].headers["Content-Type"] == "application/json"
    receiver.check_assertions()


def test_post_json_refuses_a_local_receiver_that_is_not_allowed(receiver):
    session = RecordingSession()
    with pytest.raises(UnsafeURL, match="loopback"):
        post_json(receiver.url_for("/hook"), b"{}", {}, session=session)
    assert session.posted == [] and receiver.log == []


def test_redirect_to_a_metadata_address_is_refused_without_connecting(receiver):
    receiver.expect_request("/hook").respond_with_response(
        Response(status=307, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    )
    session = RecordingSession()
    with pytest.raises(UnsafeURL, match="metadata"):
        post_json(receiver.url_for("/hook"), b"{}", {}, allow=LOCAL, session=session)
    assert session.posted == [receiver.url_for("/hook")]


def test_307_and_308_are_followed_with_the_same_body_and_headers(receiver):
    receiver.expect_oneshot_request("/a").respond_with_response(
        Response(status=308, headers={"Location": "/b"})
    )
    receiver.expect_oneshot_request("/b").respond_with_response(
        Response(status=307, headers={"Location": receiver.url_for("/c")})
    )
    receiver.expect_oneshot_request(
        "/c", method="POST", data=b'{"n": 1}', headers={"webhook-signature": "v1,abc"}
    ).respond_with_data("", status=204)
    response = post_json(
        receiver.url_for("/a"), b'{"n": 1}', {"webhook-signature": "v1,abc"}, allow=LOCAL
    )
    assert response.status_code == 204
    assert [request.path for request, _ in receiver.log] == ["/a", "/b", "/c"]


@pytest.mark.parametrize("status", [301, 302, 303])
def test_method_changing_redirects_are_the_final_answer(receiver, status):
    receiver.expect_request("/hook").respond_with_response(
        Response(status=status, headers={"Location": "/elsewhere"})
    )
    response = post_json(receiver.url_for("/hook"), b"{}", {}, allow=LOCAL)
    assert response.status_code == status
    assert [request.path for request, _ in receiver.log] == ["/hook"]


def test_redirect_loops_stop(receiver):
    receiver.expect_request("/loop").respond_with_response(
        Response(status=307, headers={"Location": "/loop"})
    )
    with pytest.raises(TooManyRedirects, match="more than 2 redirects"):
        post_json(receiver.url_for("/loop"), b"{}", {}, allow=LOCAL, max_redirects=2)
    assert len(receiver.log) == 3


def test_credentials_are_not_forwarded_to_another_host(receiver):
    other = receiver.url_for("/landing").replace("127.0.0.1", "localhost")
    receiver.expect_request("/hook").respond_with_response(
        Response(status=307, headers={"Location": other})
    )
    receiver.expect_request("/landing").respond_with_data("ok")
    headers = {"Authorization": "Bearer secret", "webhook-id": "msg_1"}
    response = post_json(receiver.url_for("/hook"), b"{}", headers, allow=[*LOCAL, "localhost"])
    assert response.status_code == 200
    first, second = (request for request, _ in receiver.log)
    assert first.headers["Authorization"] == "Bearer secret"
    assert "Authorization" not in second.headers and second.headers["webhook-id"] == "msg_1"


def test_timeouts_are_passed_on():
    class Recorder(requests.Session):
        def post(self, url, **kwargs):
            self.kwargs = kwargs
            response = requests.Response()
            response.status_code = 200
            return response

    session = Recorder()
    post_json("http://127.0.0.1:9/x", b"{}", {}, allow=LOCAL, session=session)
    assert session.kwargs["timeout"] == (3.0, 10.0) and session.kwargs["allow_redirects"] is False


def test_a_name_that_rebinds_to_a_private_address_is_refused_when_connecting(
        receiver, monkeypatch):
    """Public when checked, loopback when connected: the connection's own peer is refused."""
    answers = iter(["93.184.216.34", "127.0.0.1"])  # the check's look-up, then the connection's
    real = socket.getaddrinfo

    def rebinding(host, port, *args, **kwargs):
        if host != "cms.example":
            return real(host, port, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(outbound.socket, "getaddrinfo", rebinding)
    url = f"http://cms.example:{receiver.port}/hook"
    with pytest.raises(UnsafeURL, match="connected to 127.0.0.1, a loopback address"):
        post_json(url, b"{}", {})
    assert receiver.log == []  # nothing reached the local server


def test_an_allowed_network_may_be_reached_by_name(receiver, monkeypatch):
    real = socket.getaddrinfo

    def internal(host, port, *args, **kwargs):
        if host != "cms.internal":
            return real(host, port, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(outbound.socket, "getaddrinfo", internal)
    receiver.expect_oneshot_request("/hook", method="POST").respond_with_data("ok")
    url = f"http://cms.internal:{receiver.port}/hook"
    assert post_json(url, b"{}", {}, allow=["127.0.0.0/8"]).status_code == 200
    assert post_json(url.replace("/hook", "/x"), b"{}", {}, allow=["cms.internal"]).status_code \
        in (404, 500)  # reached (the server has no /x); allowed by name
