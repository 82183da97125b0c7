"""Who may write to the server: decided on the server alone, never from what a client sends.

The Host header, the URL the browser reports and anything else in a request are client input,
so they play no part. Until the team library replaces it, saving to ``data/sources`` is open
only when the server itself listens on loopback (``make run``) or the operator allows it with
``[library] allow_save_to_sources = true`` in ``.streamlit/secrets.toml``.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

import streamlit as st

SAVE_SETTING = "allow_save_to_sources"


@dataclass(frozen=True)
class WriteAccess:
    """Whether this server may write, and why, in words an analyst can act on."""

    allowed: bool
    reason: str


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


def _library_setting(name: str) -> object:
    """``[library] name`` from the server's secrets, or None when it is not set."""
    try:
        return st.secrets.get("library", {}).get(name)
    except (FileNotFoundError, KeyError, AttributeError, st.errors.StreamlitSecretNotFoundError):
        return None


def write_access() -> WriteAccess:
    """May this server save to data/sources? Reads server configuration only."""
    if _library_setting(SAVE_SETTING) is True:
        return WriteAccess(True, f"[library] {SAVE_SETTING} is set on this server")
    address = st.get_option("server.address")
    if is_loopback_address(address):
        return WriteAccess(True, f"the server listens on loopback ({address})")
    return WriteAccess(
        False,
        "Saving to data/sources is open only when the server listens on loopback (`make run`) "
        f"or sets `[library] {SAVE_SETTING} = true` in .streamlit/secrets.toml.",
    )
