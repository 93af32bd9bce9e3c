"""The job search's fields in the access export (schema 10): labels, fixed lists."""

from __future__ import annotations

from ...enums_provider import ContactHow, ContactOutcome, CvState
from ...i18n import N_

# The citizen's three lists (links, not fields: each has a section of its own).
LISTS = ("cv_states", "job_contacts", "target_companies")

# The fields of the three lists, labelled (``fields.FIELD_LABELS`` takes them).
LABELS = {
    "state": N_("State"),
    "noted_on": N_("Noted on"),
    "note": N_("Note"),
    "company": N_("Company"),
    "contacted_on": N_("Contacted on"),
    "how": N_("How"),
    "follow_up_on": N_("Follow up on"),
    "followed_up_on": N_("Followed up on"),
    "why": N_("Why"),
    "position": N_("Place on the list"),
    "added_on": N_("Added on"),
}

# Fixed lists whose stored value has a label (``values._ENUMS`` takes them).
ENUMS = {
    ("cv_status", "state"): CvState,
    ("job_contact", "how"): ContactHow,
    ("job_contact", "outcome"): ContactOutcome,
}
