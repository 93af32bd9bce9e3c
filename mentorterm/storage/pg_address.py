"""A team database's address, kept for later (issue 19): a laptop syncs again
with the address it was taken offline from, never with its password."""

from __future__ import annotations


def kept_target(target: str) -> str:
    """The address to connect again later, everything but a password in it
    (libpq then finds the password in ~/.pgpass, or the mentor is asked)."""
    from urllib.parse import quote, urlencode

    from psycopg.conninfo import conninfo_to_dict

    parts = {k: str(v) for k, v in conninfo_to_dict(target).items() if k != "password"}
    name = parts.pop("dbname", "")
    return f"postgresql:///{quote(name)}?{urlencode(sorted(parts.items()))}"


def login_of(target: str) -> str:
    """The login an address connects as ("" when libpq's default)."""
    from psycopg.conninfo import conninfo_to_dict

    return str(conninfo_to_dict(target).get("user") or "")
