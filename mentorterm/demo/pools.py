"""The shared word lists the demo draws its free text from."""

from __future__ import annotations

_ADDRESSES = (
    "Vestergade 41, 1. tv, 8000 Aarhus C",
    "Skovvejen 7, st. th, 8240 Risskov",
    "Frederiksgade 112, 3. mf, 8000 Aarhus C",
    "Gudrunsvej 18, 2. th, 8220 Brabrand",
    "Rosenhøj 14, 4. tv, 8260 Viby J",
    "Vollsmose Allé 29, 2. tv, 5240 Odense NØ",
    "Munkebjergvej 63, 1. th, 5230 Odense M",
    "Kongensgade 88, 3. tv, 5000 Odense C",
    "Toftevej 5, 5200 Odense V",
    "Bispehavevej 21, 1. mf, 8210 Aarhus V",
    "Holmstrupgårdvej 9, 8220 Brabrand",
    "Nørre Allé 30, st. tv, 8000 Aarhus C",
    "Højstrupvej 40, 5200 Odense V",
    "Langelinie 11, 2. th, 5230 Odense M",
    "Grenåvej 201, 8240 Risskov",
    "Sønderborggade 6, 1. tv, 8000 Aarhus C",
)

_LIFE_AFTER_WORK = (
    "Slept two hours after work.",
    "Cooked dinner, early to bed.",
    "Tired but good.",
    "Went for a walk in the evening.",
    "Too tired to cook; ate a sandwich.",
    "Calm evening at home.",
    "Headache in the evening.",
    "Watched TV and relaxed.",
    "Did the shopping on the way home.",
    "Restless evening, slept badly.",
)

_BREAKS = (
    "10 min at 10:30",
    "Lunch 30 min",
    "Two short breaks",
    "Extra break in the quiet room",
    "Coffee with the team",
    "Break outside, 15 min",
)

_MOTIVATION = {
    "high": (
        "{first} is proud of the steady weeks and wants more hours.",
        "Good drive; {first} talks about the job goal again.",
        "Says the routine helps; looks forward to the work days.",
        "More energy than in months, in {first}'s own words.",
    ),
    "mid": (
        "Up and down: good work days, tired and doubtful in between.",
        "{first} wants to go on but fears failing again, as in earlier courses.",
        "Motivated by the tasks, less by the mornings.",
        "Keeps going; finds it hard to see the progress.",
    ),
    "low": (
        "Low: {first} says 'it never works for me anyway'.",
        "Hard weeks; we talked about what still makes sense.",
        "Motivation low after the absence; agreed on one small step.",
        "{first} is ashamed of the missed days and almost did not come today.",
    ),
    "before": (
        "Wants to get started but is nervous about a new workplace.",
        "Curious, but some distrust after several earlier courses.",
        "Ready to try; wants it to be different this time.",
    ),
}

_WORKPLACE_VIEWS = {
    "high": (
        "{supervisor} says {first} is reliable and the team likes working together.",
        "The workplace is happy; {first} works carefully and asks when in doubt.",
        "{supervisor}: '{first} has found a good rhythm; we can give more responsibility.'",
    ),
    "mid": (
        "{supervisor} is satisfied with the work but needs a call earlier when {first} is away.",
        "Good days are good; the workplace finds the absence hard to plan around.",
        "{supervisor} sees progress but wants the hours kept as they are for now.",
    ),
    "low": (
        "{supervisor} is worried about the absence and asks what the workplace can do.",
        "The workplace wants to keep {first} but needs more stable attendance.",
        "{supervisor} has not heard from {first} on the missed days; wants a plan for calling in.",
    ),
}

_BEFORE_PLACEMENT = {
    "attendance": "No placement yet; {first} came on time to the meetings.",
    "tasks": (
        "Talked about job wishes and which placement to start in.",
        "Went through earlier jobs and courses: what worked, what did not.",
        "Looked at the internal training grounds together.",
    ),
    "accommodations": (
        "Went through the accommodations in the referral and what {first} needs at work.",
        "Talked about what a first workplace must take into account.",
    ),
}

_GENERIC_ACTIONS = (
    ("Bring the logbook to the next meeting", "citizen"),
    ("Update the caseworker by e-mail", "mentor"),
    ("Book the next three-party meeting", "mentor"),
    ("Renew the bus card", "citizen"),
    ("Call on Monday morning to hear how the weekend went", "mentor"),
)

_DECISIONS = (
    "Continue as now; next follow-up in two weeks.",
    "Hours stay as they are.",
    "Keep the hours; look at the logbook together next time.",
    "No change; mentor checks in by phone next week.",
    "Keep the plan; sub-goals scored again next time.",
)

_REVIEW_GENERIC = (
    "Stable; no action this week.",
    "Contact within cadence; follow up at the next meeting.",
    "Logbook fine; ask about paid hours at the next three-party meeting.",
    "Quiet week; mentor calls to check in.",
    "Sub-goals due for scoring at the next meeting.",
    "Caseworker asked for a status; mentor writes it this week.",
)

_OFFICE = "Mentor office, Søndergade 14"
