"""Who may write to the team library: decided on the server alone, never from what a client sends.

Two ways a server can be set up (``.streamlit/secrets.toml``):

- With an ``[auth]`` section, writing needs a login (``st.login``, OpenID Connect). Only accounts
  on the ``[library] editors`` list may write: full e-mail addresses (``"alice@example.org"``)
  or whole domains (``"@example.org"``, that domain exactly, not its subdomains). Everyone
  else reads. The identity is ``st.user``, which Streamlit fills on the server from the signed
  cookie it set after the round trip to the identity provider.
- Without ``[auth]``, writing is open only when the server itself listens on loopback
  (``make run``), or when the operator sets ``[library] allow_writes = true``: then anyone who
  can reach the server may write (use it only on a network you trust).

The Host header, the URL the browser reports, query parameters and anything else in a request are
client input, so they play no part. A server that copies request headers into ``st.user``
(``server.trustedUserHeaders``) lets a client name itself, so it gets no writes with ``[auth]``.

Every write is recorded as :attr:`WriteAccess.author`: the e-mail of the login, or
``local:<user>`` (the operating-system account running the server) when there is no ``[auth]``.
"""

from __future__ import annotations

import getpass
import ipaddress
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import streamlit as st
from streamlit import config

EDITORS_SETTING = "editors"
WRITES_SETTING = "allow_writes"
LOGIN_REASON = "Log in with an editor's account to add to the library."
LOOPBACK_REASON = (
    "Adding to the library is open only when the server listens on loopback (`make run`), "
    "or to editors who log in when the server sets `[auth]` in .streamlit/secrets.toml."
)
NOT_AN_EDITOR_REASON = (
    "This account is not on the server's editor list (`[library] editors` in "
    ".streamlit/secrets.toml); ask the operator to add it."
)
NO_EMAIL_REASON = (
    "This login carries no e-mail address (ask the identity provider for the `email` claim), "
    "so it cannot add to the library."
)
NO_EDITORS_REASON = (
    "This server lists no editors (`[library] editors` in .streamlit/secrets.toml), "
    "so nobody can add to the library yet."
)
UNVERIFIED_REASON = (
    "The identity provider has not verified this account's e-mail address, "
    "so it cannot add to the library."
)
HEADER_IDENTITY_REASON = (
    "This server copies request headers into the login (`server.trustedUserHeaders`), "
    "which a visitor can forge, so nobody can add to the library from it."
)


@dataclass(frozen=True)
class WriteAccess:
    """Whether this visitor may write, why (in words an analyst can act on), and as whom.

    ``author`` is what a write records as its maker: the logged-in e-mail with ``[auth]`` (empty
    when nobody is logged in), else ``local:<os user of the server process>``.
    """

    allowed: bool
    reason: str
    author: str


def is_loopback_address(address: str | None) -> bool:
    """True when a server bound to ``address`` can be reached from this machine only.

    An unset address means Streamlit listens on every interface, and ``0.0.0.0`` or ``::`` are
    every interface too: none of these is loopback.
    """
    if not address:
        return False
    host = address.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _normal_address(email: str) -> tuple[str, str] | None:
    """``(local part, domain)`` of a plain address, lower-cased; None for anything else.

    A plain address has one ``@``, something on both sides and no whitespace or control
    characters, so that no odd spelling can end in an editor's domain.
    """
    value = email.strip().lower()
    local, at, domain = value.partition("@")
    if not at or not local or not domain or "@" in domain:
        return None
    if any(char.isspace() or not char.isprintable() for char in value):
        return None
    return local, domain


def is_editor(email: str | None, editors: Iterable[str]) -> bool:
    """True when ``email`` is on the ``editors`` list; case-insensitive.

    An entry is a full address (``alice@example.org``) or a whole domain (``@example.org``),
    which matches addresses in exactly that domain: not ``evil-example.org``,
    ``example.org.evil`` nor ``sub.example.org``. Other entries match nothing. A single string
    counts as a one-entry list.
    """
    if not isinstance(email, str):
        return False
    address = _normal_address(email)
    if address is None:
        return False
    local, domain = address
    entries = [editors] if isinstance(editors, str) else editors
    for entry in entries:
        if not isinstance(entry, str):
            continue
        wanted = entry.strip().lower()
        if wanted.startswith("@"):
            if _normal_address("x" + wanted) is not None and wanted[1:] == domain:
                return True
        elif _normal_address(wanted) == (local, domain):
            return True
    return False


