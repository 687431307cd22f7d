"""Safety for every URL the server fetches on someone's say-so (callbacks).

``check_url`` refuses anything but http(s) to a host whose every address is public: no loopback,
private, link-local, shared, reserved, multicast, unspecified or cloud metadata address, unless the
host or the address is explicitly allowed (``allow`` holds hostnames, IPs or CIDR networks, e.g.
``("127.0.0.1",)`` in tests or ``("10.0.0.0/8",)`` for an internal receiver).

``post_json`` posts through that check with bounded timeouts, follows 307/308 redirects itself
(re-checking each target) and treats any other redirect as the final answer.

The check resolves the host, then the connection resolves it again; a DNS server answering
differently the second time (rebinding) would pass the first check. So the address each
connection actually reached is checked too, before a byte is sent (``PeerCheckingAdapter``).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Collection, Mapping
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from factcheck.errors import FactcheckError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
DEFAULT_TIMEOUT = (3.0, 10.0)  # (connect, read) seconds
DEFAULT_MAX_REDIRECTS = 3
REPLAYABLE_REDIRECTS = frozenset({307, 308})  # the only ones that keep the method and body
#: Instance metadata services (AWS, GCP, Azure, Alibaba, Oracle, ECS task metadata).
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(address)
    for address in (
        "169.254.169.254",
        "169.254.170.2",
        "fd00:ec2::254",
        "168.63.129.16",
        "100.100.100.200",
        "192.0.0.192",
    )
)
#: Headers never forwarded to another host on a redirect.
CREDENTIAL_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})


class UnsafeURL(FactcheckError):
    status, title = 422, "Unsafe URL"


class HostNotFound(UnsafeURL):
    """The host does not resolve (perhaps only for now): it cannot be checked, so it is refused."""


class TooManyRedirects(FactcheckError):
    status, title = 502, "Too many redirects"


def check_url(url: str, *, allow: Collection[str] = ()) -> None:
    """Raise UnsafeURL unless ``url`` is http(s) to public addresses only (or to allowed ones)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise UnsafeURL(f"{url!r} is not a valid URL") from None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise UnsafeURL(f"{url!r}: only http and https URLs are allowed")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise UnsafeURL(f"{url!r} has no host")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme.lower()]
    except ValueError:
        raise UnsafeURL(f"{url!r} has an invalid port") from None
    hosts, networks = _parse_allow(allow)
    if host in hosts:
        return
    for address in _resolve(host, port):
        reason = _refusal(address, networks)
        if reason:
            where = f"{host} resolves to {address}," if host != str(address) else f"{host} is"
            raise UnsafeURL(f"{url!r}: {where} {reason}")


def _refusal(address: IPAddress, networks: list[IPNetwork]) -> str | None:
    """Why ``address`` may not be reached, unless one of the allowed ``networks`` holds it."""
    reason = forbidden_reason(address)
    return None if reason is None or any(address in n for n in networks) else reason


def _parse_peer(sock: socket.socket) -> IPAddress:
    return ipaddress.ip_address(sock.getpeername()[0].split("%", 1)[0])


class PeerCheckingAdapter(HTTPAdapter):
    """A transport that refuses a connection whose peer address ``check_url`` would refuse.

    Applied to the socket once connected and before anything is sent, it catches a host that
    resolved to a public address when checked and to a private one when connected (DNS
    rebinding). Hosts and networks in ``allow`` pass as in ``check_url``. Connections through a
    proxy reach the proxy, which is not checked.
    """

    def __init__(self, allow: Collection[str] = (), **kwargs) -> None:
        self._hosts, self._networks = _parse_allow(allow)
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        hosts, networks = self._hosts, self._networks

        def checked(base: type) -> type:
            def _new_conn(conn):
                sock = base._new_conn(conn)
                host = conn.host.strip("[]").rstrip(".").lower()
                address = _parse_peer(sock)
                reason = None if host in hosts else _refusal(address, networks)
                if reason:
                    sock.close()
                    raise UnsafeURL(f"{conn.host} connected to {address}, {reason}")
                return sock

            return type(f"Checked{base.__name__}", (base,), {"_new_conn": _new_conn})

        self.poolmanager.pool_classes_by_scheme = {
            "http": type("CheckedHTTPPool", (HTTPConnectionPool,),
                         {"ConnectionCls": checked(HTTPConnection)}),
            "https": type("CheckedHTTPSPool", (HTTPSConnectionPool,),
                          {"ConnectionCls": checked(HTTPSConnection)}),
        }


def post_json(
    url: str,
    body: bytes,
    headers: Mapping[str, str],
    *,
    allow: Collection[str] = (),
    timeout: float | tuple[float, float] = DEFAULT_TIMEOUT,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    session: requests.Session | None = None,
) -> requests.Response:
    """POST ``body`` to a checked ``url``, following only 307/308 redirects to checked URLs.

    Returns the first response that is not a 307/308 with a Location (a 301/302/303 would turn
    the POST into a GET: it is returned as is). Raises UnsafeURL before connecting to any refused
    URL, TooManyRedirects past ``max_redirects``; network errors are requests' own exceptions.
    """
    headers = {"Content-Type": "application/json", **headers}
    own_session = session is None
    session = session or requests.Session()
    adapter = PeerCheckingAdapter(allow)  # every connection's peer is checked as well
    for scheme in ("http://", "https://"):
        session.mount(scheme, adapter)
    try:
        for _ in range(max_redirects + 1):
            check_url(url, allow=allow)
            response = session.post(
                url, data=body, headers=headers, timeout=timeout, allow_redirects=False
            )
            location = response.headers.get("Location")
            if response.status_code not in REPLAYABLE_REDIRECTS or not location:
                return response
            response.close()
            target = urljoin(url, location)
            if urlsplit(target).hostname != urlsplit(url).hostname:
                headers = _without_credentials(headers)
            url = target
        raise TooManyRedirects(f"more than {max_redirects} redirects, the last to {url!r}")
    finally:
        if own_session:
            session.close()


def forbidden_reason(address: IPAddress) -> str | None:
    """Why the server must not connect to ``address`` on a stranger's say-so, or None."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return forbidden_reason(address.ipv4_mapped)
    checks = (
        (address in METADATA_ADDRESSES, "a cloud metadata address"),
        (address.is_loopback, "a loopback address"),
        (address.is_unspecified, "an unspecified address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.is_reserved, "a reserved address"),
        (address.is_private, "a private address"),
        (not address.is_global, "not a public address"),
    )
    return next((reason for matched, reason in checks if matched), None)


def _parse_allow(allow: Collection[str]) -> tuple[set[str], list[IPNetwork]]:
    """Split ``allow`` into lower-case hostnames and IP networks (a single IP is a /32 or /128)."""
    if isinstance(allow, str):
        allow = (allow,)
    hosts, networks = set(), []
    for entry in allow:
        entry = entry.strip().strip("[]").lower().rstrip(".")
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            hosts.add(entry)
    return hosts, networks


def _resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (an IP literal is its own address)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise HostNotFound(f"host {host!r} does not resolve: {error}") from None
    # an IPv6 scope ("fe80::1%eth0") is not part of the address
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def _without_credentials(headers: Mapping[str, str]) -> dict[str, str]:
    return {
        name: value for name, value in headers.items() if name.lower() not in CREDENTIAL_HEADERS
    }
