"""Names, phone numbers and e-mail addresses of the demo's invented people."""

from __future__ import annotations

import random
from typing import Any


def _pick(rng: random.Random, options: tuple[str, ...]) -> str:
    return rng.choice(options)


def _phone(rng: random.Random) -> str:
    return "+45 " + " ".join(f"{rng.randint(20, 99)}" for _ in range(4))


_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"})


def _mail_name(name: str) -> str:
    """'Mette Jørgensen' -> 'mette.joergensen' (the local part of an address)."""
    text = name.lower().translate(_ASCII).replace(" ", ".")
    local = "".join(ch for ch in text if ch.isascii() and (ch.isalnum() or ch == "."))
    return ".".join(part for part in local.split(".") if part) or "citizen"


def _email(name: str, rng: random.Random) -> str:
    return f"{_mail_name(name)}{rng.randint(1, 99)}@mail.example"


def _citizen(rng: random.Random, names: tuple[str, ...], **fields: Any) -> dict[str, Any]:
    name = rng.choice(names)
    base = {"name": name, "phone": _phone(rng)}
    if rng.random() < 0.7:
        base["email"] = _email(name, rng)
    caseworker = fields.get("caseworker_name", "")
    if caseworker:
        town = "aarhus" if "Aarhus" in fields.get("jobcenter", "") else "odense"
        base["caseworker_email"] = f"{_mail_name(caseworker)}@jobcenter-{town}.example"
        base["caseworker_phone"] = ("+45 87 13 " if town == "aarhus" else "+45 65 51 ") + (
            f"{rng.randint(10, 99)} {rng.randint(10, 99)}"
        )
    base.update(fields)
    return base