def _secrets_section(name: str) -> Mapping:
    """``[name]`` from the server's secrets, or an empty mapping when it is not there."""
    try:
        section = st.secrets.get(name)
    except (FileNotFoundError, KeyError, AttributeError, st.errors.StreamlitSecretNotFoundError):
        return {}
    return section if isinstance(section, Mapping) else {}


def auth_configured() -> bool:
    """True when the server's secrets have an ``[auth]`` section (login with ``st.login``)."""
    try:
        return isinstance(st.secrets.get("auth"), Mapping)
    except (FileNotFoundError, KeyError, AttributeError, st.errors.StreamlitSecretNotFoundError):
        return False


def login_providers() -> list[str | None]:
    """The providers ``st.login`` can use: ``[None]`` for the default one (``client_id`` set in
    ``[auth]`` itself), else the names of the ``[auth.<name>]`` sections."""
    auth = _secrets_section("auth")
    if "client_id" in auth or "server_metadata_url" in auth:
        return [None]
    return sorted(name for name, value in auth.items() if isinstance(value, Mapping))


def signed_in_user() -> dict | None:
    """The claims of the logged-in account (``st.user``), or None when nobody is logged in.

    ``st.user`` says ``is_logged_in`` only after a login; without one (and in AppTest, whose
    default user has an e-mail but no login) it is not a login.
    """
    try:
        user = st.user.to_dict()
    except (AttributeError, KeyError, RuntimeError):
        return None
    if user.get("is_logged_in") is not True:
        return None
    return dict(user)


def signed_in_email(user: Mapping | None = None) -> str | None:
    """The e-mail of the logged-in account, stripped and lower-cased; None without one."""
    user = signed_in_user() if user is None else user
    email = user.get("email") if user else None
    if not isinstance(email, str) or not email.strip():
        return None
    return email.strip().lower()


def _server_account() -> str:
    """``local:<name>`` of the operating-system account that runs this server."""
    try:
        return f"local:{getpass.getuser()}"
    except (KeyError, OSError):
        return "local:unknown"


def _editors() -> list[str]:
    editors = _secrets_section("library").get(EDITORS_SETTING, [])
    if isinstance(editors, str):
        return [editors]
    return [entry for entry in editors if isinstance(entry, str)] if _is_list(editors) else []


def _is_list(value: object) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping)


def _headers_fill_the_login() -> bool:
    """True when Streamlit copies request headers into ``st.user`` (over the login's claims)."""
    mapping = config.get_option("server.trustedUserHeaders")
    return isinstance(mapping, Mapping) and bool(mapping)


def _login_write_access() -> WriteAccess:
    """With ``[auth]``: the logged-in account may write when it is on the editor list."""
    user = signed_in_user()
    email = signed_in_email(user)
    if user is None:
        return WriteAccess(False, LOGIN_REASON, "")
    if _headers_fill_the_login():
        return WriteAccess(False, HEADER_IDENTITY_REASON, email or "")
    if email is None:
        return WriteAccess(False, NO_EMAIL_REASON, "")
    # Some providers send the claim as a string (AWS Cognito: "false").
    if str(user.get("email_verified")).strip().lower() == "false":
        return WriteAccess(False, UNVERIFIED_REASON, email)
    editors = _editors()
    if not editors:
        return WriteAccess(False, NO_EDITORS_REASON, email)
    if not is_editor(email, editors):
        return WriteAccess(False, NOT_AN_EDITOR_REASON, email)
    return WriteAccess(True, "This account is on the server's editor list.", email)


def write_access() -> WriteAccess:
    """May this visitor add to the library, and as whom? Reads server-side state only."""
    if auth_configured():
        return _login_write_access()
    author = _server_account()
    if _secrets_section("library").get(WRITES_SETTING) is True:
        return WriteAccess(
            True, f"`[library] {WRITES_SETTING} = true` is set on this server.", author
        )
    address = config.get_option("server.address")
    if is_loopback_address(address):
        return WriteAccess(True, f"The server listens on loopback ({address}).", author)
    return WriteAccess(False, LOOPBACK_REASON, author)
