"""Database passwords in the operating system's keyring (the ``keyring`` package), nowhere else.

Never in the project, the settings, the address or the log. Tests pick a keyring backend of their own
(``keyring.set_keyring``), so the developer's keyring is never touched.
"""
from __future__ import annotations

import logging

SERVICE = "KCN Planner (PostgreSQL)"
log = logging.getLogger(__name__)


def account(host: str, port, database: str, user: str) -> str:
    """The keyring user name of one database login: ``user@host:port/database``."""
    return f"{user}@{host}:{port}/{database}"


def get_password(host: str, port, database: str, user: str) -> str | None:
    """The stored password, or None (no keyring, nothing stored: libpq's own means then apply)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, account(host, port, database, user))
    except (KeyringError, RuntimeError) as exc:  # no usable backend on this machine
        log.info("keyring unavailable: %s", type(exc).__name__)
        return None


def set_password(host: str, port, database: str, user: str, password: str) -> bool:
    """Store the password; False when the machine has no usable keyring (then it is not kept)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, account(host, port, database, user), password)
        return True
    except (KeyringError, RuntimeError) as exc:
        log.warning("could not keep the password in the keyring: %s", type(exc).__name__)
        return False


def forget_password(host: str, port, database: str, user: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, account(host, port, database, user))
    except (PasswordDeleteError, KeyringError, RuntimeError):
        pass
