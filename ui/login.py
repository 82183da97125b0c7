"""The sidebar's login box: log in to write when the server sets ``[auth]`` (``ui/access.py``).

Nothing is drawn on a server without ``[auth]``. With it, a visitor who is not logged in sees a
**Log in** button (one per provider when several are configured) and a note that anyone can read;
a logged-in visitor sees which account they are and a **Log out** button.
"""

from __future__ import annotations

import streamlit as st

from ui.access import auth_configured, login_providers, signed_in_email, signed_in_user
from ui.safe_text import inert

READ_NOTE = "Anyone can read this dashboard; editors log in to add to the library."


def render_login() -> None:
    """Draw the login box in the sidebar (nothing when the server has no ``[auth]``)."""
    if not auth_configured():
        return
    user = signed_in_user()
    with st.sidebar:
        if user is None:
            providers = login_providers()
            for provider in providers:
                label = "Log in" if len(providers) == 1 else f"Log in with {inert(provider)}"
                if st.button(label, icon=":material/login:", key=f"login-{provider or 'default'}"):
                    st.login(provider)
            st.caption(READ_NOTE)
            return
        email = signed_in_email(user)
        # The address comes from the identity provider: shown inert, so it cannot form a link.
        account = inert(email) if email else "an account without an e-mail address"
        st.caption(f"Signed in as {account}")
        if st.button("Log out", icon=":material/logout:", key="logout"):
            st.logout()
